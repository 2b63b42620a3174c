// Frozen: never edit a migration that has shipped; add a new dated one instead.
// Joining with an invitation by making an account waits for the address to be confirmed: the
// new account's details wait here, sealed, under the hash of the emailed link's secret, until
// that link is opened (single use, short-lived).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('invitation_signups')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('invitation_id', 'text', (c) => c.notNull().references('invitations.id'))
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema
    .createIndex('invitation_signups_expiry')
    .on('invitation_signups')
    .column('expires_at')
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
