// Scheduling work for later, inside the same transaction as the change that needs it (so a
// rolled-back change schedules nothing). src/jobs runs what is scheduled here.
import type { JobsRepository } from '../../db/repositories/jobs.repository.ts';
import { newId } from '../common/tokens.ts';

export interface ScheduleJob {
  name: string;
  /** Ids and flags only; never case content or personal data in clear. */
  payload: Record<string, unknown>;
  runAt: string;
  /** At most one job per key is ever created (for example `follow-up:<callInId>`). */
  dedupeKey?: string | null;
  maxAttempts?: number;
  version?: number;
}

export async function scheduleJob(
  jobs: JobsRepository,
  job: ScheduleJob,
  at: string,
): Promise<string | null> {
  const id = newId();
  const inserted = await jobs.insert({
    id,
    name: job.name,
    version: job.version ?? 1,
    payload: job.payload,
    status: 'pending',
    runAt: job.runAt,
    attempts: 0,
    maxAttempts: job.maxAttempts ?? 8,
    dedupeKey: job.dedupeKey ?? null,
    createdAt: at,
    updatedAt: at,
  });
  return inserted ? id : null;
}
