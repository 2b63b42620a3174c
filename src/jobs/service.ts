// Puts the queue together for `callin start` (in-process) and `callin worker` (alone): the
// database queue, the product's job definitions, the notification dispatcher with one delivery
// job per channel, the jobs the integrations brought (handed in by the composition root,
// src/app.ts), and the periodic jobs.
import { Value } from '@sinclair/typebox/value';
import type { ScheduleJob } from '../domain/notifications/jobs.ts';
import { appChannel } from '../domain/notifications/notices.ts';
import type { NotificationChannel } from '../domain/notifications/notifications.ts';
import { coreJobs } from './definitions/index.ts';
import { channelDeliveryJob, notifyJob } from './definitions/notify.job.ts';
import { silentLogger, type JobDefinition, type JobLogger } from './definition.ts';
import { createDatabaseQueue, type JobQueue } from './queue.ts';
import { createJobRunner, type JobRunner, type RunnerOptions } from './runner.ts';
import type { JobServices } from './services.ts';

export interface JobService {
  queue: JobQueue;
  /** Adds a job after checking its name, version and payload against the registered definition. */
  enqueue(job: ScheduleJob, at: string): Promise<string | null>;
  runner: JobRunner;
  definitions: JobDefinition[];
  /** Stops the runner and waits for the jobs in hand. */
  close(): Promise<void>;
}

/** What the integrations brought that runs in the queue. */
export interface JobIntegrations {
  jobs: readonly JobDefinition[];
  channels: readonly NotificationChannel[];
}

export async function createJobService(
  services: JobServices,
  options: { logger?: JobLogger; integrations?: JobIntegrations } & Partial<
    Pick<RunnerOptions, 'pollMs' | 'leaseMs' | 'batchSize' | 'workerId'>
  > = {},
): Promise<JobService> {
  const logger = options.logger ?? silentLogger;
  const core = coreJobs(services);
  // Notices in the app reach everyone with an account; the integrations add the other channels.
  const channels: NotificationChannel[] = [
    appChannel({
      repos: services.store.repos,
      cipher: services.cipher,
      clock: services.clock,
      publicUrl: services.config.publicUrl,
    }),
    ...(options.integrations?.channels ?? []),
  ];
  const definitions: JobDefinition[] = [
    ...core.definitions,
    notifyJob({ store: services.store, clock: services.clock, channels }),
    ...channels.map((c) =>
      channelDeliveryJob(c, {
        repos: services.store.repos,
        cipher: services.cipher,
        publicUrl: services.config.publicUrl,
      }),
    ),
    ...(options.integrations?.jobs ?? []),
  ];
  const names = definitions.map((d) => d.name);
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate) throw new Error(`Two job definitions are named "${duplicate}".`);
  const queue = createDatabaseQueue(services.database);
  const runner = createJobRunner({
    queue,
    definitions,
    periodic: core.periodic,
    clock: services.clock,
    logger,
    ...(options.pollMs !== undefined ? { pollMs: options.pollMs } : {}),
    ...(options.leaseMs !== undefined ? { leaseMs: options.leaseMs } : {}),
    ...(options.batchSize !== undefined ? { batchSize: options.batchSize } : {}),
    ...(options.workerId !== undefined ? { workerId: options.workerId } : {}),
  });
  return {
    queue,
    async enqueue(job, at) {
      const definition = definitions.find((d) => d.name === job.name);
      if (!definition) throw new Error(`No job definition is registered for "${job.name}".`);
      if ((job.version ?? 1) !== definition.version)
        throw new Error(`"${job.name}" reads version ${definition.version}.`);
      if (!Value.Check(definition.payload, job.payload))
        throw new Error(`The payload of "${job.name}" does not match its schema.`);
      return queue.enqueue({ maxAttempts: definition.maxAttempts, ...job }, at);
    },
    runner,
    definitions,
    async close() {
      await runner.stop();
    },
  };
}
