// `retention.purge`: purges closed cases past their community's retention period. Enqueued once
// a day by the runner's scheduler (dedupe key per day), and safe to run again.
import { Type } from '@sinclair/typebox';
import type { JobName } from '../../contract/vocabulary.ts';
import { dailyPurgeKey, purgeExpiredCases } from '../../domain/privacy/retention.ts';
import { defineJob } from '../definition.ts';
import type { PeriodicJob } from '../runner.ts';
import type { JobServices } from '../services.ts';

export const RETENTION_PURGE = 'retention.purge' satisfies JobName;

export function retentionPurgeJob(services: Pick<JobServices, 'store' | 'clock'>) {
  return defineJob({
    name: RETENTION_PURGE,
    version: 1,
    payload: Type.Object({}),
    maxAttempts: 5,
    async handle(_payload, run) {
      const report = await purgeExpiredCases(
        services.store.transaction.bind(services.store),
        services.clock,
      );
      run.logger.info({ jobId: run.job.id, ...report }, 'retention purge finished');
    },
  });
}

export const dailyRetentionPurge: PeriodicJob = {
  name: RETENTION_PURGE,
  // Checked hourly; the dedupe key makes it once per day.
  everyMs: 3_600_000,
  job: (now) => ({
    name: RETENTION_PURGE,
    payload: {},
    runAt: now.toISOString(),
    dedupeKey: dailyPurgeKey(now),
    maxAttempts: 5,
  }),
};
