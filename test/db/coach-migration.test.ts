// The invitation signups migration (2026-12-01T16-30, coach) on a database that already holds a
// community, an account and an invitation made before it: afterwards, accepting that
// invitation signed out waits for the address, and the emailed link makes the account and
// joins; the older account is untouched.
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openContext } from '../../src/app.ts';
import { migrateTo, migrateToLatest } from '../../src/db/migrate.ts';
import { ACCOUNT_EMAIL_CONTEXT } from '../../src/contract/notifications.ts';
import { hashSecret, newId, newSecret } from '../../src/domain/common/tokens.ts';
import {
  confirmInvitationSignup,
  requestInvitationSignup,
} from '../../src/domain/accounts/invitation-signup.ts';
import { testConfig } from '../helpers/app.ts';
import { insertOldCommunity, insertOldUser } from '../helpers/old-rows.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../helpers/db.ts';
import { PASSWORD } from '../helpers/factories.ts';

const MIGRATION = '2026-12-01T16-30-coach';

describe.each(testDialects())('invitation signups across the migration on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect, { migrate: false });
  });
  afterAll(async () => database.drop());

  it('an invitation from before it is accepted through the emailed link', async () => {
    const db = database.handle.db as unknown as Kysely<any>;
    await migrateTo(db, '2026-12-01T15-00-notices');
    const at = '2026-11-30T10:00:00.000Z';
    const userId = newId();
    const communityId = newId();
    const invitationId = newId();
    const token = newSecret();
    await insertOldUser(
      db,
      { id: userId, email: 'earlier@example.org', display_name: 'Eli Earlier' },
      at,
    );
    await insertOldCommunity(db, { id: communityId }, at);
    await db
      .insertInto('invitations')
      .values({
        id: invitationId,
        community_id: communityId,
        token_hash: hashSecret(token),
        role: 'member',
        created_by: null,
        created_at: at,
        expires_at: '2099-01-01T00:00:00.000Z',
        max_uses: 1,
        uses: 0,
        revoked_at: null,
      })
      .execute();
    const report = await migrateToLatest(db);
    expect(report.applied).toContain(MIGRATION);

    const ctx = await openContext(testConfig(database), {
      migrate: false,
      database: database.handle,
    });
    const tx = ctx.store.transaction.bind(ctx.store);
    const deps = { clock: ctx.clock, cipher: ctx.cipher, publicUrl: ctx.config.publicUrl };
    await requestInvitationSignup(tx, deps, token, {
      email: 'new@example.org',
      password: PASSWORD,
      displayName: 'Nia New',
    });
    expect(await ctx.store.repos.users.findByEmail('new@example.org')).toBeUndefined();
    const job = await db
      .selectFrom('jobs')
      .select('payload')
      .where('name', '=', 'account.email')
      .executeTakeFirstOrThrow();
    const sealed = ctx.cipher.decrypt<{ link: string }>(
      (JSON.parse(job.payload as string) as { sealed: string }).sealed,
      ACCOUNT_EMAIL_CONTEXT,
    );
    const joined = await confirmInvitationSignup(
      tx,
      { ...deps, sessionOptions: { ttlHours: 1 } },
      sealed.link.split('/').at(-1)!,
    );
    expect(joined).toMatchObject({ communityId, role: 'member' });
    expect(await ctx.store.repos.memberships.find(communityId, joined.userId)).toBeDefined();
    expect((await ctx.store.repos.users.findById(userId))!.email).toBe('earlier@example.org');
  });
});
