// build() assembles the web server without listening, so tests drive it with inject() and
// `callin start` adds listen().
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import Fastify, {
  type FastifyInstance,
  type FastifyPluginAsync,
  type FastifyReply,
  type FastifyServerOptions,
} from 'fastify';
import { AppError } from '../config/errors.ts';
import type { AppContext } from './context.ts';
import { registerAuth } from './plugins/auth.ts';
import { registerErrorHandling } from './plugins/errors.ts';
import { registerOpenApi } from './plugins/openapi.ts';
import { registerSecurityHeaders, securityHeaders } from './plugins/security.ts';
import { registerStaticWeb } from './plugins/static-web.ts';
import { routes } from './routes/index.ts';

export interface BuildOptions {
  logger?: FastifyServerOptions['loggerInstance'];
  serveWeb?: boolean;
  /** Routes the integrations bring, each mounted at `/api/integrations/<name>/`. */
  integrations?: readonly { name: string; routes: FastifyPluginAsync }[];
}

export const logSerializers = {
  // Never log URLs (private links carry secrets), bodies, or headers: only the route pattern.
  req(request: { method: string; routeOptions?: { url?: string } }) {
    return { method: request.method, route: request.routeOptions?.url ?? '(unmatched)' };
  },
  res(reply: { statusCode: number }) {
    return { statusCode: reply.statusCode };
  },
};

// Bodies are validated exactly as sent: a number is never quietly turned into a string. Path
// and query values arrive as text, so there the declared types are coerced.
function makeAjv(coerceTypes: boolean | 'array') {
  const ajv = new Ajv({
    coerceTypes,
    useDefaults: true,
    removeAdditional: false,
    allErrors: false,
    strict: false,
  });
  addFormats.default(ajv);
  return ajv;
}
const strictAjv = makeAjv(false);
const coercingAjv = makeAjv('array');

function compileValidator({ schema, httpPart }: { schema: object; httpPart?: string }) {
  return (httpPart === 'body' ? strictAjv : coercingAjv).compile(schema);
}

export async function build(ctx: AppContext, options: BuildOptions = {}): Promise<FastifyInstance> {
  const badUrlHeaders = securityHeaders({ https: ctx.config.publicUrl.startsWith('https://') });
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    bodyLimit: ctx.config.bodyLimitBytes,
    trustProxy: ctx.config.trustProxy,
    // A path that is not valid percent-encoding gets the same error shape as any bad input.
    frameworkErrors: (_error, _request, reply) => {
      const body = new AppError('validation_failed', [
        { field: 'url', rule: 'format', in: 'url', message: 'This address is not valid.' },
      ]);
      // Hooks do not run for these, so the security headers are set here as well.
      void (reply as unknown as FastifyReply)
        .code(400)
        .headers({ ...badUrlHeaders, 'cache-control': 'no-store' })
        .send(body.toBody());
    },
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(compileValidator);
  // Bodies are JSON only: a text/plain body would otherwise reach validation as a string.
  app.removeContentTypeParser('text/plain');

  registerErrorHandling(app);
  registerSecurityHeaders(app, { https: ctx.config.publicUrl.startsWith('https://') });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: true,
    max: ctx.config.apiRateLimit,
    timeWindow: '1 minute',
    errorResponseBuilder: (_req, context) => ({
      statusCode: context.statusCode,
      code: 'rate_limited',
      message: 'rate limited',
    }),
  });
  await registerOpenApi(app, ctx);
  registerAuth(app, ctx);
  for (const register of routes)
    await app.register((instance) => register(instance, ctx), { prefix: '/api' });
  // Each integration in a context of its own: the body parsers it sets (to check a signature
  // over the raw bytes) and its hooks reach only its own routes.
  for (const integration of options.integrations ?? [])
    await app.register(async (scope) => scope.register(integration.routes), {
      prefix: `/api/integrations/${integration.name}`,
    });
  if (options.serveWeb !== false) await registerStaticWeb(app);
  await app.ready();
  return app;
}
