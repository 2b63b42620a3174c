// A person's own data: a JSON copy of it, and erasing their account (with their password).
import { EraseBody, MyData, Ok } from '../../contract/index.ts';
import { eraseMyAccount } from '../../domain/privacy/erasure.ts';
import { exportMyData } from '../../domain/privacy/export.ts';
import { clearSessionCookie } from '../plugins/auth.ts';
import { sessionOnly, strictLimit, type RouteRegistrar } from './types.ts';

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
      // Erasing one's own account always works: no per-account quota.
      config: { ...strictLimit(ctx.config.signInRateLimit), quota: false },
      schema: {
        tags: ['accounts'],
        summary: 'Erase my account and my personal data (confirm with my password)',
        security: sessionOnly,
        body: EraseBody,
        response: { 200: Ok },
      },
    },
    async (request, reply) => {
      await eraseMyAccount(tx, ctx.store.repos, ctx, request.actor, request.body.password);
      clearSessionCookie(ctx, reply);
      return { ok: true as const };
    },
  );
};
