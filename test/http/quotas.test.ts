// Per-account quotas (issue 9: "one member can exhaust the server"): one account, signed in or
// through its API tokens, from any address and on any server of one database, may raise only
// so many concerns, send so many messages, make so many invitations, tokens and other changes
// in a while. Over it: 429 `quota_exceeded` with Retry-After, and nothing changes. The public
// intake keeps its per-address limit; signing out and withdrawing consent always work.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openContext } from '../../src/app.ts';
import { describeConfig, loadConfig, variables } from '../../src/config/env.ts';
import { openDatabase, type DatabaseHandle } from '../../src/db/client.ts';
import { build } from '../../src/http/server.ts';
import { createTestApp, testConfig, type TestApp } from '../helpers/app.ts';
import { Client } from '../helpers/client.ts';
import { testDialects } from '../helpers/db.ts';
import { buildCommunity, buildMember, concernBody } from '../helpers/factories.ts';
import { countRows } from '../helpers/routes.ts';

const env = {
  QUOTA_CONCERNS_PER_HOUR: '3',
  QUOTA_MESSAGES_PER_HOUR: '2',
  QUOTA_INVITATIONS_PER_HOUR: '2',
  QUOTA_TOKENS_PER_HOUR: '2',
  QUOTA_WRITES_PER_MINUTE: '4',
};

function expectQuota(
  r: { status: number; body: any; headers: Record<string, unknown> },
  kind: string,
) {
  expect(r.status, JSON.stringify(r.body)).toBe(429);
  expect(r.body).toMatchObject({ code: 'quota_exceeded', details: { reason: kind } });
  expect(r.body.details.why).toMatch(/^One account can /);
  const retry = Number(r.headers['retry-after']);
  expect(retry).toBeGreaterThan(0);
  expect(retry).toBeLessThanOrEqual(kind === 'writes' ? 60 : 3600);
}

describe('quota configuration', () => {
  it('has defaults, is printed by `callin config`, and refuses a bad value', () => {
    const shown = describeConfig(loadConfig({}, '/tmp'));
    expect(shown).toMatchObject({
      QUOTA_CONCERNS_PER_HOUR: '30',
      QUOTA_MESSAGES_PER_HOUR: '200',
      QUOTA_INVITATIONS_PER_HOUR: '100',
      QUOTA_TOKENS_PER_HOUR: '20',
      QUOTA_WRITES_PER_MINUTE: '300',
    });
    expect(variables.filter((v) => v.name.startsWith('QUOTA_'))).toHaveLength(5);
    expect(() => loadConfig({ QUOTA_CONCERNS_PER_HOUR: 'lots' }, '/tmp')).toThrow(
      /QUOTA_CONCERNS_PER_HOUR/,
    );
  });
});

describe.each(testDialects())('per-account quotas on %s', (dialect) => {
  let t: TestApp;
  let second: { app: FastifyInstance; handle: DatabaseHandle };
  let communityId: string;
  let api: string;
  beforeAll(async () => {
    t = await createTestApp(dialect, { env });
    const handle =
      dialect === 'sqlite'
        ? openDatabase({ databaseUrl: null, dataDir: t.database.dataDir })
        : openDatabase({
            databaseUrl: t.database.env.DATABASE_URL!,
            dataDir: t.database.dataDir,
            poolSize: 2,
          });
    const ctx = await openContext(testConfig(t.database, env), {
      migrate: false,
      database: handle,
    });
    second = { app: await build(ctx, { serveWeb: false }), handle };
    communityId = (await buildCommunity(t)).id;
    api = `/api/communities/${communityId}`;
  });
  afterAll(async () => {
    await second?.app.close();
    await second?.handle.close();
    await t.close();
  });

  /** The same signed-in person on the second server. */
  const onSecond = (c: Client) =>
    Object.assign(new Client(second.app), { cookie: c.cookie, csrfToken: c.csrfToken });

  it('limits the concerns one account raises, across its tokens and both servers', async () => {
    const member = await buildMember(t, communityId, 'member', 'Quinn');
    const token = await member.post(`${api}/tokens`, { name: 'my script' });
    expect(token.status).toBe(201);
    const script = new Client(t.app);
    script.bearer = token.body.token;
    expect((await member.post(`${api}/concerns`, concernBody())).status).toBe(201);
    expect((await onSecond(member).post(`${api}/concerns`, concernBody())).status).toBe(201);
    expect((await script.post(`${api}/concerns`, concernBody())).status).toBe(201);
    const before = await countRows(t);
    expectQuota(await member.post(`${api}/concerns`, concernBody()), 'concerns');
    expectQuota(await script.post(`${api}/concerns`, concernBody()), 'concerns');
    expectQuota(await onSecond(member).post(`${api}/concerns`, concernBody()), 'concerns');
    expect(await countRows(t)).toEqual(before);
    // Someone else is not held back by it.
    const other = await buildMember(t, communityId, 'member', 'Rae');
    expect((await other.post(`${api}/concerns`, concernBody())).status).toBe(201);
    // The quota is the account's, not the address's: the public form keeps its own limit.
    const community = await t.ctx.store.repos.communities.findById(communityId);
    const intake = await new Client(t.app).post(
      `/api/public/intake/${community!.intakeId}/concerns`,
      concernBody(),
    );
    expect(intake.status, JSON.stringify(intake.body)).toBe(201);
  });

  it('limits invitations, tokens and every other change, but never signing out', async () => {
    const organizer = await buildMember(t, communityId, 'organizer', 'Ola');
    for (let i = 0; i < 2; i++)
      expect((await organizer.post(`${api}/invitations`, { role: 'member' })).status).toBe(201);
    expectQuota(await organizer.post(`${api}/invitations`, { role: 'member' }), 'invitations');
    for (let i = 0; i < 2; i++)
      expect((await organizer.post(`${api}/tokens`, { name: `t${i}` })).status).toBe(201);
    expectQuota(await organizer.post(`${api}/tokens`, { name: 'one more' }), 'tokens');

    // Messages count as attempts, whether or not the call-in is theirs to write in.
    const caller = await buildMember(t, communityId, 'ally', 'Cai');
    const nowhere = `${api}/call-ins/00000000-0000-4000-8000-000000000000/messages`;
    for (let i = 0; i < 2; i++)
      expect((await caller.post(nowhere, { text: 'Hello there.' })).status).toBe(404);
    expectQuota(await caller.post(nowhere, { text: 'Hello there.' }), 'messages');
    expectQuota(
      await caller.post(`/api/me/call-ins/00000000-0000-4000-8000-000000000000/responses`, {
        kind: 'reply',
        text: 'Hello.',
      }),
      'messages',
    );

    const member = await buildMember(t, communityId, 'member', 'Wen');
    for (let i = 0; i < 4; i++) {
      const r = await (i % 2 ? onSecond(member) : member).request('PATCH', `${api}/care/me`, {
        capacity: 1 + i,
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
    expectQuota(await member.request('PATCH', `${api}/care/me`, { capacity: 9 }), 'writes');
    expect((await member.get(`${api}/care/me`)).body.capacity).toBe(4);
    // Reading and checking text are not changes; signing out always works.
    expect((await member.get('/api/me')).status).toBe(200);
    expect((await member.post('/api/language/check', { text: 'hello' })).status).toBe(200);
    expect((await member.post('/api/auth/sign-out')).status).toBe(200);
  });
});
