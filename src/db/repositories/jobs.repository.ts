import type { Kysely } from 'kysely';
import type { NewJob } from '../records.ts';
import type { Database, JobRow } from '../schema.ts';

export function jobsRepository(db: Kysely<Database>) {
  return {
    /** Inserts a job; with a dedupe key, a second job with the same key is ignored. */
    async insert(job: NewJob): Promise<boolean> {
      const r = await db
        .insertInto('jobs')
        .values({
          id: job.id,
          name: job.name,
          version: job.version,
          payload: JSON.stringify(job.payload),
          status: job.status,
          run_at: job.runAt,
          attempts: job.attempts,
          max_attempts: job.maxAttempts,
          locked_by: null,
          locked_until: null,
          last_error: null,
          dedupe_key: job.dedupeKey,
          created_at: job.createdAt,
          updated_at: job.updatedAt,
        })
        .onConflict((oc) => oc.column('dedupe_key').doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    /** The row as the queue reads it (src/jobs checks the payload against its definition). */
    find(id: string): Promise<JobRow | undefined> {
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
