// Security guarantees over real HTTP: headers, cookies, CSRF and Origin checks, ending
// sessions, API tokens that work in one community only, and rate limits.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../../src/config/errors.ts';
import { build } from '../../src/http/server.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';
import { concernBody, PASSWORD } from '../helpers/factories.ts';
import {
  buildWorld,
  countRows,
  credentialsFor,
  send,
  type Credentials,
  type World,
} from '../helpers/routes.ts';

function expectSecurityHeaders(headers: Record<string, unknown>) {
  const csp = String(headers['content-security-policy']);
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['x-content-type-options']).toBe('nosniff');
}

describe.each(testDialects())('security on %s', (dialect) => {
  let w: World;
  let t: TestApp;
  beforeAll(async () => {
    w = await buildWorld(await createTestApp(dialect));
    t = w.t;
  });
  afterAll(async () => t.close());

  describe('headers', () => {
    it('puts strict security headers and no-store on API answers, errors included', async () => {
      for (const url of [
        '/api/health',
        '/api/no-such-route',
        '/api/me',
        '/api/invitations/%E0%A4%A',
      ]) {
        const res = await t.app.inject({ method: 'GET', url });
        expectSecurityHeaders(res.headers);
        expect(res.headers['cache-control'], url).toBe('no-store');
      }
      const organizer = await credentialsFor(w, 'organizer');
      const inbox = await send(t.app, organizer, 'GET', `/api/communities/${w.a.id}/concerns`);
      expect(inbox.status).toBe(200);
      expectSecurityHeaders(inbox.raw.headers);
      expect(inbox.raw.headers['cache-control']).toBe('no-store');
      // No HSTS over plain http.
      expect(inbox.raw.headers['strict-transport-security']).toBeUndefined();
    });

    it('puts the same headers on the web app’s HTML', async () => {
      const web: FastifyInstance = await build(t.ctx, { serveWeb: true });
      try {
        for (const url of ['/', '/invite/some-link', '/raise/some-form']) {
          const res = await web.inject({ method: 'GET', url });
          expect(res.statusCode, url).toBe(200);
          expect(res.headers['content-type']).toMatch(/^text\/html/);
          expectSecurityHeaders(res.headers);
        }
      } finally {
        await web.close();
      }
    });
  });

  describe('cookies', () => {
    it('sets the session cookie httpOnly, SameSite=Lax, for the whole site, without Secure over http', async () => {
      const res = await send(t.app, {}, 'POST', '/api/auth/sign-in', {
        email: w.people.member.email,
        password: PASSWORD,
      });
      expect(res.status).toBe(200);
      const cookie = String(res.raw.headers['set-cookie']);
      expect(cookie).toMatch(/^callin_session=[^;]{20,};/);
      expect(cookie).toContain('HttpOnly');
      expect(cookie).toContain('SameSite=Lax');
      expect(cookie).toContain('Path=/');
      expect(cookie).not.toContain('Secure');
      // The session secret never appears in the body; the CSRF token does.
      const secret = /^callin_session=([^;]+)/.exec(cookie)![1]!;
      expect(res.text).not.toContain(secret);
      expect(typeof res.body.csrfToken).toBe('string');
    });
  });

  describe('CSRF', () => {
    it('refuses a cookie-signed change without the CSRF header, with a wrong one, or from another site; and changes nothing', async () => {
      const organizer = await credentialsFor(w, 'organizer');
      const url = `/api/communities/${w.a.id}/invitations`;
      const body = { role: 'organizer' };
      const attempts: { name: string; creds: Credentials; headers: Record<string, string> }[] = [
        { name: 'no header', creds: { cookie: organizer.cookie! }, headers: {} },
        {
          name: 'wrong header',
          creds: { cookie: organizer.cookie!, csrf: 'not-the-token' },
          headers: {},
        },
        {
          name: "another person's token",
          creds: { cookie: organizer.cookie!, csrf: (await credentialsFor(w, 'member')).csrf! },
          headers: {},
        },
        {
          name: 'cross-site Origin',
          creds: organizer,
          headers: { origin: 'https://evil.example' },
        },
        {
          name: 'cross-site fetch metadata',
          creds: organizer,
          headers: { 'sec-fetch-site': 'cross-site' },
        },
        { name: 'Origin null', creds: organizer, headers: { origin: 'null' } },
      ];
      const before = await countRows(t);
      for (const a of attempts) {
        const res = await send(t.app, a.creds, 'POST', url, body, a.headers);
        expect(res.status, a.name).toBe(403);
        expect(res.body, a.name).toEqual({
          code: 'csrf_failed',
          message: errorCodes.csrf_failed.message,
        });
      }
      for (const method of ['PATCH', 'DELETE']) {
        const target =
          method === 'PATCH'
            ? `/api/communities/${w.a.id}`
            : `/api/communities/${w.a.id}/members/${w.people.member.userId}`;
        const res = await send(
          t.app,
          { cookie: organizer.cookie! },
          method,
          target,
          method === 'PATCH' ? { name: 'Taken over' } : undefined,
        );
        expect(res.body?.code, method).toBe('csrf_failed');
      }
      expect(await countRows(t)).toEqual(before);
      expect((await t.ctx.store.repos.communities.findById(w.a.id))?.name).toBe('Community A');

      // The same request from this site goes through.
      const ok = await send(t.app, organizer, 'POST', url, body, {
        origin: 'http://callin.test',
        'sec-fetch-site': 'same-origin',
      });
      expect(ok.status).toBe(201);
    });

    it('refuses a cross-site sign-in (login CSRF)', async () => {
      const res = await send(
        t.app,
        {},
        'POST',
        '/api/auth/sign-in',
        { email: w.people.member.email, password: PASSWORD },
        { origin: 'https://evil.example' },
      );
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('csrf_failed');
      expect(res.raw.headers['set-cookie']).toBeUndefined();
    });

    it('does not ask bearer-token requests for a CSRF header', async () => {
      const res = await send(
        t.app,
        { bearer: w.tokens.token },
        'POST',
        `/api/communities/${w.a.id}/concerns`,
        concernBody(),
      );
      expect(res.status).toBe(201);
    });
  });

  describe('sessions', () => {
    it('signing out ends only this browser; signing out everywhere ends every session of that person', async () => {
      const one = await credentialsFor(w, 'ally');
      const two = await credentialsFor(w, 'ally');
      const three = await credentialsFor(w, 'ally');
      const someoneElse = await credentialsFor(w, 'member');
      const me = async (c: typeof one) => (await send(t.app, c, 'GET', '/api/me')).status;

      const out = await send(t.app, one, 'POST', '/api/auth/sign-out', {});
      expect(out.status).toBe(200);
      expect(String(out.raw.headers['set-cookie'])).toMatch(/callin_session=;/);
      expect(await me(one)).toBe(401);
      expect(await me(two)).toBe(200);

      const everywhere = await send(t.app, two, 'POST', '/api/auth/sign-out-everywhere', {});
      expect(everywhere.status).toBe(200);
      expect(everywhere.body.sessionsEnded).toBeGreaterThanOrEqual(2);
      expect(await me(two)).toBe(401);
      expect(await me(three)).toBe(401);
      const gone = await send(t.app, three, 'GET', '/api/me');
      expect(gone.body.code).toBe('sign_in_required');
      const rows = await t.database.handle.db
        .selectFrom('sessions')
        .select('id_hash')
        .where('user_id', '=', w.people.ally.userId)
        .execute();
      expect(rows).toEqual([]);
      // Another person's session is untouched.
      expect(await me(someoneElse)).toBe(200);
      // An ended session cannot make changes either.
      const change = await send(
        t.app,
        three,
        'POST',
        `/api/communities/${w.a.id}/concerns`,
        concernBody(),
      );
      expect(change.status).toBe(401);
    });

    it('treats a made-up session cookie as no sign-in', async () => {
      const res = await send(
        t.app,
        { cookie: 'callin_session=made-up-value-that-is-long-enough' },
        'GET',
        '/api/me',
      );
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('sign_in_required');
    });
  });

  describe('API tokens', () => {
    it('work only in the community they were made for', async () => {
      const token = { bearer: w.tokens.token };
      expect((await send(t.app, token, 'GET', `/api/communities/${w.a.id}/concerns`)).status).toBe(
        200,
      );
      const other = await send(t.app, token, 'GET', `/api/communities/${w.b.id}/concerns`);
      expect(other.status).toBe(403);
      expect(other.body.code).toBe('forbidden');
      const raise = await send(
        t.app,
        token,
        'POST',
        `/api/communities/${w.b.id}/concerns`,
        concernBody(),
      );
      expect(raise.status).toBe(403);
      const list = await send(t.app, token, 'GET', '/api/communities');
      expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([w.a.id]);
      // Even when the token's owner belongs to both communities.
      await t.ctx.store.repos.memberships.insert({
        communityId: w.b.id,
        userId: w.people.organizer.userId,
        role: 'organizer',
        createdAt: new Date().toISOString(),
      });
      try {
        expect(
          (await send(t.app, token, 'GET', `/api/communities/${w.b.id}/concerns`)).status,
        ).toBe(403);
        expect((await send(t.app, token, 'GET', `/api/communities/${w.b.id}`)).status).toBe(403);
        const again = await send(t.app, token, 'GET', '/api/communities');
        expect(again.body.items.map((c: { id: string }) => c.id)).toEqual([w.a.id]);
      } finally {
        await t.ctx.store.repos.memberships.delete(w.b.id, w.people.organizer.userId);
      }
    });

    it('stop working once revoked, and a made-up token is refused', async () => {
      const organizer = await credentialsFor(w, 'organizer');
      const made = await send(t.app, organizer, 'POST', `/api/communities/${w.a.id}/tokens`, {
        name: 'short-lived',
      });
      expect(made.status).toBe(201);
      const bearer = { bearer: made.body.token as string };
      expect((await send(t.app, bearer, 'GET', '/api/auth/whoami')).body).toMatchObject({
        via: 'token',
        communityId: w.a.id,
      });
      const revoked = await send(
        t.app,
        organizer,
        'DELETE',
        `/api/communities/${w.a.id}/tokens/${made.body.id}`,
      );
      expect(revoked.status).toBe(200);
      for (const c of [
        bearer,
        { bearer: 'callin_made-up-token-value' },
        { bearer: 'not even our prefix' },
      ]) {
        const res = await send(t.app, c, 'GET', `/api/communities/${w.a.id}/concerns`);
        expect(res.status).toBe(401);
        expect(res.body).toEqual({
          code: 'invalid_token',
          message: errorCodes.invalid_token.message,
        });
      }
      const basic = await send(t.app, {}, 'GET', '/api/me', undefined, {
        authorization: 'Basic dXNlcjpwYXNz',
      });
      expect(basic.body.code).toBe('invalid_token');
    });
  });
});

