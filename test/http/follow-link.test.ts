// The reporter's private follow link: `<concern id><secret>`, found by id and checked against
// the stored hash of the secret. Links given out before 2026-11-30 (a bare secret, stored as a
// hash of the whole link) keep working.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecret, newSecret } from '../../src/domain/common/tokens.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { Client } from '../helpers/client.ts';
import { testDialects } from '../helpers/db.ts';
import { buildCommunity, buildConcern, buildMember } from '../helpers/factories.ts';

describe.each(testDialects())('follow links on %s', (dialect) => {
  let t: TestApp;
  let communityId: string;
  let member: Client;
  const stranger = () => new Client(t.app);
  beforeAll(async () => {
    t = await createTestApp(dialect);
    communityId = (await buildCommunity(t)).id;
    member = await buildMember(t, communityId, 'member');
  });
  afterAll(async () => t.close());

  it('opens with the link it was given, and ids made later sort after earlier ones', async () => {
    const first = await buildConcern(member, communityId);
    const second = await buildConcern(member, communityId);
    expect(first.followToken).toMatch(/^[0-9a-f]{32}[A-Za-z0-9_-]{43}$/);
    expect(first.followToken.slice(0, 32)).toBe(first.id.replaceAll('-', ''));
    // Version 7: the id starts with the time, so the second sorts after the first.
    expect(first.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-/);
    expect(second.id > first.id).toBe(true);
    const seen = await stranger().get(`/api/follow/${first.followToken}`);
    expect(seen.status).toBe(200);
    expect(seen.body.status).toBe('new');
    // Only a hash of the secret is stored, never the link.
    const row = await t.database.handle.db
      .selectFrom('concerns')
      .select(['follow_lookup', 'follow_verifier_hash'])
      .where('id', '=', first.id)
      .executeTakeFirstOrThrow();
    expect(row.follow_lookup).toBe(first.id);
    expect(row.follow_verifier_hash).toBe(hashSecret(first.followToken.slice(32)));
  });

  it('does not open with a changed secret, or with one concern’s id and another’s secret', async () => {
    const a = await buildConcern(member, communityId);
    const b = await buildConcern(member, communityId);
    const last = a.followToken.at(-1) === 'A' ? 'B' : 'A';
    const changed = a.followToken.slice(0, -1) + last;
    const mixed = a.followToken.slice(0, 32) + b.followToken.slice(32);
    const bareSecret = a.followToken.slice(32);
    for (const token of [changed, mixed, bareSecret]) {
      const r = await stranger().get(`/api/follow/${token}`);
      expect(r.status).toBe(404);
      expect(r.body.code).toBe('not_found');
    }
  });

  it('still opens a link given out before, and only that way', async () => {
    const c = await buildConcern(member, communityId);
    const legacy = newSecret();
    await t.database.handle.db
      .updateTable('concerns')
      .set({ follow_lookup: hashSecret(legacy), follow_verifier_hash: null })
      .where('id', '=', c.id)
      .execute();
    const seen = await stranger().get(`/api/follow/${legacy}`);
    expect(seen.status).toBe(200);
    // The new-style link for that row no longer matches: its row has no verifier any more.
    const gone = await stranger().get(`/api/follow/${c.followToken}`);
    expect(gone.status).toBe(404);
  });
});
