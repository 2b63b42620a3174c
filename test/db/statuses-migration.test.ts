// The statuses migration (2026-12-01T16-20, statuses) on a database that already holds a call-in
// with its one outcome, a concern and counts kept after a purge: afterwards the call-in has that
// outcome as its list, each purged case is counted once per month, the concern has no subject
// line, and the counts read the same as before.
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openContext } from '../../src/app.ts';
import { migrateTo, migrateToLatest } from '../../src/db/migrate.ts';
import { newId } from '../../src/domain/common/tokens.ts';
import { listCaseCounts } from '../../src/domain/outcomes/case-counts.ts';
import { testConfig } from '../helpers/app.ts';
import { insertOldCommunity, insertOldConcern, insertOldUser } from '../helpers/old-rows.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../helpers/db.ts';

const MIGRATION = '2026-12-01T16-20-statuses';

describe.each(testDialects())('statuses across the 2026-12-01 migration on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect, { migrate: false });
  });
  afterAll(async () => database.drop());

  it('keeps the one outcome as a list, and purged cases once per month', async () => {
    const db = database.handle.db as unknown as Kysely<any>;
    await migrateTo(db, '2026-12-01T15-00-notices');
    const at = '2026-11-20T10:00:00.000Z';
    const userId = newId();
    const communityId = newId();
    const concernId = newId();
    const callInId = newId();
    const quietId = newId();
    await insertOldUser(
      db,
      { id: userId, email: 'earlier@example.org', display_name: 'Eli Earlier' },
      at,
    );
    await insertOldCommunity(db, { id: communityId }, at);
    await db
      .insertInto('memberships')
      .values({ community_id: communityId, user_id: userId, role: 'organizer', created_at: at })
      .execute();
    const concern = {
      community_id: communityId,
      status: 'in-progress',
      categories: '["microaggression"]',
      harmed: 'group',
      follow_verifier_hash: null,
    };
    await insertOldConcern(db, { ...concern, id: concernId, follow_lookup: concernId }, at);
    await insertOldConcern(
      db,
      { ...concern, id: quietId, follow_lookup: quietId, status: 'new' },
      at,
    );
    const callIn = {
      community_id: communityId,
      concern_id: concernId,
      language: null,
      caller_user_id: userId,
      caller_kind: 'organizer',
      harmed_user_id: null,
      consent_mode: 'organizer',
      consent_token_hash: null,
      consent_conditions: null,
      consent_decided_by: userId,
      consent_at: at,
      channel: 'voice',
      draft: null,
      member_token_hash: null,
      member_link: null,
      member_contact: null,
      member_state: null,
      outcome_note: null,
      created_by: userId,
      created_at: at,
      updated_at: at,
      closed_at: null,
    };
    await db
      .insertInto('call_ins')
      .values({
        ...callIn,
        id: callInId,
        status: 'outcome-recorded',
        consent_status: 'given',
        outcome: 'apologised',
        outcome_at: at,
      })
      .execute();
    // Counts kept after purges: 3 cases in October (two outcomes), 1 in September.
    await db
      .insertInto('retention_totals')
      .values([
        { community_id: communityId, month: '2026-10', outcome: 'apologised', count: 2 },
        { community_id: communityId, month: '2026-10', outcome: 'record-only', count: 1 },
        { community_id: communityId, month: '2026-09', outcome: 'none', count: 1 },
      ])
      .execute();

    const report = await migrateToLatest(db);
    expect(report.applied).toContain(MIGRATION);

    const ctx = await openContext(testConfig(database), {
      migrate: false,
      database: database.handle,
    });
    const repos = ctx.store.repos;
    const kept = await repos.callIns.find(communityId, callInId);
    expect(kept).toMatchObject({ outcome: 'apologised', outcomes: ['apologised'] });
    expect((await repos.concerns.find(communityId, concernId))?.subjectLine).toBeNull();
    expect(await repos.privacy.listCases(communityId)).toEqual([
      { month: '2026-09', count: 1 },
      { month: '2026-10', count: 3 },
    ]);
    const actor = { kind: 'user', userId, isOperator: false } as const;
    const counts = await listCaseCounts(repos, ctx.clock, actor, communityId, {
      from: '2026-09',
      to: '2026-11',
    });
    expect(counts.cases).toEqual([
      { month: '2026-09', count: 1 },
      { month: '2026-10', count: 3 },
      { month: '2026-11', count: 2 },
    ]);
    expect(counts.totals).toEqual(
      expect.arrayContaining([
        { month: '2026-11', outcome: 'apologised', count: 1 },
        { month: '2026-11', outcome: 'none', count: 1 },
        { month: '2026-10', outcome: 'apologised', count: 2 },
      ]),
    );
  });
});
