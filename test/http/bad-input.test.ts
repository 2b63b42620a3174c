// Rule 8: bad input gets a clear error and changes nothing; no request can crash the server.
// Every registered route is sent malformed JSON, the wrong content type, oversized bodies,
// wrong types, missing and extra fields, bad ids in the path and bad query strings. Each answer
// is a 4xx with a stable code, no table gains or loses a row, and the audit chain does not grow.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, type ErrorCode } from '../../src/config/errors.ts';
import { createTestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';
import {
  auditHead,
  buildWorld,
  countRows,
  credentialsFor,
  registeredApiRoutes,
  send,
  validRequests,
  type Credentials,
  type RegisteredRoute,
  type World,
} from '../helpers/routes.ts';

const BODY_LIMIT = 4096;
const PUBLIC_FORM_LIMIT = 32_768;
const WITH_BODY = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

interface BadCase {
  name: string;
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** The exact answer wanted; without it, any 4xx with a stable code. */
  code?: ErrorCode;
  /** Junk the route may ignore: any answer but a server error (and still nothing stored). */
  ignorable?: boolean;
}

type JsonSchema = { type?: string; properties?: Record<string, JsonSchema>; required?: string[] };

/** A value of a type no coercion can turn into the field's type. */
/** Values of other types, including ones a lenient parser would coerce ("3", 0, null). */
function wrongTypes(value: unknown): unknown[] {
  if (Array.isArray(value)) return [{ not: 'an array' }, 'a string', null];
  if (typeof value === 'string') return [{ not: 'a string' }, 12345, true, null, [value]];
  if (typeof value === 'number') return [{ not: 'a number' }, String(value), true, null];
  if (typeof value === 'boolean') return [{ not: 'a boolean' }, String(value), 0, null];
  if (value !== null && typeof value === 'object') return ['not an object', [value], null];
  return [{ not: 'the right type' }];
}

function withParam(url: string, template: string, param: string, replacement: string): string {
  const t = template.split('/');
  const u = url.split('/');
  const i = t.indexOf(`:${param}`);
  u[i] = replacement;
  return u.join('/');
}

function badCases(
  route: RegisteredRoute,
  valid: { url: string; body?: unknown },
  bodySchema: JsonSchema | undefined,
  hasQuery: boolean,
): BadCase[] {
  const cases: BadCase[] = [];
  const { url } = valid;
  for (const param of [...route.url.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]!)) {
    cases.push({
      name: `bad ${param}`,
      url: withParam(url, route.url, param, 'not%20an%20id!'),
      body: valid.body,
      code: 'validation_failed',
    });
    cases.push({
      name: `bad encoding in ${param}`,
      url: withParam(url, route.url, param, '%E0%A4%A'),
      body: valid.body,
    });
    cases.push({
      name: `unknown ${param}`,
      url: withParam(url, route.url, param, '00000000-0000-4000-8000-000000000000'),
      body: valid.body,
    });
  }
  if (route.method === 'GET' && !hasQuery)
    cases.push({ name: 'junk query string', url: `${url}?%zz=%&a[=1`, ignorable: true });
  if (hasQuery) {
    cases.push({
      name: 'malformed query string',
      url: `${url}?%zz=%&a[=1`,
      code: 'validation_failed',
    });
    cases.push({
      name: 'unknown query parameter',
      url: `${url}?unexpected=1`,
      code: 'validation_failed',
    });
    cases.push({
      name: 'query parameter of the wrong type',
      url: `${url}?limit=many`,
      code: 'validation_failed',
    });
    cases.push({
      name: 'query parameter out of range',
      url: `${url}?limit=100000`,
      code: 'validation_failed',
    });
  }
  if (!WITH_BODY.has(route.method)) return cases;

  const json = { 'content-type': 'application/json' };
  cases.push({
    name: 'malformed JSON',
    url,
    body: '{"what": "half',
    headers: json,
    code: 'malformed_body',
  });
  cases.push({ name: 'empty JSON body', url, body: '', headers: json, code: 'malformed_body' });
  cases.push({
    name: 'XML',
    url,
    body: '<concern/>',
    headers: { 'content-type': 'application/xml' },
    code: 'unsupported_media_type',
  });
  cases.push({
    name: 'plain text',
    url,
    body: 'hello',
    headers: { 'content-type': 'text/plain' },
    code: 'unsupported_media_type',
  });
  cases.push({
    name: 'form encoding',
    url,
    body: 'a=1',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    code: 'unsupported_media_type',
  });
  const limit =
    route.url === '/api/public/intake/:intakeId/concerns' ? PUBLIC_FORM_LIMIT : BODY_LIMIT;
  cases.push({
    name: `body over ${limit} bytes`,
    url,
    body: JSON.stringify({ what: 'x'.repeat(limit) }),
    headers: json,
    code: 'body_too_large',
  });

  if (!bodySchema) return cases;
  const body = (valid.body ?? {}) as Record<string, unknown>;
  for (const shape of [[], 'a string', 42, null]) {
    cases.push({
      name: `body is ${JSON.stringify(shape)}`,
      url,
      body: JSON.stringify(shape),
      headers: json,
      code: 'validation_failed',
    });
  }
  cases.push({
    name: 'an extra field',
    url,
    body: { ...body, unexpected: 'field' },
    code: 'validation_failed',
  });
  for (const key of Object.keys(body)) {
    for (const wrong of wrongTypes(body[key])) {
      cases.push({
        name: `${key} as ${JSON.stringify(wrong)}`,
        url,
        body: { ...body, [key]: wrong },
        code: 'validation_failed',
      });
    }
  }
  for (const key of bodySchema.required ?? []) {
    const { [key]: _dropped, ...rest } = body;
    cases.push({ name: `without ${key}`, url, body: rest, code: 'validation_failed' });
  }
  return cases;
}

