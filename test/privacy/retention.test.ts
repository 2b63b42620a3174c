// Retention: a closed case older than its community's retention period is purged and counted;
// a newer one, and an open one, stay. The purge runs as a job the scheduler enqueues once a day.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../../src/domain/audit/audit.ts';
import { contentContext } from '../../src/domain/intake/concerns.ts';
import { RETENTION_PURGE } from '../../src/jobs/definitions/retention-purge.job.ts';
import { createJobService } from '../../src/jobs/service.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';
import { buildCommunity, buildConcern, buildMember } from '../helpers/factories.ts';

const DAY = 86_400_000;

describe.each(testDialects())('the retention purge on %s', (dialect) => {
  let t: TestApp;
  let now = Date.parse('2026-01-10T09:00:00.000Z');
  const clock = { now: () => new Date(now) };
  beforeAll(async () => {
    t = await createTestApp(dialect, { clock });
  });
  afterAll(async () => t.close());

  it('purges closed cases past the period down to anonymous counts, and keeps the rest', async () => {
    const community = await buildCommunity(t);
    const organizer = await buildMember(t, community.id, 'organizer', 'Ola Organizer');
    expect(
      (
        await organizer.patch(`/api/communities/${community.id}`, {
          settings: { retentionDays: 30 },
        })
      ).status,
    ).toBe(200);
    const member = await buildMember(t, community.id, 'member');

    const old = await buildConcern(member, community.id, {
      categories: ['inconsiderate-language'],
    });
    const oldTwo = await buildConcern(member, community.id, {
      categories: ['inconsiderate-language'],
    });
    const openOld = await buildConcern(member, community.id);
    const recent = await buildConcern(member, community.id, {
      categories: ['inconsiderate-language'],
    });
    const { repos } = t.ctx.store;
    const close = (id: string) =>
      repos.concerns.updateStatus(community.id, id, 'closed', new Date(now).toISOString());
    await close(old.id);
    await close(oldTwo.id);
    await repos.triage.insert({
      id: '00000000-0000-4000-8000-000000000001',
      concernId: old.id,
      communityId: community.id,
      decidedBy: organizer.userId!,
      answers: {
        categories: ['inconsiderate-language'],
        immediateDanger: false,
        intent: 'thoughtless',
        publicHarm: 'none',
      },
      recommendation: {
        kind: 'call-in',
        ladderLevel: null,
        urgent: false,
        caller: 'reporter',
        reasons: [],
      },
      ladderLevel: null,
      decision: 'call-in',
      reason: t.ctx.cipher.encrypt(
        'kind words',
        `triage:${community.id}:00000000-0000-4000-8000-000000000001`,
      ),
      createdAt: new Date(now).toISOString(),
    });

    now += 20 * DAY;
    await close(recent.id);

    now += 15 * DAY; // 35 days after the first two closed, 15 after the recent one.
    // The organizers' notices about the new concerns are not what this test counts.
    await t.ctx.database.db.deleteFrom('jobs').where('name', 'like', 'notify%').execute();
    const jobs = await createJobService(t.ctx);
    try {
      expect(await jobs.runner.runDue()).toBe(1); // the scheduler enqueued today's purge and ran it
      expect(await jobs.runner.runDue()).toBe(0); // once a day, however often it looks
      const second = await createJobService(t.ctx);
      expect(await second.runner.runDue()).toBe(0); // another worker does not enqueue it again
      await second.close();
    } finally {
      await jobs.close();
    }
    const purgeJobs = await t.ctx.database.db
      .selectFrom('jobs')
      .selectAll()
      .where('name', '=', RETENTION_PURGE)
      .execute();
    expect(purgeJobs).toHaveLength(1);
    expect(purgeJobs[0]).toMatchObject({
      status: 'done',
      dedupe_key: 'retention.purge:2026-02-14',
    });

    expect(await repos.concerns.find(community.id, old.id)).toBeUndefined();
    expect(await repos.concerns.find(community.id, oldTwo.id)).toBeUndefined();
    expect(await repos.triage.listForConcern(community.id, old.id)).toEqual([]);
    const kept = await repos.concerns.find(community.id, recent.id);
    expect(kept).toBeDefined();
    expect(
      t.ctx.cipher.decrypt<{ what: string }>(kept!.content, contentContext(kept!)).what,
    ).toContain('no-brainer');
    expect(await repos.concerns.find(community.id, openOld.id)).toBeDefined();

    const purgedCounts = await repos.privacy.listCounts(community.id);
    expect(purgedCounts.map((c) => ({ ...c, count: Number(c.count) }))).toEqual([
      { month: '2026-01', category: 'inconsiderate-language', outcome: 'call-in', count: 1 },
      { month: '2026-01', category: 'inconsiderate-language', outcome: 'none', count: 1 },
    ]);
    // Organizers read them, added to the live cases of the same months (here the recent one
    // and the open one); a member may not. (Sessions from before the clock moved on have
    // expired: these two have just joined.)
    const reader = await buildMember(t, community.id, 'organizer');
    const newcomer = await buildMember(t, community.id, 'member');
    const counts = await reader.get(`/api/communities/${community.id}/counts`);
    expect(counts.status).toBe(200);
    expect(counts.body.items).toEqual([
      { month: '2026-01', category: 'inconsiderate-language', outcome: 'call-in', count: 1 },
      { month: '2026-01', category: 'inconsiderate-language', outcome: 'none', count: 2 },
      { month: '2026-01', category: 'uncategorised', outcome: 'none', count: 1 },
    ]);
    expect(counts.body.totals).toEqual([
      { month: '2026-01', outcome: 'call-in', count: 1 },
      { month: '2026-01', outcome: 'none', count: 3 },
    ]);
    const purgedTotals = await repos.privacy.listTotals(community.id);
    expect(purgedTotals.map((c) => ({ ...c, count: Number(c.count) }))).toEqual([
      { month: '2026-01', outcome: 'call-in', count: 1 },
      { month: '2026-01', outcome: 'none', count: 1 },
    ]);
    expect((await newcomer.get(`/api/communities/${community.id}/counts`)).body.code).toBe(
      'forbidden',
    );
    // A second run changes nothing (the counts are not added twice).
    const { purgeExpiredCases } = await import('../../src/domain/privacy/retention.ts');
    expect(await purgeExpiredCases(t.ctx.store.transaction.bind(t.ctx.store), clock)).toEqual({
      communities: 0,
      purged: 0,
    });
    expect(await repos.privacy.listCounts(community.id)).toHaveLength(2);

    const chain = await verifyChain(repos.audit.iterate(), repos.audit.seal);
    expect(chain.ok).toBe(true);
    const entries = await repos.audit.listForCommunity(community.id, 5);
    expect(entries.map((e) => e.action)).toContain('retention.purge');
  });
});
