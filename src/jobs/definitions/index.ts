// Job definitions that belong to the product itself, other than the notification dispatcher and
// its per-channel delivery jobs (notify.job.ts, assembled in service.ts with the channels the
// integrations bring). Periodic jobs are listed here too.
import type { JobDefinition } from '../definition.ts';
import type { PeriodicJob } from '../runner.ts';
import type { JobServices } from '../services.ts';
import { dailyRetentionPurge, retentionPurgeJob } from './retention-purge.job.ts';

export function coreJobs(services: JobServices): {
  definitions: JobDefinition[];
  periodic: PeriodicJob[];
} {
  return { definitions: [retentionPurgeJob(services)], periodic: [dailyRetentionPurge] };
}
