// A person's own data: a JSON copy of it, and erasing their account (with their password).
import { Readable } from 'node:stream';
import { EraseBody, MyData, Ok } from '../../contract/index.ts';
import { eraseMyAccount } from '../../domain/privacy/erasure.ts';
import { openMyDataExport, type MyDataExport } from '../../domain/privacy/export.ts';
import { clearSessionCookie } from '../plugins/auth.ts';
import { sessionOnly, strictLimit, type RouteRegistrar } from './types.ts';

/** The copy as JSON text, piece by piece, with the keys in the order of `MyData`. */
async function* myDataJson(parts: MyDataExport): AsyncGenerator<string> {
  yield `${JSON.stringify(parts.head).slice(0, -1)},"concernsRaised":[`;
  let first = true;
  for await (const c of parts.concerns()) {
    yield `${first ? '' : ','}${JSON.stringify(c)}`;
    first = false;
  }
  yield `],${JSON.stringify(await parts.tail()).slice(1)}`;
}

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
      // Checked before the first byte; then written as it is read (bounded memory).
      const pieces = await openMyDataExport(
        ctx.store.repos,
        ctx.cipher,
        request.actor,
        ctx.clock.now().toISOString(),
      );
      void reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', 'attachment; filename="callin-my-data.json"');
      // The schema types the body as MyData, for OpenAPI; what goes out is that JSON, streamed
      // (Fastify sends a stream as it is, without serialising it).
      const body = Readable.from(myDataJson(pieces), { objectMode: false }) as unknown as MyData;
      return reply.send(body);
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
