// The restart story with the real process: a follow-up reminder is scheduled, `callin start`
// is started and killed before the reminder is due, started again, and the reminder arrives
// exactly once. Time is moved with TEST_CLOCK_OFFSET_MS instead of waited for: the reminder is
// due in an hour, and the restarted process starts with its clock an hour and a minute ahead.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openContext } from '../../src/app.ts';
import { createCommunity } from '../../src/domain/accounts/communities.ts';
import { scheduleJob } from '../../src/domain/notifications/jobs.ts';
import type { AppContext } from '../../src/http/context.ts';
import { channelJobName } from '../../src/contract/vocabulary.ts';
import { sealNotification } from '../../src/domain/notifications/notifications.ts';
import { TEST_KEY, testConfig } from '../helpers/app.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../helpers/db.ts';
import { startSmtpCapture, type SmtpCapture } from '../integrations/smtp-capture.ts';

/** The email channel's delivery job (also what every notification was before 2026-12-01). */
const NOTIFY_EMAIL = channelJobName('email');

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/callin.js');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const HOUR = 3_600_000;
/**
 * The idle poll interval (JOB_POLL_MS) of the server that must leave jobs alone: were it to run
 * them, it would claim a due one within this. Runners claim due jobs on their first pass at
 * start, so the others keep the default and spend no work on polling.
 */
const POLL_MS = 50;
/** A bound, not a wait: a machine shared with other work can take long to start a process. */
const READY_WITHIN_MS = 120_000;

function startServer(
  env: Record<string, string>,
  command = 'start',
  ready = 'is ready',
): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, [bin, command], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`callin ${command} did not get ready:\n${out}`)),
      READY_WITHIN_MS,
    );
    const check = () => {
      if (out.includes(ready)) {
        clearTimeout(timer);
        resolve({ child, output: () => out });
      }
    };
    child.stdout.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`callin ${command} exited early (${code}):\n${out}`));
    });
  });
}

/** Whether a process's JSON log says it finished job `jobId`. */
function doneBy(output: string, jobId: string): boolean {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .some((line) => {
      const entry = JSON.parse(line) as { msg?: string; jobId?: string };
      return entry.msg === 'job done' && entry.jobId === jobId;
    });
}

async function waitUntil(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('The condition did not come true in time.');
    await sleep(20);
  }
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

// The dialects run side by side (each has its own database and mail capture); the steps of
// one dialect run in order.
const eachDialect = describe.concurrent.each(testDialects());
const step = it.sequential;

