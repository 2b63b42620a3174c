// build() assembles the web server without listening, so tests drive it with inject() and
// `callin start` adds listen().
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
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
  type RouteOptions,
} from 'fastify';
import { isPlainText, PLAIN_TEXT_FORMAT } from '../contract/schemas/primitives.ts';
import { AppError, type ErrorCode } from '../config/errors.ts';
import { sharedCounters } from '../db/rate-limits.ts';
import { storageHealthOf } from '../db/storage-health.ts';
import type { AppContext } from './context.ts';
import { registerAuth } from './plugins/auth.ts';
import { registerErrorHandling } from './plugins/errors.ts';
import { registerOpenApi } from './plugins/openapi.ts';
import { registerQuotas } from './plugins/quotas.ts';
import { rateLimitStore } from './plugins/rate-limit-store.ts';
import { registerSecurityHeaders, securityHeaders } from './plugins/security.ts';
import { registerStaticWeb } from './plugins/static-web.ts';
import { routes } from './routes/index.ts';

export interface BuildOptions {
  logger?: FastifyServerOptions['loggerInstance'];
  serveWeb?: boolean;
  /** Told of every route as it is registered (Fastify's onRoute hook): the tests list the API from it. */
  onRoute?: (route: RouteOptions) => void;
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
  ajv.addFormat(PLAIN_TEXT_FORMAT, { type: 'string', validate: isPlainText });
  return ajv;
}
const strictAjv = makeAjv(false);
const coercingAjv = makeAjv('array');

function compileValidator({ schema, httpPart }: { schema: object; httpPart?: string }) {
  return (httpPart === 'body' ? strictAjv : coercingAjv).compile(schema);
}

/**
 * The path as the routes and the `/api` checks see it: percent-encoded letters, digits and
 * `-._~` decoded (they mean the same), and runs of slashes made one, so `/%61pi/…` or
 * `//api/…` cannot reach the API around the CSRF check and `no-store`. Other escapes stay.
 */
export function canonicalPath(url: string): string {
  const q = url.indexOf('?');
  const pathPart = q === -1 ? url : url.slice(0, q);
  const rest = q === -1 ? '' : url.slice(q);
  const canonical = pathPart
    .replace(/%([0-9A-Fa-f]{2})/g, (escape: string, hex: string) => {
      const ch = String.fromCharCode(parseInt(hex, 16));
      return /[A-Za-z0-9\-._~]/.test(ch) ? ch : escape.toUpperCase();
    })
    .replace(/\/{2,}/g, '/');
  return canonical + rest;
}

/**
 * Answers a connection the HTTP parser gave up on (bad request line, headers too large, too
 * slow) with the usual error shape and security headers, then closes it. Node writes nothing
 * itself once this handler is set.
 */
function answerRawly(
  socket: Socket,
  status: number,
  code: ErrorCode,
  headers: Record<string, string>,
) {
  if (socket.destroyed) return;
  if (socket.writable) {
    const body = JSON.stringify(new AppError(code).toBody());
    const lines = [
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}`,
      'content-type: application/json; charset=utf-8',
      `content-length: ${Buffer.byteLength(body)}`,
      'cache-control: no-store',
      'connection: close',
      ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    ];
    socket.end(`${lines.join('\r\n')}\r\n\r\n${body}`);
  }
  socket.destroySoon();
}

/** Refuses connections past `limit` open ones from the same address (0: no cap). */
function capConnectionsPerAddress(
  server: { on(event: 'connection', fn: (socket: Socket) => void): unknown },
  limit: number,
  headers: Record<string, string>,
) {
  if (limit <= 0) return;
  const open = new Map<string, number>();
  server.on('connection', (socket) => {
    const address = socket.remoteAddress ?? '';
    const count = (open.get(address) ?? 0) + 1;
    if (count > limit) {
      answerRawly(socket, 503, 'too_many_connections', { ...headers, 'retry-after': '10' });
      return;
    }
    open.set(address, count);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left <= 0) open.delete(address);
      else open.set(address, left);
    });
  });
}

export async function build(ctx: AppContext, options: BuildOptions = {}): Promise<FastifyInstance> {
  const badUrlHeaders = securityHeaders({ https: ctx.config.publicUrl.startsWith('https://') });
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    bodyLimit: ctx.config.bodyLimitBytes,
    trustProxy: ctx.config.trustProxy,
    // A request (headers and body) that takes longer than this is answered 408 and closed, so a
    // slow sender cannot hold a connection open; Node checks at the interval given here.
    requestTimeout: ctx.config.requestTimeoutMs,
    // Node only watches for slow requests when the timeouts are given as it makes the server.
    http: {
      requestTimeout: ctx.config.requestTimeoutMs,
      headersTimeout: Math.min(60_000, ctx.config.requestTimeoutMs),
      connectionsCheckingInterval: Math.max(50, Math.min(30_000, ctx.config.requestTimeoutMs / 4)),
    },
    rewriteUrl: (req) => canonicalPath(req.url ?? '/'),
    clientErrorHandler: (error: Error & { code?: string }, socket) => {
      if (error.code === 'ECONNRESET') return socket.destroy();
      if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT')
        return answerRawly(socket, 408, 'request_timeout', badUrlHeaders);
      if (error.code === 'HPE_HEADER_OVERFLOW')
        return answerRawly(socket, 431, 'headers_too_large', badUrlHeaders);
      return answerRawly(socket, 400, 'malformed_request', badUrlHeaders);
    },
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
  // Added before any plugin, so it sees every route, in every encapsulated context.
  const { onRoute } = options;
  if (onRoute) app.addHook('onRoute', (route) => onRoute(route));
  app.setValidatorCompiler(compileValidator);
  // Bodies are JSON only: a text/plain body would otherwise reach validation as a string.
  app.removeContentTypeParser('text/plain');

  capConnectionsPerAddress(app.server, ctx.config.maxConnectionsPerAddress, badUrlHeaders);
  const storage = storageHealthOf(ctx.database);
  const counters = sharedCounters(ctx.database.db);
  registerErrorHandling(app, { onStorageFailure: (reason) => storage.report(reason) });
  registerSecurityHeaders(app, { https: ctx.config.publicUrl.startsWith('https://') });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: true,
    max: ctx.config.apiRateLimit,
    timeWindow: '1 minute',
    store: rateLimitStore(counters, { shareGeneral: ctx.database.dialect === 'postgres' }),
    // When the database cannot count (it is down or full), let the request through: it then
    // meets the same database and answers 503 storage_unavailable itself, and health can say why.
    skipOnError: true,
    errorResponseBuilder: (_req, context) => ({
      statusCode: context.statusCode,
      code: 'rate_limited',
      message: 'rate limited',
    }),
  });
  await registerOpenApi(app, ctx);
  registerAuth(app, ctx);
  registerQuotas(app, ctx.config, counters);
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
