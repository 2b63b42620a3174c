// Queries for running jobs: claim due work under a lease, finish it, retry it or give up.
// A claimed job keeps status `pending` while its lease (`locked_by`, `locked_until`) runs, so
// cancelling by dedupe prefix still reaches it until the handler's last check; a lease that
// runs out (the worker died) makes the job claimable again.
import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../client.ts';
import type { Database, JobRow as Job } from '../schema.ts';

export function jobQueueRepository(db: Kysely<Database>, dialect: DialectName) {
  return {
    /**
     * Leases up to `limit` due jobs to `workerId` in one atomic statement and returns them with
     * their attempt counted. PostgreSQL skips rows another worker is claiming (FOR UPDATE SKIP
     * LOCKED); SQLite runs one writer at a time, so the conditional UPDATE is enough.
     */
    async claimDue(
      workerId: string,
      now: string,
      leaseUntil: string,
      limit: number,
    ): Promise<Job[]> {
      let due = db
        .selectFrom('jobs')
        .select('id')
        .where('status', '=', 'pending')
        .where('run_at', '<=', now)
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
        .orderBy('run_at')
        .orderBy('id')
        .limit(limit);
      if (dialect === 'postgres') due = due.forUpdate().skipLocked();
      return (
        db
          .updateTable('jobs')
          .set({
            locked_by: workerId,
            locked_until: leaseUntil,
            attempts: sql<number>`attempts + 1`,
            updated_at: now,
          })
          .where('id', 'in', due)
          // Re-checked here so a row claimed between the subquery and the update is left alone.
          .where('status', '=', 'pending')
          .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
          .returningAll()
          .execute()
      );
    },
    find(id: string): Promise<Job | undefined> {
      return db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
    },
    /** Is this job still ours to act on (not cancelled, lease not taken over)? */
    async holdsLease(id: string, workerId: string, now: string): Promise<boolean> {
      const row = await db
        .selectFrom('jobs')
        .select(['status', 'locked_by', 'locked_until'])
        .where('id', '=', id)
        .executeTakeFirst();
      return (
        !!row &&
        row.status === 'pending' &&
        row.locked_by === workerId &&
        (row.locked_until ?? '') >= now
      );
    },
    async extendLease(id: string, workerId: string, leaseUntil: string): Promise<boolean> {
      const r = await db
        .updateTable('jobs')
        .set({ locked_until: leaseUntil })
        .where('id', '=', id)
        .where('locked_by', '=', workerId)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async complete(id: string, workerId: string, at: string): Promise<boolean> {
      const r = await db
        .updateTable('jobs')
        .set({
          status: 'done',
          locked_by: null,
          locked_until: null,
          last_error: null,
          updated_at: at,
        })
        .where('id', '=', id)
        .where('locked_by', '=', workerId)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    /** Puts the job back for a later attempt. */
    async retry(
      id: string,
      workerId: string,
      runAt: string,
      error: string,
      at: string,
    ): Promise<boolean> {
      const r = await db
        .updateTable('jobs')
        .set({
          run_at: runAt,
          locked_by: null,
          locked_until: null,
          last_error: error,
          updated_at: at,
        })
        .where('id', '=', id)
        .where('locked_by', '=', workerId)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async fail(id: string, workerId: string, error: string, at: string): Promise<boolean> {
      const r = await db
        .updateTable('jobs')
        .set({
          status: 'failed',
          locked_by: null,
          locked_until: null,
          last_error: error,
          updated_at: at,
        })
        .where('id', '=', id)
        .where('locked_by', '=', workerId)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async countByStatus(): Promise<Record<string, number>> {
      const rows = await db
        .selectFrom('jobs')
        .select(['status', (eb) => eb.fn.countAll<number | string>().as('n')])
        .groupBy('status')
        .execute();
      return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
    },
  };
}
export type JobQueueRepository = ReturnType<typeof jobQueueRepository>;