eachDialect('a reminder survives a restart on %s', (dialect) => {
  let database: TestDatabase;
  let smtp: SmtpCapture;
  let ctx: AppContext;
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    smtp = await startSmtpCapture();
    database = await createTestDatabase(dialect);
    ctx = await openContext(testConfig(database, { SMTP_URL: smtp.url }), {
      migrate: false,
      database: database.handle,
    });
  });
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await database.drop();
    await smtp.close();
  });

  step('is sent exactly once by the restarted process', { timeout: 300_000 }, async () => {
    const community = await createCommunity(
      ctx.store.transaction.bind(ctx.store),
      ctx.clock,
      { kind: 'cli' },
      { slug: `restart-${dialect}`, name: 'Restart Club' },
    );
    const callInId = '6f0c1a52-3d4e-4b8a-9c1d-000000000001';
    // Far enough ahead that no start, however slow, reaches it on the real clock.
    const runAt = Date.now() + HOUR;
    const job = {
      name: NOTIFY_EMAIL,
      payload: {
        template: 'follow-up-reminder',
        communityId: community.id,
        sealed: sealNotification(ctx.cipher, {
          to: { email: 'caller@example.org', name: 'Cam Caller' },
          link: `/call-ins/${callInId}`,
        }),
      },
      runAt: new Date(runAt).toISOString(),
      dedupeKey: `followup:${callInId}`,
    };
    const at = new Date().toISOString();
    expect(await scheduleJob(ctx.store.repos.jobs, job, at)).not.toBeNull();
    // Scheduling the same follow-up again does nothing.
    expect(await scheduleJob(ctx.store.repos.jobs, job, at)).toBeNull();

    const env = {
      ...database.env,
      CALLIN_ENCRYPTION_KEYS: TEST_KEY,
      SMTP_URL: smtp.url,
      PORT: '0',
      HOST: '127.0.0.1',
      PUBLIC_URL: 'http://callin.test',
      LOG_LEVEL: 'warn',
    };
    const first = await startServer(env);
    children.push(first.child);
    first.child.kill('SIGKILL');
    await exited(first.child);
    expect(Date.now()).toBeLessThan(runAt);
    expect(smtp.messages).toHaveLength(0);

    // The restarted process lives an hour and a minute later: the reminder is due at once.
    const second = await startServer({ ...env, TEST_CLOCK_OFFSET_MS: String(HOUR + 60_000) });
    children.push(second.child);
    expect(second.output()).toContain('TEST_CLOCK_OFFSET_MS is set');
    await smtp.waitFor(1, 60_000);
    // Stop it (SIGTERM waits for jobs in hand): once it has exited, nothing else can send, so
    // the count below is final rather than "none arrived yet".
    second.child.kill('SIGTERM');
    expect(await exited(second.child)).toBe(0);
    expect(smtp.messages).toHaveLength(1);
    const [m] = smtp.messages;
    expect(m!.subject).toBe('A gentle reminder from Restart Club');
    expect(m!.decoded).toContain(`http://callin.test/call-ins/${callInId}`);
    expect(m!.to).toEqual(['caller@example.org']);
    const row = await database.handle.db
      .selectFrom('jobs')
      .selectAll()
      .where('dedupe_key', '=', `followup:${callInId}`)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'done', attempts: 1 });
  });

  step(
    'is sent by `callin worker` when the server runs with RUN_JOBS=false',
    { timeout: 300_000 },
    async () => {
      smtp.messages.length = 0;
      const community = await createCommunity(
        ctx.store.transaction.bind(ctx.store),
        ctx.clock,
        { kind: 'cli' },
        { slug: `worker-${dialect}`, name: 'Worker Club' },
      );
      const env = {
        ...database.env,
        CALLIN_ENCRYPTION_KEYS: TEST_KEY,
        SMTP_URL: smtp.url,
        PORT: '0',
        HOST: '127.0.0.1',
        PUBLIC_URL: 'http://callin.test',
        LOG_LEVEL: 'warn',
      };
      const server = await startServer({
        ...env,
        RUN_JOBS: 'false',
        JOB_POLL_MS: String(POLL_MS),
      });
      children.push(server.child);
      const at = new Date().toISOString();
      const jobId = await scheduleJob(
        ctx.store.repos.jobs,
        {
          name: NOTIFY_EMAIL,
          payload: {
            template: 'check-in',
            communityId: community.id,
            sealed: sealNotification(ctx.cipher, {
              to: { email: 'member@example.org' },
              link: '/check-in/1',
            }),
          },
          runAt: at,
        },
        at,
      );
      expect(jobId).not.toBeNull();
      // A server that ran jobs would claim this one on its next poll (every POLL_MS); give it
      // ten of them.
      await sleep(10 * POLL_MS);
      expect(smtp.messages).toHaveLength(0); // the server leaves jobs alone
      const untouched = await database.handle.db
        .selectFrom('jobs')
        .select(['status', 'attempts'])
        .where('id', '=', jobId!)
        .executeTakeFirstOrThrow();
      expect(untouched).toEqual({ status: 'pending', attempts: 0 });
      const worker = await startServer({ ...env, LOG_LEVEL: 'info' }, 'worker', 'is running jobs');
      children.push(worker.child);
      await smtp.waitFor(1, 60_000);
      expect(smtp.messages.map((m) => m.subject)).toEqual(['Checking in from Worker Club']);
      // ...and it was the worker that sent it, not the server in the meantime.
      await waitUntil(() => doneBy(worker.output(), jobId!));
      worker.child.kill('SIGTERM');
      server.child.kill('SIGTERM');
      expect(await exited(worker.child)).toBe(0);
      expect(await exited(server.child)).toBe(0);
    },
  );
});