describe.each(testDialects())('rate limits on %s', (dialect) => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await createTestApp(dialect, {
      env: { RATE_LIMIT_SIGN_IN: '3', RATE_LIMIT_PUBLIC_FORMS: '2' },
    });
    w = await buildWorld(t);
  });
  afterAll(async () => t.close());

  it('answers too many sign-ins from one address with rate_limited, and other addresses still get in', async () => {
    const attempt = (remoteAddress: string, password = 'a wrong password here') =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { email: w.people.member.email, password },
        remoteAddress,
      });
    for (let i = 0; i < 3; i++) expect((await attempt('10.0.0.1')).statusCode).toBe(401);
    const limited = await attempt('10.0.0.1', PASSWORD);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toEqual({
      code: 'rate_limited',
      message: errorCodes.rate_limited.message,
    });
    expect(limited.headers['retry-after']).toBeDefined();
    expect(limited.headers['set-cookie']).toBeUndefined();
    expect((await attempt('10.0.0.2', PASSWORD)).statusCode).toBe(200);
  });

  it('answers too many public form submissions with rate_limited, and keeps nothing from them', async () => {
    const url = `/api/public/intake/${w.a.intakeId}/concerns`;
    const submit = () =>
      t.app.inject({
        method: 'POST',
        url,
        payload: concernBody({ anonymous: true }),
        remoteAddress: '10.0.0.9',
      });
    expect((await submit()).statusCode).toBe(201);
    expect((await submit()).statusCode).toBe(201);
    const before = await countRows(t);
    const limited = await submit();
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('rate_limited');
    expect(await countRows(t)).toEqual(before);
  });
});

describe('secure cookies and HSTS when PUBLIC_URL is https', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await createTestApp(testDialects()[0]!, { env: { PUBLIC_URL: 'https://callin.example' } });
    w = await buildWorld(t);
  });
  afterAll(async () => t.close());

  it('marks the session cookie Secure and sends Strict-Transport-Security', async () => {
    const res = await send(t.app, {}, 'POST', '/api/auth/sign-in', {
      email: w.people.member.email,
      password: PASSWORD,
    });
    expect(res.status).toBe(200);
    const cookie = String(res.raw.headers['set-cookie']);
    expect(cookie).toContain('Secure');
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(res.raw.headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
    expect(String(res.raw.headers['content-security-policy'])).toContain(
      'upgrade-insecure-requests',
    );
  });
});
