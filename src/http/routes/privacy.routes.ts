// A person's own data: a JSON copy of it, and erasing their account (with their password).
import { Type } from '@sinclair/typebox';
import { eraseMyAccount } from '../../domain/privacy/erasure.ts';
import { exportMyData } from '../../domain/privacy/export.ts';
import { clearSessionCookie } from '../plugins/auth.ts';
import { Password } from './auth.routes.ts';
import { sessionOnly, strictLimit, type RouteRegistrar } from './types.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) =>
  Type.Union([t, Type.Null()]);

const MyData = Type.Object({
  exportedAt: Type.String(),
  account: Type.Object({
    id: Type.String(),
    email: Type.String(),
    displayName: Type.String(),
    isOperator: Type.Boolean(),
    createdAt: Type.String(),
  }),
  memberships: Type.Array(
    Type.Object({
      communityId: Type.String(),
      community: Type.String(),
      role: Type.String(),
      joinedAt: Type.String(),
    }),
  ),
  concernsRaised: Type.Array(
    Type.Object({
      id: Type.String(),
      communityId: Type.String(),
      status: Type.String(),
      wants: Type.String(),
      createdAt: Type.String(),
      what: Type.String(),
      quotes: Type.Array(Type.String()),
      links: Type.Array(Type.String()),
      impact: Type.String(),
      contact: Nullable(Type.String()),
    }),
  ),
  apiTokens: Type.Array(
    Type.Object({
      name: Type.String(),
      communityId: Type.String(),
      createdAt: Type.String(),
      lastUsedAt: Nullable(Type.String()),
      revokedAt: Nullable(Type.String()),
    }),
  ),
  care: Type.Object({
    profiles: Type.Array(
      Type.Object({
        communityId: Type.String(),
        capacity: Type.Integer(),
        paused: Type.Boolean(),
        languages: Type.Array(Type.String()),
        updatedAt: Type.String(),
      }),
    ),
    logs: Type.Array(
      Type.Object({
        communityId: Type.String(),
        minutes: Type.Integer(),
        drain: Type.Integer(),
        createdAt: Type.String(),
      }),
    ),
  }),
});

export const privacyRoutes: RouteRegistrar = (app, ctx) => {
  const tx = ctx.store.transaction.bind(ctx.store);

  app.get(
    '/me/export',
    {
      schema: {
        tags: ['accounts'],
        summary: 'A copy of my own data as JSON (never anyone else’s)',
        security: sessionOnly,
        response: { 200: MyData },
      },
    },
    async (request, reply) => {
      const data = await exportMyData(
        ctx.store.repos,
        ctx.cipher,
        request.actor,
        ctx.clock.now().toISOString(),
      );
      void reply.header('content-disposition', 'attachment; filename="callin-my-data.json"');
      return data;
    },
  );

  app.delete(
    '/me',
    {
      // A password check: limited like sign-in.
      config: strictLimit(ctx.config.signInRateLimit),
      schema: {
        tags: ['accounts'],
        summary: 'Erase my account and my personal data (confirm with my password)',
        security: sessionOnly,
        body: Type.Object({ password: Password }, { additionalProperties: false }),
        response: { 200: Type.Object({ ok: Type.Literal(true) }) },
      },
    },
    async (request, reply) => {
      await eraseMyAccount(tx, ctx.store.repos, ctx, request.actor, request.body.password);
      clearSessionCookie(ctx, reply);
      return { ok: true as const };
    },
  );
};
