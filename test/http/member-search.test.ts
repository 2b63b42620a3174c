// Picking whom a concern is about: the member search. What anyone learns through it is bounded —
// two letters at least, five people at most, display names only (no email, role or case) — and
// only members of the community may ask. Insiders: the person it will be about, a caller (ally),
// a demoted organizer, the operator and someone from another community.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';
import { buildCommunity, buildMember, buildOperator } from '../helpers/factories.ts';

describe.each(testDialects())('the member search on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t.close());

  it('finds members by normalised name, a few at a time, by display name only', async () => {
    const community = await buildCommunity(t);
    const organizer = await buildMember(t, community.id, 'organizer', 'Ada Organizer');
    const milo = await buildMember(t, community.id, 'member', 'Milo Member');
    const ally = await buildMember(t, community.id, 'ally', 'Alex Ally');
    for (let i = 0; i < 7; i++) await buildMember(t, community.id, 'member', `Mara Many ${i}`);
    const search = (as: typeof organizer, q: string) =>
      as.get(`/api/communities/${community.id}/member-search?q=${encodeURIComponent(q)}`);

    for (const q of ['milo', 'MILO', '@milo', 'Milo Member (@milo)', 'mem mi', 'Mílo']) {
      const r = await search(organizer, q);
      expect(r.status, q).toBe(200);
      expect(r.body.items, q).toEqual([{ userId: milo.userId, displayName: 'Milo Member' }]);
    }
    // Fewer than two letters finds nobody; a common start finds five at most.
    expect((await search(organizer, 'm')).body.items).toEqual([]);
    expect((await search(organizer, '@ ')).body.items).toEqual([]);
    const many = await search(milo, 'ma');
    expect(many.body.items).toHaveLength(5);
    // Nothing but the id and the display name leaves: no email, no role.
    for (const item of many.body.items)
      expect(Object.keys(item).sort()).toEqual(['displayName', 'userId']);
    expect(JSON.stringify(many.body)).not.toContain('@example.org');
    // A plain member (the person a concern may be about) and an ally may search too.
    expect((await search(milo, 'alex')).body.items).toEqual([
      { userId: ally.userId, displayName: 'Alex Ally' },
    ]);
    expect((await search(ally, 'milo')).status).toBe(200);
    // A demoted organizer is a member: the same bounded answer.
    const demotedOne = await buildMember(t, community.id, 'organizer', 'Dee Demoted');
    await organizer.request(
      'PATCH',
      `/api/communities/${community.id}/members/${demotedOne.userId}`,
      {
        role: 'member',
      },
    );
    expect((await search(demotedOne, 'milo')).body.items).toHaveLength(1);
    // The operator and people of another community may not ask.
    const operator = await buildOperator(t);
    expect((await search(operator, 'milo')).status).toBe(403);
    const elsewhere = await buildCommunity(t, 'Elsewhere');
    const stranger = await buildMember(t, elsewhere.id, 'organizer', 'Sol Stranger');
    expect((await search(stranger, 'milo')).status).toBe(403);
  });
});
