// Frozen: never edit a migration that has shipped; add a new dated one instead.
// Statuses that stay true and lists that say who and what (issue 10):
// - call_ins.outcomes: several outcomes per call-in (a JSON list), filled from the one outcome;
// - retention_cases: each purged case once per month raised, now that a case with two outcomes
//   is in two outcome totals; filled from the totals kept so far (one outcome each until now);
// - enforcement_appeals.changed_level / changed_expires_at: an appeal decided "changed" keeps the
//   new terms it set;
// - concerns.subject_line: a one-line subject (encrypted, bound to the concern), or null.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('call_ins')
    .addColumn('outcomes', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db
    .updateTable('call_ins')
    .set({ outcomes: sql`'["' || outcome || '"]'` })
    .where('outcome', 'is not', null)
    .execute();

  await db.schema
    .createTable('retention_cases')
    .addColumn('community_id', 'text', (c) =>
      c.notNull().references('communities.id').onDelete('cascade'),
    )
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('retention_cases_pk', ['community_id', 'month'])
    .execute();
  await db
    .insertInto('retention_cases')
    .columns(['community_id', 'month', 'count'])
    .expression(
      db
        .selectFrom('retention_totals')
        .select(['community_id', 'month', sql<number>`sum(count)`.as('count')])
        .groupBy(['community_id', 'month']),
    )
    .execute();

  await db.schema.alterTable('enforcement_appeals').addColumn('changed_level', 'text').execute();
  await db.schema
    .alterTable('enforcement_appeals')
    .addColumn('changed_expires_at', 'text')
    .execute();

  await db.schema.alterTable('concerns').addColumn('subject_line', 'text').execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
