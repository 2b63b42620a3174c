// Frozen: never edit a migration that has shipped; add a new dated one instead.
// Rate limits and throttles shared by every process on one database (several `callin start`
// behind a load balancer). A bucket is a hash of the limit's name and the address or account,
// never the address itself.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rate_limits')
    .addColumn('bucket', 'text', (c) => c.primaryKey())
    .addColumn('window_start', 'bigint', (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('rate_limits_window_start')
    .on('rate_limits')
    .column('window_start')
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
