import { Type } from '@sinclair/typebox';
import {
  acceptInvitation,
  createInvitation,
  previewInvitation,
  revokeInvitation,
} from '../../domain/accounts/invitations.ts';
import { createApiToken, revokeApiToken } from '../../domain/accounts/api-tokens.ts';
import { listApiTokens, listInvitations } from '../../domain/accounts/community-queries.ts';
import { setSessionCookie } from '../plugins/auth.ts';
import { CommunityParams, Enum, IsoTime, Ok, Text, Uuid } from '../schemas.ts';
import { NewAccountBody } from './auth.routes.ts';
import { open, sessionOnly, signedIn, strictLimit, type RouteRegistrar } from './types.ts';

const Role = Enum(['organizer', 'ally', 'member'] as const);
const TokenParams = Type.Object({
  token: Type.String({ minLength: 10, maxLength: 200, pattern: '^[A-Za-z0-9_-]+$' }),
});

export const invitationRoutes: RouteRegistrar = (app, ctx) => {
  const tx = ctx.store.transaction.bind(ctx.store);
  const { repos } = ctx.store;
  const sessionOptions = { ttlHours: ctx.config.sessionTtlHours };

  app.post(
    '/communities/:communityId/invitations',
    {
      schema: {
        tags: ['invitations'],
        summary:
          'Make an invitation link carrying a role (organizer; the operator may invite the first organizer)',
        security: signedIn,
        params: CommunityParams,
        body: Type.Object(
          {
            role: Role,
            maxUses: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 1 })),
            expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 90, default: 7 })),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({
            id: Uuid,
            url: Type.String(),
            token: Type.String(),
            expiresAt: IsoTime,
          }),
        },
      },
    },
    async (request, reply) => {
      const { role, maxUses = 1, expiresInDays = 7 } = request.body;
      const inv = await createInvitation(tx, ctx.clock, request.actor, request.params.communityId, {
        role,
        maxUses,
        expiresInDays,
      });
      return reply.code(201).send({ ...inv, url: `${ctx.config.publicUrl}/invite/${inv.token}` });
    },
  );

  app.get(
    '/communities/:communityId/invitations',
    {
      schema: {
        tags: ['invitations'],
        summary: 'Invitation links made for this community (organizer)',
        security: signedIn,
        params: CommunityParams,
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Uuid,
                role: Type.String(),
                createdAt: IsoTime,
                expiresAt: IsoTime,
                maxUses: Type.Integer(),
                uses: Type.Integer(),
                revoked: Type.Boolean(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => ({
      items: await listInvitations(repos, request.actor, request.params.communityId),
    }),
  );

  app.delete(
    '/communities/:communityId/invitations/:invitationId',
    {
      schema: {
        tags: ['invitations'],
        summary: 'Revoke an invitation link (organizer)',
        security: signedIn,
        params: Type.Object({ communityId: Uuid, invitationId: Uuid }),
        response: { 200: Ok },
      },
    },
    async (request) => {
      await revokeInvitation(
        tx,
        ctx.clock,
        request.actor,
        request.params.communityId,
        request.params.invitationId,
      );
      return { ok: true as const };
    },
  );

  app.get(
    '/invitations/:token',
    {
      schema: {
        tags: ['invitations'],
        summary: 'What an invitation link is for',
        security: open,
        params: TokenParams,
        response: {
          200: Type.Object({
            community: Type.Object({
              id: Uuid,
              slug: Type.String(),
              name: Type.String(),
              intakeOpen: Type.Boolean(),
              createdAt: IsoTime,
            }),
            role: Type.String(),
            expiresAt: IsoTime,
          }),
        },
      },
    },
    async (request) => previewInvitation(repos, ctx.clock, request.params.token),
  );

  app.post(
    '/invitations/:token/accept',
    {
      config: strictLimit(ctx.config.publicFormRateLimit),
      schema: {
        tags: ['invitations'],
        summary: 'Join with an invitation: signed in, or by making an account',
        security: [...sessionOnly, ...open],
        params: TokenParams,
        body: Type.Optional(
          Type.Union([NewAccountBody, Type.Object({}, { additionalProperties: false })]),
        ),
        response: {
          200: Type.Object({
            communityId: Uuid,
            role: Type.String(),
            userId: Uuid,
            csrfToken: Type.Union([Type.String(), Type.Null()]),
          }),
        },
      },
    },
    async (request, reply) => {
      const body = request.body && 'email' in request.body ? request.body : null;
      const r = await acceptInvitation(
        tx,
        ctx.clock,
        sessionOptions,
        request.actor,
        request.params.token,
        body,
      );
      if (r.session) setSessionCookie(ctx, reply, r.session.token, r.session.expiresAt);
      return {
        communityId: r.communityId,
        role: r.role,
        userId: r.userId,
        csrfToken: r.session?.csrfToken ?? null,
      };
    },
  );

  app.post(
    '/communities/:communityId/tokens',
    {
      schema: {
        tags: ['tokens'],
        summary: 'Make an API token for this community (shown once)',
        security: sessionOnly,
        params: CommunityParams,
        body: Type.Object({ name: Text(80) }, { additionalProperties: false }),
        response: { 201: Type.Object({ id: Uuid, token: Type.String() }) },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await createApiToken(
            tx,
            ctx.clock,
            request.actor,
            request.params.communityId,
            request.body.name,
          ),
        ),
  );

  app.get(
    '/communities/:communityId/tokens',
    {
      schema: {
        tags: ['tokens'],
        summary: 'My API tokens for this community',
        security: signedIn,
        params: CommunityParams,
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Uuid,
                name: Type.String(),
                createdAt: IsoTime,
                lastUsedAt: Type.Union([IsoTime, Type.Null()]),
                revoked: Type.Boolean(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => ({
      items: await listApiTokens(repos, request.actor, request.params.communityId),
    }),
  );

  app.delete(
    '/communities/:communityId/tokens/:tokenId',
    {
      schema: {
        tags: ['tokens'],
        summary: 'Revoke one of my API tokens',
        security: signedIn,
        params: Type.Object({ communityId: Uuid, tokenId: Uuid }),
        response: { 200: Ok },
      },
    },
    async (request) => {
      await revokeApiToken(
        tx,
        ctx.clock,
        request.actor,
        request.params.communityId,
        request.params.tokenId,
      );
      return { ok: true as const };
    },
  );
};
