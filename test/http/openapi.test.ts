// GET /api/openapi.json is valid OpenAPI 3.1 and describes every /api route Fastify serves,
// each with its error responses.
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../../src/config/errors.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';
import { registeredApiRoutes } from '../helpers/routes.ts';

type Operation = {
  summary?: string;
  tags?: string[];
  security?: unknown[];
  parameters?: { in: string; name: string; required?: boolean }[];
  responses?: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
};
type Doc = {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<
      string,
      { properties?: { code?: { anyOf?: { const?: string; enum?: string[] }[]; enum?: string[] } } }
    >;
  };
};

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/**
 * Property names whose values form a fixed set: each must be an enum, a const or a union of them.
 * (`from` and `caller` are left out: they are a month and a person's name in some answers.)
 */
const FIXED_SET =
  /^(status|consentStatus|role|kind|channel|outcome|severity|level|ladderLevel|highestEnforcement|decision|author|action|actorKind|targetType|category|categories|urgency|harmed|wants|source|consentMode|mode|relationship|memberState|yourState|recommendation|responses|intent|publicHarm|viewer|via)$/;

type Json = Record<string, unknown>;

/** Whether a schema (or each of its union members, or its array items) is a fixed set of strings. */
function isFixedSet(schema: Json): boolean {
  if (Array.isArray(schema.enum) || 'const' in schema) return true;
  if (schema.type === 'null') return true;
  const members = (schema.anyOf ?? schema.oneOf) as Json[] | undefined;
  if (Array.isArray(members)) return members.every(isFixedSet);
  if (schema.type === 'array' && schema.items) return isFixedSet(schema.items as Json);
  if (typeof schema.$ref === 'string') return true; // a named schema, checked where it is defined
  // An open set (a rule id, say) is said so with a pattern; only a bare string is free text.
  if (schema.type === 'string') return typeof schema.pattern === 'string';
  return schema.type !== undefined;
}

/** Every property, anywhere in the document, whose name says it is a fixed set but whose schema is free text. */
function freeTextFixedSets(value: unknown, where: string, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v, i) => freeTextFixedSets(v, `${where}[${i}]`, out));
  else if (value && typeof value === 'object') {
    const node = value as Json;
    const props = node.properties as Record<string, Json> | undefined;
    if (props && typeof props === 'object') {
      for (const [name, schema] of Object.entries(props))
        if (FIXED_SET.test(name) && !isFixedSet(schema)) out.push(`${where}.${name}`);
    }
    // Query parameters are listed one by one, each with its own schema.
    if (typeof node.name === 'string' && node.in && node.schema && FIXED_SET.test(node.name))
      if (!isFixedSet(node.schema as Json)) out.push(`${where}(${node.name})`);
    for (const [k, v] of Object.entries(node)) freeTextFixedSets(v, `${where}.${k}`, out);
  }
  return out;
}

function collectRefs(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) collectRefs(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else collectRefs(v, out);
    }
  }
  return out;
}

describe.each(testDialects())('the OpenAPI document on %s', (dialect) => {
  let t: TestApp;
  let doc: Doc;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    doc = JSON.parse(res.body) as Doc;
  });
  afterAll(async () => t.close());

  it('is valid OpenAPI 3.1', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const validator = new Validator();
    const result = await validator.validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('lists exactly the /api routes Fastify registered', () => {
    const registered = registeredApiRoutes(t)
      .map((r) => `${r.method} ${r.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`)
      .sort();
    const documented = Object.entries(doc.paths)
      .flatMap(([p, ops]) =>
        Object.keys(ops)
          .filter((m) => METHODS.includes(m))
          .map((m) => `${m.toUpperCase()} ${p}`),
      )
      .sort();
    expect(registered.length).toBeGreaterThan(30);
    expect(documented).toEqual(registered);
  });

  it('documents the error responses, summary, tags, security and path parameters of every operation', () => {
    const problems: string[] = [];
    for (const [p, ops] of Object.entries(doc.paths)) {
      for (const [m, op] of Object.entries(ops)) {
        if (!METHODS.includes(m)) continue;
        const where = `${m.toUpperCase()} ${p}`;
        const responses = op.responses ?? {};
        if (!Object.keys(responses).some((s) => /^2/.test(s)))
          problems.push(`${where}: no success response`);
        for (const status of ['4XX', '5XX']) {
          const ref = responses[status]?.content?.['application/json']?.schema?.$ref;
          if (ref !== '#/components/schemas/ErrorBody')
            problems.push(`${where}: ${status} is not the ErrorBody (${String(ref)})`);
        }
        if (!op.summary) problems.push(`${where}: no summary`);
        if (!op.tags?.length) problems.push(`${where}: no tags`);
        if (!Array.isArray(op.security)) problems.push(`${where}: security is not stated`);
        for (const name of [...p.matchAll(/\{([^}]+)\}/g)].map((x) => x[1])) {
          if (!op.parameters?.some((q) => q.in === 'path' && q.name === name && q.required)) {
            problems.push(`${where}: path parameter ${name} is not described`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('gives every property whose values form a fixed set an enum, a const or a union of them', () => {
    const problems = freeTextFixedSets(doc.paths, 'paths');
    freeTextFixedSets(doc.components.schemas, 'components');
    expect(problems).toEqual([]);
  });

  it('lists every stable error code, and every $ref points at a schema that exists', () => {
    const errorBody = doc.components.schemas.ErrorBody;
    const code = errorBody?.properties?.code;
    const listed = code?.enum ?? code?.anyOf?.flatMap((x) => x.enum ?? [x.const]) ?? [];
    expect([...listed].sort()).toEqual(Object.keys(errorCodes).sort());
    for (const ref of collectRefs(doc)) {
      const m = /^#\/components\/schemas\/(.+)$/.exec(ref);
      expect(m, `unexpected $ref ${ref}`).not.toBeNull();
      expect(doc.components.schemas[m![1]!], `$ref ${ref} does not resolve`).toBeDefined();
    }
  });
});
