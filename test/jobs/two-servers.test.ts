// Two `callin start` processes on one PostgreSQL database, as behind a load balancer (issue 9,
// item 8): a sign-in limit and a form limit hold across both, a session made on one works on
// the other (and signing out on one ends it on both), and 200 queued jobs each run exactly once
// between them. Real processes, real HTTP, real SMTP capture; bounded in time.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openContext } from '../../src/app.ts';
import { channelJobName } from '../../src/contract/vocabulary.ts';
import { createCommunity } from '../../src/domain/accounts/communities.ts';
import { createInvitation } from '../../src/domain/accounts/invitations.ts';
import { scheduleJob } from '../../src/domain/notifications/jobs.ts';
import { sealNotification } from '../../src/domain/notifications/notifications.ts';
import type { AppContext } from '../../src/http/context.ts';
import { TEST_KEY, testConfig } from '../helpers/app.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../helpers/db.ts';
import { PASSWORD } from '../helpers/factories.ts';
import { startSmtpCapture, type SmtpCapture } from '../integrations/smtp-capture.ts';

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/callin.js');
const JOBS = 200;
const PUBLIC_URL = 'http://callin.test';
/** A bound, not a wait: a machine shared with other work can take long to start a process. */
const READY_WITHIN_MS = 120_000;

interface Server {
  child: ChildProcess;
  origin: string;
  output: () => string;
}

function startServer(env: Record<string, string>): Promise<Server> {
  const child = spawn(process.execPath, [bin, 'start'], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready:\n${out}`)), READY_WITHIN_MS);
    const check = () => {
      const port = /is ready on http:\/\/localhost:(\d+)/.exec(out)?.[1];
      if (port) {
        clearTimeout(timer);
        resolve({ child, origin: `http://127.0.0.1:${port}`, output: () => out });
      }
    };
    child.stdout.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`callin start exited early (${code}):\n${out}`));
    });
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** The job ids a process's JSON log says it finished. */
function jobsDoneBy(output: string): string[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { msg?: string; jobId?: string })
    .filter((e) => e.msg === 'job done' && typeof e.jobId === 'string')
    .map((e) => e.jobId!);
}

