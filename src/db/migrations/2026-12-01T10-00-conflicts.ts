// Frozen: never edit a migration that has shipped; add a new dated one instead.
// Rule 9, conflicts of interest: who may not handle a case beside the person it is about. An
// organizer declares a conflict ('declared'), or the reporter names staff who should not see it
// ('excluded-by-reporter'). Metadata only: ids, a kind and a time.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('case_conflicts')
    .addColumn('concern_id', 'text', (c) => c.notNull())
    .addColumn('community_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_conflicts_pk', ['concern_id', 'user_id', 'kind'])
    .execute();
  await db.schema
    .createIndex('case_conflicts_community_user')
    .on('case_conflicts')
    .columns(['community_id', 'user_id'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
