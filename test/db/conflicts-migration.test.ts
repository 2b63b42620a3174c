// The conflicts migration (rule 9) from an empty database and from the previous schema holding
// a concern: afterwards the concern is there, has no conflicts, and conflicts can be recorded.
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateTo, migrateToLatest } from '../../src/db/migrate.ts';
import { conflictsRepository } from '../../src/db/repositories/conflicts.repository.ts';
import { newId } from '../../src/domain/common/tokens.ts';
import { insertOldCommunity, insertOldConcern, insertOldUser } from '../helpers/old-rows.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../helpers/db.ts';

describe.each(testDialects())('case conflicts migration on %s', (dialect) => {
  let database: TestDatabase;
  let fresh: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect, { migrate: false });
    fresh = await createTestDatabase(dialect);
  });
  afterAll(async () => {
    await database.drop();
    await fresh.drop();
  });

  it('exists on an empty database migrated to the latest', async () => {
    const repo = conflictsRepository(fresh.handle.db);
    expect(await repo.listForConcerns(newId(), [newId()])).toEqual([]);
  });

  it('adds the table beside existing concerns, which keep working', async () => {
    const db = database.handle.db as unknown as Kysely<any>;
    await migrateTo(db, '2026-12-01T02-00-rate-limits');
    const at = '2026-11-30T10:00:00.000Z';
    const communityId = newId();
    const concernId = newId();
    const subject = newId();
    await insertOldUser(
      db,
      { id: subject, email: 'subject@example.org', display_name: 'Sam Subject', password_hash: '' },
      at,
    );
    await insertOldCommunity(
      db,
      { id: communityId, slug: 'before-conflicts', name: 'Before Conflicts' },
      at,
    );
    await insertOldConcern(
      db,
      {
        id: concernId,
        community_id: communityId,
        subject_user_id: subject,
        follow_lookup: concernId,
        follow_verifier_hash: null,
      },
      at,
    );
    await migrateToLatest(db);
    const repo = conflictsRepository(database.handle.db);
    expect(await repo.listForConcerns(communityId, [concernId])).toEqual([]);
    // The person a case is about is hidden from it with no conflict rows at all.
    expect(await repo.concernIdsHiddenFrom(communityId, subject)).toEqual([concernId]);
    const organizer = newId();
    const row = {
      concernId,
      communityId,
      userId: organizer,
      kind: 'declared' as const,
      createdAt: at,
    };
    await repo.insert(row);
    await repo.insert(row); // twice is once
    expect(await repo.listForConcerns(communityId, [concernId])).toEqual([row]);
    expect(await repo.concernIdsHiddenFrom(communityId, organizer)).toEqual([concernId]);
  });
});
