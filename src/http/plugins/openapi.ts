// The OpenAPI 3.1 document, generated from the same TypeBox schemas that validate requests.
import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { ErrorBody } from '../schemas.ts';

export async function registerOpenApi(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.addSchema(ErrorBody);
  // Every route documents the error shape for its failures.
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const schema = (route.schema ??= {});
    const response = (schema.response ??= {}) as Record<string, unknown>;
    for (const status of ['4xx', '5xx']) response[status] ??= { $ref: 'ErrorBody#' };
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Calling In API',
        version: '1',
        description:
          'Raise concerns, triage them, and hold kind, private call-ins. Errors always answer { code, message, details? } with a stable code.',
      },
      servers: [{ url: ctx.config.publicUrl }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'callin_session' },
          token: {
            type: 'http',
            scheme: 'bearer',
            description: 'An API token made for one community.',
          },
        },
      },
    },
    refResolver: {
      buildLocalReference: (json, _base, _fragment, i) =>
        typeof json.$id === 'string' ? json.$id : `def-${i}`,
    },
  });
}
