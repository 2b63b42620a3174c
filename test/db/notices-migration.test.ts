// The notices migration (2026-12-01T15, notices) on a database that already holds an organizer
// and a community: afterwards that organizer has no notices and the default email choice, and a
// notice delivered to them is listed and counted.
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openContext } from '../../src/app.ts';
import { migrateTo, migrateToLatest } from '../../src/db/migrate.ts';
import { newId } from '../../src/domain/common/tokens.ts';
import {
  appChannel,
  listNotices,
  readNoticeSettings,
} from '../../src/domain/notifications/notices.ts';
import { testConfig } from '../helpers/app.ts';
import { insertOldCommunity, insertOldUser } from '../helpers/old-rows.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../helpers/db.ts';

const MIGRATION = '2026-12-01T15-00-notices';

describe.each(testDialects())('notices across the 2026-12-01 migration on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect, { migrate: false });
  });
  afterAll(async () => database.drop());

  it('an organizer from before it starts with no notices and can receive one', async () => {
    const db = database.handle.db as unknown as Kysely<any>;
    await migrateTo(db, '2026-12-01T14-00-accounts');
    const at = '2026-11-30T10:00:00.000Z';
    const userId = newId();
    const communityId = newId();
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
    const report = await migrateToLatest(db);
    expect(report.applied).toContain(MIGRATION);

    const ctx = await openContext(testConfig(database), {
      migrate: false,
      database: database.handle,
    });
    const actor = { kind: 'user', userId, isOperator: false } as const;
    const repos = ctx.store.repos;
    expect(await listNotices(repos, ctx.cipher, actor, {})).toEqual({
      items: [],
      unread: 0,
      nextCursor: null,
    });
    expect(await readNoticeSettings(repos, actor, communityId)).toEqual({
      newConcerns: 'immediate',
    });
    const channel = appChannel({
      repos,
      cipher: ctx.cipher,
      clock: ctx.clock,
      publicUrl: ctx.config.publicUrl,
    });
    const link = new URL(`/c/${communityId}/inbox`, ctx.config.publicUrl).toString();
    const delivery = {
      template: 'new-concern' as const,
      community: { id: communityId, name: 'Older Community' },
      recipient: { userId, email: 'earlier@example.org', name: 'Eli Earlier' },
      link,
      deliveryId: newId(),
    };
    expect(await channel.deliver(delivery)).toBe('sent');
    // A retried delivery writes nothing twice.
    expect(await channel.deliver(delivery)).toBe('sent');
    const after = await listNotices(repos, ctx.cipher, actor, {});
    expect(after.unread).toBe(1);
    expect(after.items).toEqual([
      expect.objectContaining({ template: 'new-concern', link: `/c/${communityId}/inbox` }),
    ]);
  });
});
