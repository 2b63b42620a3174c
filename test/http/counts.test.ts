// GET /api/communities/:id/counts: live and purged cases counted per month raised, kind of
// behaviour and outcome, for organizers; months checked, nothing about a person.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { callInAnswers } from '../helpers/call-ins.ts';
import type { Client } from '../helpers/client.ts';
import { testDialects } from '../helpers/db.ts';
import { buildCommunity, buildConcern, buildMember } from '../helpers/factories.ts';

describe.each(testDialects())('case counts on %s', (dialect) => {
  let t: TestApp;
  let communityId: string;
  let organizer: Client;
  let member: Client;
  const clock = { now: () => new Date('2026-06-15T12:00:00.000Z') };
  const counts = (query = '') => organizer.get(`/api/communities/${communityId}/counts${query}`);
  beforeAll(async () => {
    t = await createTestApp(dialect, { clock });
    communityId = (await buildCommunity(t)).id;
    organizer = await buildMember(t, communityId, 'organizer');
    member = await buildMember(t, communityId, 'member');
    const words = { categories: ['inconsiderate-language'] };
    const decided = await buildConcern(member, communityId, words);
    await buildConcern(member, communityId, words);
    await buildConcern(member, communityId, { categories: ['exclusion', 'microaggression'] });
    await buildConcern(member, communityId, { about: { name: 'Someone else entirely' } });
    const triaged = await organizer.post(
      `/api/communities/${communityId}/concerns/${decided.id}/triage`,
      { answers: callInAnswers, decision: 'call-in', reason: 'A first thoughtless remark.' },
    );
    expect(triaged.status).toBe(201);
    // Counts the purge kept earlier: one this year, one long ago.
    await t.ctx.store.repos.privacy.addCount({
      communityId,
      month: '2026-02',
      category: 'inconsiderate-language',
      outcome: 'apologised',
      count: 3,
    });
    await t.ctx.store.repos.privacy.addTotal({
      communityId,
      month: '2026-02',
      outcome: 'apologised',
      count: 3,
    });
    // The purge counts each case once as well (since 2026-12-01).
    await t.ctx.store.repos.privacy.addCases({ communityId, month: '2026-02', count: 3 });
    await t.ctx.store.repos.privacy.addCount({
      communityId,
      month: '2024-01',
      category: 'exclusion',
      outcome: 'none',
      count: 1,
    });
  });
  afterAll(async () => t.close());

  it('counts the last twelve months by default, live and purged together', async () => {
    const r = await counts();
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      from: '2025-07',
      to: '2026-06',
      items: [
        { month: '2026-02', category: 'inconsiderate-language', outcome: 'apologised', count: 3 },
        { month: '2026-06', category: 'exclusion', outcome: 'none', count: 1 },
        { month: '2026-06', category: 'inconsiderate-language', outcome: 'call-in', count: 1 },
        { month: '2026-06', category: 'inconsiderate-language', outcome: 'none', count: 1 },
        { month: '2026-06', category: 'microaggression', outcome: 'none', count: 1 },
        { month: '2026-06', category: 'uncategorised', outcome: 'none', count: 1 },
      ],
      // Each case once: the one naming two kinds is one case here.
      totals: [
        { month: '2026-02', outcome: 'apologised', count: 3 },
        { month: '2026-06', outcome: 'call-in', count: 1 },
        { month: '2026-06', outcome: 'none', count: 3 },
      ],
      cases: [
        { month: '2026-02', count: 3 },
        { month: '2026-06', count: 4 },
      ],
    });
    // Nothing that points at a person or a case.
    const text = JSON.stringify(r.body);
    for (const s of ['Someone else', 'sam_dev', 'no-brainer', member.userId!]) {
      expect(text).not.toContain(s);
    }
  });

  it('answers for the months asked, and explains months it cannot use', async () => {
    const old = await counts('?from=2024-01&to=2024-12');
    expect(old.body).toEqual({
      from: '2024-01',
      to: '2024-12',
      items: [{ month: '2024-01', category: 'exclusion', outcome: 'none', count: 1 }],
      // Purged before per-case totals were kept: only in the per-kind counts.
      totals: [],
      cases: [],
    });
    for (const [query, field] of [
      ['?from=2026-13', 'from'],
      ['?to=26-01', 'to'],
      ['?from=2026-05&to=2026-04', 'from'],
      ['?from=2010-01&to=2026-06', 'from'],
    ] as const) {
      const r = await counts(query);
      expect(r.status).toBe(400);
      expect(r.body.code).toBe('validation_failed');
      expect(JSON.stringify(r.body.details)).toContain(field);
    }
    expect((await member.get(`/api/communities/${communityId}/counts`)).body.code).toBe(
      'forbidden',
    );
  });
});