async function call(
  server: Server,
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const res = await fetch(server.origin + url, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  const parsed: any = text ? JSON.parse(text) : null;
  return {
    status: res.status,
    body: parsed,
    cookie: res.headers.get('set-cookie')?.split(';')[0] ?? null,
  };
}

describe.runIf(testDialects().includes('postgres'))('two callin start on one PostgreSQL', () => {
  let database: TestDatabase;
  let smtp: SmtpCapture;
  let ctx: AppContext;
  let a: Server;
  let b: Server;
  let communityId: string;
  let intakeId: string;
  const emails = ['pat@example.org', 'lee@example.org'];

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    database = await createTestDatabase('postgres');
    ctx = await openContext(testConfig(database, { SMTP_URL: smtp.url }), {
      migrate: false,
      database: database.handle,
    });
    const tx = ctx.store.transaction.bind(ctx.store);
    const community = await createCommunity(
      tx,
      ctx.clock,
      { kind: 'cli' },
      {
        slug: 'two-servers',
        name: 'Two Servers',
      },
    );
    communityId = community.id;
    intakeId = community.intakeId;
    const env = {
      ...database.env,
      CALLIN_ENCRYPTION_KEYS: TEST_KEY,
      SMTP_URL: smtp.url,
      PORT: '0',
      HOST: '127.0.0.1',
      PUBLIC_URL,
      LOG_LEVEL: 'info',
      JOB_POLL_MS: '50',
      RATE_LIMIT_SIGN_IN: '1000',
      RATE_LIMIT_SIGN_IN_ACCOUNT: '4',
      RATE_LIMIT_PUBLIC_FORMS: '3',
    };
    [a, b] = await Promise.all([startServer(env), startServer(env)]);
    // Two accounts, through the real invitation flow (one on each server).
    for (const [i, email] of emails.entries()) {
      const inv = await createInvitation(tx, ctx.clock, { kind: 'cli' }, communityId, {
        role: 'member',
        maxUses: 1,
        expiresInDays: 7,
      });
      const server = i === 0 ? a : b;
      const r = await call(server, 'POST', `/api/invitations/${inv.token}/accept`, {
        email,
        password: PASSWORD,
        displayName: `Person ${i}`,
      });
      // Email is sent here, so the account waits for the link the address is sent.
      expect(r.status, JSON.stringify(r.body)).toBe(202);
      const mails = await smtp.waitFor(i + 1, 60_000);
      const mail = mails.find((m) => m.to.includes(email))!;
      const link = /\/invite\/confirm\/([A-Za-z0-9_-]+)/.exec(mail.decoded)![1]!;
      const joined = await call(server, 'POST', '/api/invitations/confirm', { token: link });
      expect(joined.status, JSON.stringify(joined.body)).toBe(200);
    }
    // Only the 200 jobs below are counted.
    smtp.messages.length = 0;
  }, 300_000);

  afterAll(async () => {
    for (const s of [a, b]) if (s && s.child.exitCode === null) s.child.kill('SIGKILL');
    await database?.drop();
    await smtp?.close();
  });

  it('holds the per-account sign-in limit and the per-address form limit across both', async () => {
    // Four wrong passwords, alternating between the servers, then the right one on either: 429.
    for (let i = 0; i < 4; i++) {
      const r = await call(i % 2 ? b : a, 'POST', '/api/auth/sign-in', {
        email: emails[0],
        password: 'not the password',
      });
      expect(r.status).toBe(401);
    }
    for (const s of [a, b]) {
      const r = await call(s, 'POST', '/api/auth/sign-in', {
        email: emails[0],
        password: PASSWORD,
      });
      expect(r.status).toBe(429);
      expect(r.body.code).toBe('rate_limited');
      expect(r.cookie).toBeNull();
    }
    // The public form: three from this address between the servers, then the fourth is refused.
    const concern = {
      what: 'Someone posted a joke that left people out.',
      harmed: 'unknown',
      about: { name: 'a poster' },
      wants: 'organizers',
    };
    const statuses = [];
    for (let i = 0; i < 4; i++)
      statuses.push(
        (await call(i % 2 ? b : a, 'POST', `/api/public/intake/${intakeId}/concerns`, concern))
          .status,
      );
    expect(statuses).toEqual([201, 201, 201, 429]);
  });

  it('takes a session made on one server on the other, and ends it on both', async () => {
    const signedIn = await call(a, 'POST', '/api/auth/sign-in', {
      email: emails[1],
      password: PASSWORD,
    });
    expect(signedIn.status).toBe(200);
    const cookie = signedIn.cookie!;
    const me = await call(b, 'GET', '/api/me', undefined, { cookie });
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe(emails[1]);
    const out = await call(
      b,
      'POST',
      '/api/auth/sign-out',
      {},
      {
        cookie,
        'x-csrf-token': signedIn.body.csrfToken,
        origin: PUBLIC_URL,
      },
    );
    expect(out.status).toBe(200);
    for (const s of [a, b])
      expect((await call(s, 'GET', '/api/me', undefined, { cookie })).status).toBe(401);
  });

  it(
    `runs each of ${JOBS} queued jobs exactly once between them`,
    { timeout: 60_000 },
    async () => {
      const at = new Date().toISOString();
      const ids: string[] = [];
      for (let i = 0; i < JOBS; i++) {
        const id = await scheduleJob(
          ctx.store.repos.jobs,
          {
            name: channelJobName('email'),
            payload: {
              template: 'check-in',
              communityId,
              sealed: sealNotification(ctx.cipher, {
                to: { email: `job-${i}@example.org` },
                link: `/check-in/${i}`,
              }),
            },
            runAt: at,
          },
          at,
        );
        ids.push(id!);
      }
      await smtp.waitFor(JOBS, 50_000);
      // Stop both (SIGTERM finishes the jobs in hand): after that nothing else can send.
      a.child.kill('SIGTERM');
      b.child.kill('SIGTERM');
      expect(await exited(a.child)).toBe(0);
      expect(await exited(b.child)).toBe(0);
      const checkIns = smtp.messages.filter((m) => m.to[0]?.startsWith('job-'));
      expect(checkIns).toHaveLength(JOBS);
      expect(new Set(checkIns.map((m) => m.to[0])).size).toBe(JOBS);
      const rows = await database.handle.db
        .selectFrom('jobs')
        .select(['id', 'status', 'attempts'])
        .where('id', 'in', ids)
        .execute();
      expect(rows).toHaveLength(JOBS);
      for (const r of rows) expect(r).toMatchObject({ status: 'done', attempts: 1 });
      // Each job was finished by exactly one of the two processes.
      const byA = jobsDoneBy(a.output()).filter((id) => ids.includes(id));
      const byB = jobsDoneBy(b.output()).filter((id) => ids.includes(id));
      expect([...byA, ...byB].sort()).toEqual([...ids].sort());
      expect(new Set([...byA, ...byB]).size).toBe(JOBS);
      console.info(`two servers: ${byA.length} jobs on one, ${byB.length} on the other`);
    },
  );
});
