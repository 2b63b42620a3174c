// Names a person reads refuse what would make them read differently from how they are stored:
// NUL and the other control characters (CR, LF, tab, the ESC of an ANSI escape), C1 controls and
// the bidi embeddings, overrides and isolates. Each name field of the API answers 400 with
// `rule: 'plainText'` and changes nothing; ordinary names in any script still go through.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPlainText } from '../../src/contract/schemas/primitives.ts';
import { createInvitation } from '../../src/domain/accounts/invitations.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { Client } from '../helpers/client.ts';
import {
  buildCommunity,
  buildMember,
  buildOperator,
  concernBody,
  PASSWORD,
  uniqueEmail,
} from '../helpers/factories.ts';
import { testDialects } from '../helpers/db.ts';
import { countRows } from '../helpers/routes.ts';

/** One spoof each: a right-to-left override that turns "exe.txt" around, and the rest. */
export const spoofedNames: Record<string, string> = {
  nul: 'Sam\u0000Admin',
  lineFeed: 'Sam\nOrganizer: approved',
  carriageReturn: 'Sam\rAda',
  tab: 'Sam\tAda',
  ansiEscape: 'Sam \u001b[31mOrganizer\u001b[0m',
  delete: 'Sam\u007f',
  c1Control: 'Sam\u0085Ada',
  lineSeparator: 'Sam\u2028Ada',
  rightToLeftOverride: 'Sam \u202egnp.exe',
  leftToRightEmbedding: 'Sam \u202aAda',
  popDirectional: 'Sam\u202c',
  rightToLeftIsolate: 'Sam \u2067Ada\u2069',
  firstStrongIsolate: '\u2068Ada\u2069',
};

const fineNames = [
  'Zoë Ålander',
  'José-María O’Brien',
  'محمد',
  'שרה כהן',
  '李小龍',
  'Ana 🌻',
  'Dr. Sam Lee, Jr.',
];

describe('isPlainText', () => {
  it('refuses each control and bidi override, and takes names in any script', () => {
    for (const [kind, name] of Object.entries(spoofedNames))
      expect(isPlainText(name), kind).toBe(false);
    for (const name of fineNames) expect(isPlainText(name), name).toBe(true);
  });
});

describe.each(testDialects())('names are plain text on %s', (dialect) => {
  let t: TestApp;
  let operator: Client;
  let organizer: Client;
  let communityId: string;
  const someId = crypto.randomUUID();
  beforeAll(async () => {
    t = await createTestApp(dialect);
    operator = await buildOperator(t);
    communityId = (await buildCommunity(t)).id;
    organizer = await buildMember(t, communityId, 'organizer', 'Ada Organizer');
  });
  afterAll(async () => t.close());

  const made: string[] = [];
  const makeInvitation = async () =>
    (
      await createInvitation(
        t.ctx.store.transaction.bind(t.ctx.store),
        t.ctx.clock,
        { kind: 'cli' },
        communityId,
        {
          role: 'member',
          maxUses: 1,
          expiresInDays: 7,
        },
      )
    ).token;
  const invite = async () => made.pop() ?? makeInvitation();

  /** Each name field of the API: the request that carries it, and the field's path. */
  const fields: {
    field: string;
    send: (name: string) => Promise<{ status: number; body: any }>;
  }[] = [
    {
      field: 'displayName',
      send: async (name) =>
        new Client(t.app).post(`/api/invitations/${await invite()}/accept`, {
          email: uniqueEmail('plain'),
          password: PASSWORD,
          displayName: name,
        }),
    },
    {
      field: 'displayName',
      send: (name) =>
        new Client(t.app).post('/api/setup', {
          token: 'a-setup-link-that-was-never-issued',
          email: uniqueEmail('setup'),
          password: PASSWORD,
          displayName: name,
        }),
    },
    {
      field: 'name',
      send: (name) =>
        operator.post('/api/communities', {
          slug: `p-${crypto.randomBytes(4).toString('hex')}`,
          name,
        }),
    },
    {
      field: 'name',
      send: (name) => organizer.request('PATCH', `/api/communities/${communityId}`, { name }),
    },
    {
      field: 'name',
      send: (name) => organizer.post(`/api/communities/${communityId}/tokens`, { name }),
    },
    {
      field: 'about.name',
      send: (name) =>
        organizer.post(
          `/api/communities/${communityId}/concerns`,
          concernBody({ about: { name } }),
        ),
    },
    {
      field: 'harmedName',
      send: (name) =>
        organizer.post(
          `/api/communities/${communityId}/concerns`,
          concernBody({ harmed: 'someone-else', harmedName: name }),
        ),
    },
    {
      field: 'name',
      send: (name) =>
        organizer.post(`/api/communities/${communityId}/call-ins/${someId}/consent-request`, {
          email: 'harmed@example.org',
          name,
        }),
    },
    {
      field: 'memberName',
      send: (name) =>
        organizer.request('PUT', `/api/communities/${communityId}/call-ins/${someId}/channel`, {
          channel: 'email',
          memberEmail: 'member@example.org',
          memberName: name,
        }),
    },
  ];

  it('refuses every control character and bidi override in every name field, changing nothing', async () => {
    for (let i = 0; i < Object.keys(spoofedNames).length; i++) made.push(await makeInvitation());
    const before = await countRows(t);
    for (const { field, send } of fields)
      for (const [kind, name] of Object.entries(spoofedNames)) {
        const r = await send(name);
        expect(r.status, `${field} ${kind}: ${JSON.stringify(r.body)}`).toBe(400);
        expect(r.body.code).toBe('validation_failed');
        expect(r.body.details, `${field} ${kind}`).toContainEqual({
          field,
          rule: 'plainText',
          in: 'body',
        });
      }
    expect(await countRows(t)).toEqual(before);
  });

  it('takes ordinary names in any script', async () => {
    for (const name of fineNames) {
      const r = await new Client(t.app).post(`/api/invitations/${await invite()}/accept`, {
        email: uniqueEmail('fine'),
        password: PASSWORD,
        displayName: name,
      });
      expect(r.status, name).toBe(200);
      const token = await organizer.post(`/api/communities/${communityId}/tokens`, { name });
      expect(token.status, name).toBe(201);
    }
    const c = await operator.post('/api/communities', {
      slug: `f-${crypto.randomBytes(4).toString('hex')}`,
      name: fineNames[2],
    });
    expect(c.status).toBe(201);
    expect(c.body.name).toBe(fineNames[2]);
  });
});
