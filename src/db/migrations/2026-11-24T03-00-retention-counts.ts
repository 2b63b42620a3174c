// Frozen: never edit a migration that has shipped; add a new dated one instead.
// Anonymous counts that outlive purged cases: per community, per month, per category and outcome.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('retention_counts')
    .addColumn('community_id', 'text', (c) =>
      c.notNull().references('communities.id').onDelete('cascade'),
    )
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('retention_counts_pk', [
      'community_id',
      'month',
      'category',
      'outcome',
    ])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
