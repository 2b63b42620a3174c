// The account-links migration (2026-12-01, accounts) on a database that already holds an
// account: after it, that person can ask for a reset link, use it once, and sign in with the
// new password; a fresh database gets the table too.
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openContext } from '../../src/app.ts';
import { migrateTo, migrateToLatest } from '../../src/db/migrate.ts';
import { hashPassword } from '../../src/domain/accounts/passwords.ts';
import { newId } from '../../src/domain/common/tokens.ts';
import { build } from '../../src/http/server.ts';
import { testConfig } from '../helpers/app.ts';
import { Client } from '../helpers/client.ts';
import { insertOldUser } from '../helpers/old-rows.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../helpers/db.ts';
import { PASSWORD } from '../helpers/factories.ts';

const MIGRATION = '2026-12-01T14-00-accounts';

describe.each(testDialects())('account links across the 2026-12-01 migration on %s', (dialect) => {
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

  it('a fresh database has the table', async () => {
    const rows = await fresh.handle.db.selectFrom('account_links').selectAll().execute();
    expect(rows).toEqual([]);
  });

  it('an account made before it can reset its password after it', async () => {
    const db = database.handle.db as unknown as Kysely<any>;
    await migrateTo(db, '2026-12-01T02-00-rate-limits');
    const userId = newId();
    await insertOldUser(
      db,
      {
        id: userId,
        email: 'earlier@example.org',
        display_name: 'Eli Earlier',
        password_hash: await hashPassword(PASSWORD),
      },
      '2026-11-20T10:00:00.000Z',
    );
    const report = await migrateToLatest(db);
    expect(report.applied).toContain(MIGRATION);

    const ctx = await openContext(testConfig(database), {
      migrate: false,
      database: database.handle,
    });
    const app = await build(ctx, { serveWeb: false });
    try {
      const anon = new Client(app);
      expect(
        (await anon.post('/api/auth/forgot-password', { email: 'earlier@example.org' })).status,
      ).toBe(202);
      const links = await database.handle.db.selectFrom('account_links').selectAll().execute();
      expect(links).toEqual([
        expect.objectContaining({ user_id: userId, kind: 'password-reset', used_at: null }),
      ]);
      // A link nobody was given does not work; the account still signs in as before.
      const wrong = await anon.post('/api/auth/reset-password/not-a-link-anyone-got', {
        password: 'a fresh and calm passphrase',
      });
      expect(wrong.body.code).toBe('reset_link_invalid');
      expect(
        (await anon.post('/api/auth/sign-in', { email: 'earlier@example.org', password: PASSWORD }))
          .status,
      ).toBe(200);
    } finally {
      await app.close();
    }
  });
});
