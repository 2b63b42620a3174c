// Who is asking: a session cookie (with CSRF protection for changes), a community-scoped API
// token (Authorization: Bearer), or nobody (the public actor).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../config/errors.ts';
import { resolveSession } from '../../domain/accounts/accounts.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { resolveApiToken } from '../../domain/accounts/api-tokens.ts';
import { safeEqual } from '../../domain/common/tokens.ts';
import type { AppContext } from '../context.ts';

export const SESSION_COOKIE = 'callin_session';

export interface SessionInfo {
  token: string;
  csrfToken: string;
  email: string;
  displayName: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    session: SessionInfo | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function setSessionCookie(
  ctx: AppContext,
  reply: FastifyReply,
  token: string,
  expiresAt: string,
): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    secure: ctx.config.cookieSecure,
    sameSite: 'lax',
    path: '/',
    expires: new Date(expiresAt),
  });
}

export function clearSessionCookie(ctx: AppContext, reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    secure: ctx.config.cookieSecure,
    sameSite: 'lax',
  });
}

function checkOrigin(ctx: AppContext, request: FastifyRequest): void {
  if (request.headers['sec-fetch-site'] === 'cross-site') throw new AppError('csrf_failed');
  const origin = request.headers.origin;
  if (!origin) return;
  const allowed = new Set([new URL(ctx.config.publicUrl).origin]);
  const host = request.headers.host;
  if (host) {
    allowed.add(`http://${host}`);
    allowed.add(`https://${host}`);
  }
  if (!allowed.has(origin)) throw new AppError('csrf_failed');
}

export function registerAuth(app: FastifyInstance, ctx: AppContext): void {
  // Set for every request in the onRequest hook below.
  app.decorateRequest('actor', null as never);
  app.decorateRequest('session', null);
  const sessionOptions = { ttlHours: ctx.config.sessionTtlHours };

  app.addHook('onRequest', async (request) => {
    request.actor = { kind: 'public' };
    request.session = null;
    if (!request.url.startsWith('/api/')) return;
    const unsafe = !SAFE_METHODS.has(request.method);
    if (unsafe) checkOrigin(ctx, request);

    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      const actor = match?.[1]
        ? await resolveApiToken(ctx.store.repos.apiTokens, ctx.clock, match[1])
        : null;
      if (!actor) throw new AppError('invalid_token');
      request.actor = actor;
      return;
    }

    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = await resolveSession(
      ctx.store.repos.sessions,
      ctx.clock,
      sessionOptions,
      token,
    );
    if (!session) return; // An expired or revoked cookie is simply no sign-in.
    request.actor = session.actor;
    request.session = {
      token,
      csrfToken: session.csrfToken,
      email: session.email,
      displayName: session.displayName,
    };
    if (unsafe) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, session.csrfToken))
        throw new AppError('csrf_failed');
    }
  });
}
