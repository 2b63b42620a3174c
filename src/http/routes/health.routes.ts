import { Type } from '@sinclair/typebox';
import { storageFailures } from '../../contract/vocabulary.ts';
import { storageHealthOf } from '../../db/storage-health.ts';
import { Enum } from '../schemas.ts';
import type { RouteRegistrar } from './types.ts';

export const healthRoutes: RouteRegistrar = (app, ctx) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Ready to serve, and the database can take writes',
        description:
          'Answers 503 with a reason while the database cannot commit a write (disk full, read-only, unreachable), and ok again once it can.',
        security: [],
        response: {
          200: Type.Object({ status: Type.Literal('ok') }),
          503: Type.Object({
            status: Type.Literal('unavailable'),
            reason: Enum(storageFailures),
          }),
        },
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
        response: { 200: Type.Object({}, { additionalProperties: true }) },
      },
    },
    async () => app.swagger(),
  );
};
