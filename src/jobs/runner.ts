// Runs due jobs: claims them under a lease, validates the payload against its definition,
// calls the handler, and then marks the job done, schedules a retry (backoff.ts) or gives up.
// Also enqueues periodic work (the daily retention purge) with a dedupe key per period, so
// several workers never enqueue it twice.
import crypto from 'node:crypto';
import os from 'node:os';
import { Value } from '@sinclair/typebox/value';
import type { JobRow as Job } from '../db/schema.ts';
import type { Clock } from '../domain/common/clock.ts';
import type { ScheduleJob } from '../domain/notifications/jobs.ts';
import { backoffDelayMs, defaultBackoff, type BackoffPolicy } from './backoff.ts';
import {
  PermanentJobError,
  silentLogger,
  type JobDefinition,
  type JobLogger,
} from './definition.ts';
import type { JobQueue } from './queue.ts';

export interface PeriodicJob {
  /** A name for logs. */
  name: string;
  everyMs: number;
  /** The job to enqueue now; give it a dedupe key per period (for example per day). */
  job(now: Date): ScheduleJob;
}

export interface RunnerOptions {
  queue: JobQueue;
  definitions: JobDefinition[];
  clock: Clock;
  logger?: JobLogger;
  workerId?: string;
  pollMs?: number;
  /** How many jobs one pass claims and runs side by side. */
  batchSize?: number;
  /** How long a claim lasts before another worker may take the job (a crashed worker). */
  leaseMs?: number;
  backoff?: BackoffPolicy;
  periodic?: PeriodicJob[];
  random?: () => number;
}

export interface JobRunner {
  readonly workerId: string;
  start(): void;
  /** Stops polling and waits for the jobs in hand to finish. */
  stop(): Promise<void>;
  /** One pass: enqueue due periodic jobs, claim and run due jobs. Returns how many ran. */
  runDue(): Promise<number>;
}

export function createJobRunner(options: RunnerOptions): JobRunner {
  const {
    queue,
    clock,
    logger = silentLogger,
    pollMs = 1000,
    batchSize = 10,
    leaseMs = 5 * 60_000,
    backoff = defaultBackoff,
    periodic = [],
    random = Math.random,
  } = options;
  const workerId =
    options.workerId ?? `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString('hex')}`;
  const byName = new Map(options.definitions.map((d) => [d.name, d]));
  const lastPeriodic = new Map<string, number>();
  let timer: NodeJS.Timeout | null = null;
  let stopping = false;
  let current: Promise<number> | null = null;

  async function enqueuePeriodic(): Promise<void> {
    const now = clock.now();
    for (const p of periodic) {
      const last = lastPeriodic.get(p.name);
      if (last !== undefined && now.getTime() - last < p.everyMs) continue;
      lastPeriodic.set(p.name, now.getTime());
      const id = await queue.enqueue(p.job(now), now.toISOString());
      if (id) logger.info({ job: p.name, jobId: id }, 'periodic job enqueued');
    }
  }

  async function settleFailure(job: Job, error: unknown, permanent: boolean): Promise<void> {
    const now = clock.now();
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const text = message.slice(0, 500);
    if (permanent || job.attempts >= job.max_attempts) {
      await queue.fail(job, workerId, text, now);
      logger.error(
        { jobId: job.id, job: job.name, attempts: job.attempts, err: text },
        'job failed for good',
      );
      return;
    }
    const delay = backoffDelayMs(job.attempts, backoff, random);
    await queue.retry(job, workerId, new Date(now.getTime() + delay), text, now);
    logger.warn(
      { jobId: job.id, job: job.name, attempts: job.attempts, retryInMs: delay, err: text },
      'job will be retried',
    );
  }

  async function runOne(job: Job): Promise<void> {
    const definition = byName.get(job.name);
    if (!definition)
      return settleFailure(
        job,
        new Error(`No job definition is registered for "${job.name}".`),
        true,
      );
    if (job.version !== definition.version) {
      return settleFailure(
        job,
        new Error(
          `"${job.name}" version ${job.version} has no handler (this one reads ${definition.version}).`,
        ),
        true,
      );
    }
    if (job.attempts > job.max_attempts) {
      // A worker died while running its last attempt: do not start another.
      return settleFailure(
        job,
        new Error(job.last_error ?? 'The last attempt did not finish.'),
        true,
      );
    }
    let payload: unknown;
    try {
      payload = JSON.parse(job.payload);
    } catch {
      return settleFailure(job, new Error('The payload is not valid JSON.'), true);
    }
    if (!Value.Check(definition.payload, payload)) {
      const first = [...Value.Errors(definition.payload, payload)][0];
      return settleFailure(
        job,
        new Error(
          `The payload does not match its schema${first ? ` at ${first.path || '/'}: ${first.message}` : ''}.`,
        ),
        true,
      );
    }
    // Keep the lease alive while a slow handler runs.
    const heartbeat = setInterval(
      () => {
        void queue
          .extendLease(job, workerId, new Date(clock.now().getTime() + leaseMs))
          .catch(() => undefined);
      },
      Math.max(1000, Math.floor(leaseMs / 3)),
    );
    heartbeat.unref();
    try {
      await definition.handle(payload, {
        job,
        logger,
        stillWanted: () => queue.stillHeld(job, workerId, clock.now()),
      });
      const done = await queue.complete(job, workerId, clock.now());
      if (done) logger.info({ jobId: job.id, job: job.name, attempts: job.attempts }, 'job done');
      else
        logger.info({ jobId: job.id, job: job.name }, 'job was cancelled or taken over meanwhile');
    } catch (e) {
      await settleFailure(job, e, e instanceof PermanentJobError);
    } finally {
      clearInterval(heartbeat);
    }
  }

  async function pass(): Promise<number> {
    await enqueuePeriodic();
    const jobs = await queue.claim(workerId, clock.now(), leaseMs, batchSize);
    await Promise.all(
      jobs.map((j) =>
        runOne(j).catch((e: unknown) =>
          logger.error({ jobId: j.id, err: (e as Error).message }, 'could not record a job result'),
        ),
      ),
    );
    return jobs.length;
  }

  function schedule(delay: number): void {
    if (stopping) return;
    timer = setTimeout(() => {
      current = pass()
        .catch((e: unknown) => {
          logger.error({ err: (e as Error).message }, 'job runner pass failed');
          return 0;
        })
        .finally(() => {
          current = null;
        });
      void current.then((n) => schedule(n >= batchSize ? 0 : pollMs));
    }, delay);
  }

  return {
    workerId,
    start() {
      stopping = false;
      logger.info({ workerId }, 'job runner started');
      schedule(0);
    },
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      timer = null;
      if (current) await current;
      logger.info({ workerId }, 'job runner stopped');
    },
    runDue: pass,
  };
}
