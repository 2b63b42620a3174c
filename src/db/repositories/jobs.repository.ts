import type { Kysely } from 'kysely';
import type { Database, Job, JobsTable } from '../schema.ts';

export function jobsRepository(db: Kysely<Database>) {
  return {
    /** Inserts a job; with a dedupe key, a second job with the same key is ignored. */
    async insert(row: JobsTable): Promise<boolean> {
      const r = await db
        .insertInto('jobs')
        .values(row)
        .onConflict((oc) => oc.column('dedupe_key').doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    find(id: string): Promise<Job | undefined> {
      return db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
    },
    /** Cancels pending jobs whose dedupe key starts with a prefix (for example a case's id). */
    async cancelPendingByKeyPrefix(prefix: string, at: string): Promise<number> {
      const r = await db
        .updateTable('jobs')
        .set({ status: 'cancelled', updated_at: at })
        .where('status', '=', 'pending')
        .where('dedupe_key', 'like', `${prefix.replace(/[%_]/g, '')}%`)
        .executeTakeFirst();
      return Number(r.numUpdatedRows);
    },
  };
}
export type JobsRepository = ReturnType<typeof jobsRepository>;
