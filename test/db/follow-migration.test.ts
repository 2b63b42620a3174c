// The follow-selector migration (2026-11-30) on a database that already holds a concern with
// a follow link of the old kind: after it, the old link still opens the concern.
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openContext } from '../../src/app.ts';
import { migrateTo, migrateToLatest } from '../../src/db/migrate.ts';
import { contentContext } from '../../src/domain/intake/concerns.ts';
import { hashSecret, newId, newSecret } from '../../src/domain/common/tokens.ts';
import { build } from '../../src/http/server.ts';
import { testConfig } from '../helpers/app.ts';
import { Client } from '../helpers/client.ts';
import { insertOldCommunity, insertOldConcern } from '../helpers/old-rows.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../helpers/db.ts';

describe.each(testDialects())('follow links across the 2026-11-30 migration on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect, { migrate: false });
  });
  afterAll(async () => database.drop());

  it('keeps an old link working', async () => {
    const db = database.handle.db as unknown as Kysely<any>;
    await migrateTo(db, '2026-11-24T03-00-retention-counts');
    const at = '2026-11-20T10:00:00.000Z';
    const communityId = newId();
    const concernId = newId();
    const oldLink = newSecret();
    await insertOldCommunity(db, { id: communityId }, at);
    await insertOldConcern(
      db,
      {
        id: concernId,
        community_id: communityId,
        content: 'sealed later',
        follow_token_hash: hashSecret(oldLink),
      },
      at,
    );

    const report = await migrateToLatest(db);
    expect(report.applied).toContain('2026-11-30T00-00-follow-selector');

    const ctx = await openContext(testConfig(database), {
      migrate: false,
      database: database.handle,
    });
    const app = await build(ctx, { serveWeb: false });
    try {
      // The content is sealed with this test's key now that the app (and its cipher) exists.
      const content = ctx.cipher.encrypt(
        {
          what: 'Said something unkind in chat.',
          quotes: [],
          links: [],
          impact: '',
          harmedName: null,
          aboutName: 'someone',
          contact: null,
        },
        contentContext({ id: concernId, communityId }),
      );
      await db.updateTable('concerns').set({ content }).where('id', '=', concernId).execute();
      const seen = await new Client(app).get(`/api/follow/${oldLink}`);
      expect(seen.status).toBe(200);
      expect(seen.body).toMatchObject({ community: 'Older Community', status: 'new' });
      const wrong = await new Client(app).get(`/api/follow/${newSecret()}`);
      expect(wrong.status).toBe(404);
    } finally {
      await app.close();
    }
  });
});