/** The route's path in community A, with unknown ids for everything else. */
function genericUrl(w: World, route: RegisteredRoute): string {
  return route.url
    .replace(':communityId', w.a.id)
    .replace(/:[A-Za-z0-9_]+/g, '00000000-0000-4000-8000-000000000000');
}

// Each walks every route of the API: on a small shared machine that takes longer than one test.
const WALK = { timeout: 120_000 };

describe.each(testDialects())('bad input on %s', (dialect) => {
  let w: World;
  let routes: RegisteredRoute[];
  let doc: {
    paths: Record<
      string,
      Record<
        string,
        {
          requestBody?: { content: Record<string, { schema: JsonSchema }> };
          parameters?: { in: string }[];
        }
      >
    >;
  };
  beforeAll(async () => {
    w = await buildWorld(
      await createTestApp(dialect, { env: { BODY_LIMIT_BYTES: String(BODY_LIMIT) } }),
    );
    routes = registeredApiRoutes(w.t);
    doc = (await w.t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  });
  afterAll(async () => w.t.close());

  const operation = (route: RegisteredRoute) =>
    doc.paths[route.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}')]?.[route.method.toLowerCase()];

  it('answers every bad request with a stable 4xx code, and stores nothing', WALK, async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const route of routes) {
      const build = validRequests[route.key];
      // Without a valid request the route still gets every case that needs no valid body.
      if (!build)
        failures.push(`add route ${route.key} to validRequests in test/helpers/routes.ts`);
      const op = operation(route);
      const valid = build ? await build(w, 'organizer') : { url: genericUrl(w, route) };
      const creds: Credentials = await credentialsFor(w, 'organizer');
      const cases = badCases(
        route,
        valid,
        op?.requestBody?.content['application/json']?.schema,
        !!op?.parameters?.some((p) => p.in === 'query'),
      );
      const before = await countRows(w.t);
      const seq = await auditHead(w.t);
      for (const c of cases) {
        const res = await send(w.t.app, creds, route.method, c.url, c.body, c.headers);
        checked++;
        const where = `${route.key} — ${c.name}: ${res.status} ${res.text.slice(0, 140)}`;
        const code = res.body?.code as string | undefined;
        if (c.ignorable) {
          if (res.status >= 500) failures.push(`${where} (a server error)`);
          continue;
        }
        if (res.status < 400 || res.status >= 500) failures.push(`${where} (wanted a 4xx)`);
        else if (!code || !(code in errorCodes)) failures.push(`${where} (no stable code)`);
        else if (c.code && code !== c.code) failures.push(`${where} (wanted ${c.code})`);
        else if (errorCodes[code as ErrorCode].status !== res.status)
          failures.push(`${where} (status does not match the code)`);
      }
      const after = await countRows(w.t);
      for (const table of new Set([...Object.keys(before), ...Object.keys(after)])) {
        if (before[table] !== after[table])
          failures.push(`${route.key}: bad input changed the rows in ${table}`);
      }
      if ((await auditHead(w.t)) !== seq)
        failures.push(`${route.key}: bad input wrote an audit entry`);
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(300);
  });

  it('answers an unknown /api path with not_found', async () => {
    const res = await send(w.t.app, {}, 'GET', '/api/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ code: 'not_found', message: errorCodes.not_found.message });
  });

  it('never answers random JSON bodies with a server error', WALK, async () => {
    const targets = routes.filter((r) => r.method === 'POST' || r.method === 'PATCH');
    expect(targets.length).toBeGreaterThan(10);
    for (const route of targets) {
      const build = validRequests[route.key];
      const valid = build ? await build(w, 'organizer') : { url: genericUrl(w, route) };
      const creds = await credentialsFor(w, 'organizer');
      const keys = Object.keys(valid.body ?? {});
      // Bodies near the real shape (known keys with any JSON) and anything at all.
      const body = fc.oneof(
        fc.jsonValue({ maxDepth: 3 }),
        fc.dictionary(
          fc.constantFrom(...keys, '__proto__', 'constructor', 'x'),
          fc.jsonValue({ maxDepth: 2 }),
          { maxKeys: 6 },
        ),
        fc.record(Object.fromEntries(keys.map((k) => [k, fc.jsonValue({ maxDepth: 2 })]))),
      );
      await fc.assert(
        fc.asyncProperty(body, async (b) => {
          const res = await send(w.t.app, creds, route.method, valid.url, JSON.stringify(b), {
            'content-type': 'application/json',
          });
          if (res.status >= 500)
            throw new Error(
              `${route.key} answered ${res.status} to ${JSON.stringify(b).slice(0, 200)}`,
            );
        }),
        { numRuns: 25 },
      );
    }
  });
});
