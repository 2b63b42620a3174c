// Frozen: never edit a migration that has shipped; add a new dated one instead.
// One anonymous count per purged case (per month raised and outcome), beside the per-kind
// counts: a case naming two kinds of behaviour is two per-kind counts but one case.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('retention_totals')
    .addColumn('community_id', 'text', (c) =>
      c.notNull().references('communities.id').onDelete('cascade'),
    )
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('retention_totals_pk', ['community_id', 'month', 'outcome'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
