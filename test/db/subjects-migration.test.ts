// The subjects migration (2026-12-01T16, subjects) on a database that already holds a call-in
// whose caller typed the member's email: afterwards that address counts as only proposed, so
// nothing goes there until an organizer who is not the caller confirms it (rule 10).
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openContext } from '../../src/app.ts';
import { migrateTo, migrateToLatest } from '../../src/db/migrate.ts';
import { newId, newSecret } from '../../src/domain/common/tokens.ts';
import { awaitsAddress } from '../../src/domain/conversation/call-in-can.ts';
import { testConfig } from '../helpers/app.ts';
import { insertOldCommunity, insertOldConcern } from '../helpers/old-rows.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../helpers/db.ts';

const MIGRATION = '2026-12-01T16-00-subjects';

describe.each(testDialects())('member addresses across the subjects migration on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect, { migrate: false });
  });
  afterAll(async () => database.drop());

  it('an address a caller typed before it waits for an organizer', async () => {
    const db = database.handle.db as unknown as Kysely<any>;
    await migrateTo(db, '2026-12-01T15-00-notices');
    const at = '2026-11-30T10:00:00.000Z';
    const communityId = newId();
    const concernId = newId();
    const callInId = newId();
    await insertOldCommunity(db, { id: communityId }, at);
    await insertOldConcern(
      db,
      {
        id: concernId,
        community_id: communityId,
        status: 'call-in',
        harmed: 'someone-else',
        wants: 'ally',
        follow_lookup: newSecret(),
      },
      at,
    );
    await db
      .insertInto('call_ins')
      .values({
        id: callInId,
        community_id: communityId,
        concern_id: concernId,
        status: 'ready',
        consent_mode: 'organizer',
        consent_status: 'given',
        channel: 'email',
        member_contact: 'sealed by the caller',
        created_at: at,
        updated_at: at,
      })
      .execute();

    const report = await migrateToLatest(db);
    expect(report.applied).toContain(MIGRATION);
    const ctx = await openContext(testConfig(database), {
      migrate: false,
      database: database.handle,
    });
    const callIn = await ctx.store.repos.callIns.findById(callInId);
    expect(callIn).toMatchObject({
      channel: 'email',
      memberContact: 'sealed by the caller',
      memberContactConfirmedAt: null,
    });
    expect(awaitsAddress(callIn!)).toBe(true);
    // An earlier concern has no name words: it still matches by account and by its whole name.
    const concern = await ctx.store.repos.concerns.find(communityId, concernId);
    expect(concern).toMatchObject({ subjectTokens: null, subjectKey: null });
  });
});
