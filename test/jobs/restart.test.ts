// The restart story with the real process: a follow-up reminder is scheduled, `callin start`
// is started and killed before the reminder is due, started again, and the reminder arrives
// exactly once.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openContext } from '../../src/app.ts';
import { createCommunity } from '../../src/domain/communities.ts';
import { scheduleJob } from '../../src/domain/jobs.ts';
import type { AppContext } from '../../src/http/context.ts';
import { channelJobName } from '../../src/contract/vocabulary.ts';
import { sealNotification } from '../../src/domain/notifications.ts';
import { TEST_KEY, testConfig } from '../helpers/app.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../helpers/db.ts';
import { startSmtpCapture, type SmtpCapture } from '../integrations/smtp-capture.ts';

/** The email channel's delivery job (also what every notification was before 2026-12-01). */
const NOTIFY_EMAIL = channelJobName('email');

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/callin.js');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

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
      30_000,
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

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe.each(testDialects())('a reminder survives a restart on %s', (dialect) => {
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

  it('is sent exactly once by the restarted process', { timeout: 180_000 }, async () => {
    const community = await createCommunity(
      ctx.store.transaction.bind(ctx.store),
      ctx.clock,
      { kind: 'cli' },
      { slug: `restart-${dialect}`, name: 'Restart Club' },
    );
    const callInId = '6f0c1a52-3d4e-4b8a-9c1d-000000000001';
    // Far enough ahead that a slow start on a busy machine still ends before it is due.
    const runAt = Date.now() + 25_000;
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

    const second = await startServer(env);
    children.push(second.child);
    await smtp.waitFor(1, runAt - Date.now() + 20_000);
    // Wait a while longer to be sure no second copy arrives.
    await sleep(3000);
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

    second.child.kill('SIGTERM');
    expect(await exited(second.child)).toBe(0);
  });

  it(
    'is sent by `callin worker` when the server runs with RUN_JOBS=false',
    { timeout: 120_000 },
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
      const server = await startServer({ ...env, RUN_JOBS: 'false' });
      children.push(server.child);
      const at = new Date().toISOString();
      await scheduleJob(
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
      await sleep(2500);
      expect(smtp.messages).toHaveLength(0); // the server leaves jobs alone
      const worker = await startServer(env, 'worker', 'is running jobs');
      children.push(worker.child);
      await smtp.waitFor(1, 20_000);
      expect(smtp.messages.map((m) => m.subject)).toEqual(['Checking in from Worker Club']);
      worker.child.kill('SIGTERM');
      server.child.kill('SIGTERM');
      expect(await exited(worker.child)).toBe(0);
      expect(await exited(server.child)).toBe(0);
    },
  );
});
