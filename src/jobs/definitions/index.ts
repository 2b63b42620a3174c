// Job definitions that belong to the product itself (integrations add their own, such as
// `notify.email`, through their register()). Periodic jobs are listed here too.
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
