import { Health, HealthUnavailable, OpenApiDocument } from '../../contract/index.ts';
import { storageHealthOf } from '../../db/storage-health.ts';
import type { RouteRegistrar } from './types.ts';

export const healthRoutes: RouteRegistrar = (app, ctx) => {
  app.get(
    '/health',
    {
      // Counting requests needs the database, which is what health reports on.
      config: { rateLimit: false },
      schema: {
        tags: ['system'],
        summary: 'Ready to serve, and the database can take writes',
        description:
          'Answers 503 with a reason while the database cannot commit a write (disk full, read-only, unreachable), and ok again once it can.',
        security: [],
        response: { 200: Health, 503: HealthUnavailable },
      },
    },
    async (_request, reply) => {
      const state = await storageHealthOf(ctx.database).check();
      if (!state.ok) {
        return reply
          .code(503)
          .header('retry-after', '5')
          .send({ status: 'unavailable' as const, reason: state.reason });
      }
      return { status: 'ok' as const };
    },
  );

  app.get(
    '/openapi.json',
    {
      schema: {
        tags: ['system'],
        summary: 'This API, described as OpenAPI 3.1',
        security: [],
        response: { 200: OpenApiDocument },
      },
    },
    async () => app.swagger(),
  );
};
