// The reporter migration (2026-12-01T16-25, the conversation with the reporter and follow alerts)
// on a database that already holds an organizer, a community and a concern raised through the
// public form: afterwards that concern has an empty thread, and an organizer's question, the
// reporter's answer through the follow link and an alert address all work on it.
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openContext } from '../../src/app.ts';
import { migrateTo, migrateToLatest } from '../../src/db/migrate.ts';
import { newId, newSecret } from '../../src/domain/common/tokens.ts';
import { raiseConcern } from '../../src/domain/intake/concerns.ts';
import { setFollowAlert } from '../../src/domain/intake/follow-alerts.ts';
import {
  askReporter,
  postReporterMessage,
  readConcernThread,
  readReporterThread,
} from '../../src/domain/intake/reporter-thread.ts';
import { testConfig } from '../helpers/app.ts';
import { insertOldCommunity, insertOldUser } from '../helpers/old-rows.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../helpers/db.ts';

const MIGRATION = '2026-12-01T16-25-reporter';

describe.each(testDialects())('the reporter thread across its migration on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect, { migrate: false });
  });
  afterAll(async () => database.drop());

  it('a concern from before it gets an empty thread, then questions, answers and an alert', async () => {
    const db = database.handle.db as unknown as Kysely<any>;
    await migrateTo(db, '2026-12-01T16-20-statuses');
    const at = '2026-11-30T10:00:00.000Z';
    const userId = newId();
    const communityId = newId();
    const intakeId = newSecret().slice(0, 20);
    await insertOldUser(
      db,
      { id: userId, email: 'earlier@example.org', display_name: 'Eli Earlier' },
      at,
    );
    await insertOldCommunity(db, { id: communityId, intake_id: intakeId }, at);
    await db
      .insertInto('memberships')
      .values({ community_id: communityId, user_id: userId, role: 'organizer', created_at: at })
      .execute();
    const ctx = await openContext(testConfig(database), {
      migrate: false,
      database: database.handle,
    });
    const tx = ctx.store.transaction.bind(ctx.store);
    // Raised before the migration, through the public form, anonymously.
    const raised = await raiseConcern(
      tx,
      { clock: ctx.clock, cipher: ctx.cipher },
      { kind: 'public' },
      { intakeId },
      {
        what: 'They kept interrupting me in the call.',
        quotes: [],
        links: [],
        impact: 'I stopped speaking up.',
        harmed: 'me',
        harmedName: null,
        about: { userId: null, name: 'kim' },
        wants: 'organizers',
        urgent: false,
        categories: [],
        anonymous: true,
        contact: null,
      },
      'public-form',
    );
    const report = await migrateToLatest(db);
    expect(report.applied).toContain(MIGRATION);

    const repos = ctx.store.repos;
    const actor = { kind: 'user', userId, isOperator: false } as const;
    const follow = { token: raised.followToken };
    expect(await readReporterThread(repos, ctx.cipher, follow)).toEqual({
      items: [],
      waiting: [],
      alert: false,
      can: { write: true },
    });
    const deps = { clock: ctx.clock, cipher: ctx.cipher, publicUrl: ctx.config.publicUrl };
    expect(await setFollowAlert(tx, deps, raised.followToken, 'me@example.org')).toEqual({
      alert: true,
    });
    const q = await askReporter(tx, deps, actor, communityId, raised.id, 'When was the call?');
    await postReporterMessage(tx, deps, follow, { text: 'Monday.', questionId: q.id });
    const thread = await readConcernThread(repos, ctx.cipher, actor, communityId, raised.id);
    expect(thread.items.map((i) => [i.kind, i.author, i.authorName, i.text])).toEqual([
      ['question', 'organizer', 'Eli Earlier', 'When was the call?'],
      ['answer', 'reporter', null, 'Monday.'],
    ]);
    const mine = await readReporterThread(repos, ctx.cipher, follow);
    expect(mine.waiting).toEqual([]);
    expect(mine.alert).toBe(true);
  });
});
