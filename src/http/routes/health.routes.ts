import { Health, OpenApiDocument } from '../../contract/index.ts';
import { sql } from 'kysely';
import { AppError } from '../../config/errors.ts';
import type { RouteRegistrar } from './types.ts';

export const healthRoutes: RouteRegistrar = (app, ctx) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Ready to serve',
        security: [],
        response: { 200: Health },
      },
    },
    async () => {
      try {
        await sql`select 1`.execute(ctx.database.db);
      } catch {
        throw new AppError('unavailable');
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
