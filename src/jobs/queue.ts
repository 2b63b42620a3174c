// The job queue interface, and its default: the `jobs` table. Any worker (the in-process
// runner of `callin start`, or `callin worker`) claims due jobs under a lease; PostgreSQL lets
// several workers share the table safely (FOR UPDATE SKIP LOCKED), SQLite has one writer.
import type { DatabaseHandle } from '../db/client.ts';
import { jobQueueRepository } from '../db/repositories/job-queue.repository.ts';
import { jobsRepository } from '../db/repositories/jobs.repository.ts';
import type { JobRow as Job } from '../db/schema.ts';
import { scheduleJob, type ScheduleJob } from '../domain/notifications/jobs.ts';

export interface JobQueue {
  /** Adds a job; returns its id, or null when a job with the same dedupe key exists. */
  enqueue(job: ScheduleJob, at: string): Promise<string | null>;
  /** Leases due jobs to this worker; each returned job has its attempt counted. */
  claim(workerId: string, now: Date, leaseMs: number, limit: number): Promise<Job[]>;
  stillHeld(job: Job, workerId: string, now: Date): Promise<boolean>;
  extendLease(job: Job, workerId: string, until: Date): Promise<boolean>;
  complete(job: Job, workerId: string, now: Date): Promise<boolean>;
  retry(job: Job, workerId: string, runAt: Date, error: string, now: Date): Promise<boolean>;
  fail(job: Job, workerId: string, error: string, now: Date): Promise<boolean>;
  find(id: string): Promise<Job | undefined>;
}

export function createDatabaseQueue(database: Pick<DatabaseHandle, 'db' | 'dialect'>): JobQueue {
  const q = jobQueueRepository(database.db, database.dialect);
  const jobs = jobsRepository(database.db);
  return {
    enqueue: (job, at) => scheduleJob(jobs, job, at),
    claim: (workerId, now, leaseMs, limit) =>
      q.claimDue(
        workerId,
        now.toISOString(),
        new Date(now.getTime() + leaseMs).toISOString(),
        limit,
      ),
    stillHeld: (job, workerId, now) => q.holdsLease(job.id, workerId, now.toISOString()),
    extendLease: (job, workerId, until) => q.extendLease(job.id, workerId, until.toISOString()),
    complete: (job, workerId, now) => q.complete(job.id, workerId, now.toISOString()),
    retry: (job, workerId, runAt, error, now) =>
      q.retry(job.id, workerId, runAt.toISOString(), error, now.toISOString()),
    fail: (job, workerId, error, now) => q.fail(job.id, workerId, error, now.toISOString()),
    find: (id) => q.find(id),
  };
}
