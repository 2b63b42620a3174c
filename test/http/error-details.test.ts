// Bad input names its field and the rule it broke: { field, rule, limit?, in? }, built from the
// validator's keyword and params, so a client words the problem itself and nothing parses the
// validator's English. Domain rules use the same shape with the server's words in `message`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validationRules, type FieldError } from '../../src/contract/errors.ts';
import { check } from '../../src/language/index.ts';
import { messageFor, validationMessages } from '../../web/src/errors.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { Client } from '../helpers/client.ts';
import { buildCommunity, buildMember, concernBody } from '../helpers/factories.ts';
import { testDialects } from '../helpers/db.ts';

describe.each(testDialects())('field errors on %s', (dialect) => {
  let t: TestApp;
  let member: Client;
  let organizer: Client;
  let api: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    const community = await buildCommunity(t);
    api = `/api/communities/${community.id}`;
    member = await buildMember(t, community.id, 'member');
    organizer = await buildMember(t, community.id, 'organizer');
  });
  afterAll(async () => t.close());

  async function detailsOf(r: Promise<{ status: number; body: any }>): Promise<FieldError[]> {
    const res = await r;
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.code).toBe('validation_failed');
    expect(Array.isArray(res.body.details)).toBe(true);
    return res.body.details as FieldError[];
  }
  const raise = (overrides: Record<string, unknown>) =>
    detailsOf(member.post(`${api}/concerns`, concernBody(overrides)));

  const seen = new Set<string>();
  function expectOne(details: FieldError[], want: FieldError) {
    expect(details[0]).toEqual(want);
    // Only the words a domain rule adds: never the validator's own English.
    for (const d of details) {
      expect(validationRules).toContain(d.rule);
      if (d.rule !== 'invalid') expect(d).not.toHaveProperty('message');
      expect(d).not.toHaveProperty('problems');
    }
    seen.add(want.rule);
  }

  it('names the field, the rule and its limit for each kind of body rule', async () => {
    const { what: _what, ...noWhat } = concernBody();
    expectOne(await detailsOf(member.post(`${api}/concerns`, noWhat)), {
      field: 'what',
      rule: 'required',
      in: 'body',
    });
    expectOne(await raise({ what: '' }), {
      field: 'what',
      rule: 'minLength',
      limit: 1,
      in: 'body',
    });
    expectOne(await raise({ what: '   ' }), { field: 'what', rule: 'notBlank', in: 'body' });
    expectOne(await raise({ about: { name: 'sam\u202eved_mas' } }), {
      field: 'about.name',
      rule: 'plainText',
      in: 'body',
    });
    expectOne(await raise({ what: 'x'.repeat(10_001) }), {
      field: 'what',
      rule: 'maxLength',
      limit: 10_000,
      in: 'body',
    });
    expectOne(await raise({ what: 42 }), { field: 'what', rule: 'type', in: 'body' });
    expectOne(await raise({ harmed: 'nobody' }), { field: 'harmed', rule: 'enum', in: 'body' });
    expectOne(await raise({ links: ['ftp://example.org/x'] }), {
      field: 'links.0',
      rule: 'url',
      in: 'body',
    });
    expectOne(await raise({ about: { name: 5 } }), {
      field: 'about.name',
      rule: 'type',
      in: 'body',
    });
    expectOne(await raise({ about: { userId: 'not-a-uuid' } }), {
      field: 'about.userId',
      rule: 'format',
      in: 'body',
    });
    expectOne(await raise({ about: { nick: 'sam' } }), {
      field: 'about.nick',
      rule: 'additionalProperties',
      in: 'body',
    });
    expectOne(await raise({ surprise: true }), {
      field: 'surprise',
      rule: 'additionalProperties',
      in: 'body',
    });
    expectOne(await raise({ quotes: Array.from({ length: 11 }, (_, i) => `quote ${i}`) }), {
      field: 'quotes',
      rule: 'maxItems',
      limit: 10,
      in: 'body',
    });
    expectOne(await raise({ categories: ['exclusion', 'exclusion'] }), {
      field: 'categories',
      rule: 'uniqueItems',
      in: 'body',
    });
    expectOne(await raise({ categories: ['not-a-kind'] }), {
      field: 'categories.0',
      rule: 'enum',
      in: 'body',
    });
    expectOne(
      await detailsOf(
        organizer.post(`${api}/enforcements`, { concernIds: [], level: 'correction', reason: 'x' }),
      ),
      { field: 'concernIds', rule: 'minItems', limit: 1, in: 'body' },
    );
    expectOne(
      await detailsOf(organizer.post(`${api}/invitations`, { role: 'member', maxUses: 0 })),
      { field: 'maxUses', rule: 'minimum', limit: 1, in: 'body' },
    );
    expectOne(
      await detailsOf(organizer.post(`${api}/invitations`, { role: 'member', expiresInDays: 91 })),
      { field: 'expiresInDays', rule: 'maximum', limit: 90, in: 'body' },
    );
    expectOne(
      await detailsOf(
        new Client(t.app).post('/api/setup', {
          token: 'a-setup-token',
          email: 'not an address',
          password: 'a long and kind passphrase',
          displayName: 'Sam',
        }),
      ),
      { field: 'email', rule: 'email', in: 'body' },
    );
  });

  it('says where the field is for the query string and the path', async () => {
    expectOne(await detailsOf(organizer.get(`${api}/concerns?limit=100000`)), {
      field: 'limit',
      rule: 'maximum',
      limit: 100,
      in: 'querystring',
    });
    expectOne(await detailsOf(organizer.get(`${api}/concerns?limit=0`)), {
      field: 'limit',
      rule: 'minimum',
      limit: 1,
      in: 'querystring',
    });
    expectOne(await detailsOf(organizer.get(`/api/communities/not-an-id/concerns`)), {
      field: 'communityId',
      rule: 'format',
      in: 'params',
    });
    expectOne(await detailsOf(new Client(t.app).get('/api/public/intake/not%20an%20id!')), {
      field: 'intakeId',
      rule: 'pattern',
      in: 'params',
    });
    const bad = await new Client(t.app).get('/api/public/intake/%E0%A4%A');
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([
      { field: 'url', rule: 'format', in: 'url', message: 'This address is not valid.' },
    ]);
  });

  it('gives a domain rule the same shape, with the server’s own words', async () => {
    const details = await raise({ about: {} });
    expect(details).toEqual([
      { field: 'about', rule: 'invalid', message: 'Say who this is about: a member or a name.' },
    ]);
    seen.add('invalid');
  });

  it('describes the field errors in the OpenAPI document', async () => {
    const doc = (await new Client(t.app).get('/api/openapi.json')).body;
    const details = doc.components.schemas.ErrorBody.properties.details;
    const list = details.anyOf.find((s: { type?: string }) => s.type === 'array');
    expect(list.items.required).toEqual(['field', 'rule']);
    const rules = list.items.properties.rule.anyOf.flatMap((s: { enum: string[] }) => s.enum);
    expect(rules).toEqual([...validationRules]);
    expect(Object.keys(list.items.properties)).toEqual(['field', 'rule', 'limit', 'in', 'message']);
  });

  it('covered every rule of the contract that the API can produce', () => {
    // `pattern` and `format` also arrive through the path; `invalid` through the domain.
    expect([...seen].sort()).toEqual([...validationRules].sort());
  });
});

describe('the web’s words for each rule', () => {
  it('has plain words for every rule of the contract, and uses the limit', () => {
    const table = validationMessages as Record<string, unknown>;
    for (const rule of validationRules) {
      expect(typeof table[rule], rule).toBe('function');
      const words = messageFor({ rule, limit: 7 });
      expect(words, rule).toMatch(/^[A-Z].*\.$/);
      expect(check(words), rule).toEqual([]);
    }
    expect(Object.keys(table).sort()).toEqual([...validationRules].sort());
    expect(messageFor({ rule: 'maxLength', limit: 200 })).toBe(
      'Please keep this under 200 characters.',
    );
    expect(messageFor({ rule: 'minLength', limit: 1 })).toBe('Please fill this in.');
    expect(messageFor({ rule: 'invalid', message: 'That person is not here.' })).toBe(
      'That person is not here.',
    );
  });
});
