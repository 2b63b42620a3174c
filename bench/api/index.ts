// bench/api: how fast the API raises concerns and lists the organizer inbox with 100,000
// concerns stored, over real HTTP on 127.0.0.1, against two references measured in the same
// run: a bare Fastify route (what the framework can do here) and the disk's durable-commit
// rate (what one SQLite file can acknowledge). See bench/README.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { loadConfig } from '../../src/config/env.ts';
import { SQLITE_FILE_NAME } from '../../src/db/client.ts';
import { measureDurableCommits, type CommitRate } from './durable-commit.ts';
import { measurePostgres, postgresAvailable, type PostgresFigures } from './postgres.ts';
import { runLoad, type LoadResult } from './load.ts';
import { freePort, root, startCallin, startProcess } from './processes.ts';
import { seed } from './seed.ts';

const num = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const CONCERNS = num('BENCH_CONCERNS', 100_000);
const SECONDS = num('BENCH_SECONDS', 4);
const WARM_UP = num('BENCH_WARM_UP_SECONDS', 1);
const CONNECTIONS = num('BENCH_CONNECTIONS', 16);

const TARGETS = { inboxOverBare: 0.3, raiseOverDurable: 0.5 };

const raiseBody = JSON.stringify({
  what: 'In the review thread they wrote "hey guys, this is a no-brainer" twice.',
  quotes: ['hey guys, this is a no-brainer'],
  links: ['https://example.org/review/1'],
  impact: 'It made me feel left out of the review.',
  harmed: 'me',
  about: { name: 'sam_dev' },
  wants: 'ally',
});

function say(line = ''): void {
  process.stdout.write(`${line}\n`);
}

/** The query plans of the hot paths, so a full scan shows up in the output. */
function explainHotPaths(file: string, communityId: string): Record<string, string[]> {
  const db = new SQLite(file, { readonly: true });
  try {
    const plan = (q: string, ...params: unknown[]) =>
      (db.prepare(`explain query plan ${q}`).all(...params) as { detail: string }[]).map(
        (r) => r.detail,
      );
    return {
      inbox: plan(
        'select id, status from concerns where community_id = ? order by created_at desc, id desc limit 26',
        communityId,
      ),
      auditLast: plan('select seq, hash from audit_log order by seq desc limit 1'),
      tokenLookup: plan(
        'select * from api_tokens inner join users on users.id = api_tokens.user_id where api_tokens.token_hash = ? and api_tokens.revoked_at is null',
        'x',
      ),
      membership: plan(
        'select * from memberships where community_id = ? and user_id = ?',
        communityId,
        'x',
      ),
    };
  } finally {
    db.close();
  }
}

interface Figures {
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  cpuUs?: number | null;
}

const failedNote = (r: LoadResult) => (r.failed ? `${r.failed} failed` : '');
const pct = (v: number) => `${(v * 100).toFixed(0)}%`;

function row(label: string, r: Figures, extra = '') {
  const cpu = r.cpuUs === undefined || r.cpuUs === null ? '-' : r.cpuUs.toFixed(0);
  say(
    `  ${label.padEnd(34)} ${r.perSecond.toFixed(0).padStart(8)} ${r.p50Ms.toFixed(2).padStart(8)} ${r.p99Ms.toFixed(2).padStart(8)} ${cpu.padStart(10)}  ${extra}`,
  );
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'callin-bench-api-'));
  const env = {
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    CALLIN_ENCRYPTION_KEYS: '',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    RUN_JOBS: 'false',
    RATE_LIMIT_API: '100000000',
    RATE_LIMIT_PUBLIC_FORMS: '1000000',
    RATE_LIMIT_SIGN_IN: '1000000',
    // The raise phase sends one account's concerns as fast as it can: no per-account quota.
    QUOTA_CONCERNS_PER_HOUR: '0',
    QUOTA_WRITES_PER_MINUTE: '0',
  };
  try {
    say(
      `bench/api: SQLite, ${CONCERNS.toLocaleString('en')} concerns, ${CONNECTIONS} connections, ` +
        `${SECONDS}s per phase after ${WARM_UP}s warm-up (${os.cpus().length} cores, Node ${process.version})`,
    );
    const seeded = await seed(loadConfig(env, root), CONCERNS);
    say(
      `  seeded ${seeded.concerns.toLocaleString('en')} concerns in ${seeded.seconds.toFixed(1)}s`,
    );
    const plans = explainHotPaths(path.join(dataDir, SQLITE_FILE_NAME), seeded.communityId);
    for (const [name, steps] of Object.entries(plans)) say(`  plan ${name}: ${steps.join(' | ')}`);

    // (c) a bare Fastify route.
    const barePort = await freePort();
    const bareServer = await startProcess(
      ['--import', 'tsx', path.join(root, 'bench/api/bare-server.ts')],
      { PORT: String(barePort) },
      /^ready /m,
    );
    let bare: LoadResult;
    try {
      bare = await runLoad({
        url: `http://127.0.0.1:${barePort}/bare`,
        pid: bareServer.child.pid,
        connections: CONNECTIONS,
        seconds: SECONDS,
        warmUpSeconds: WARM_UP,
      });
    } finally {
      await bareServer.stop();
    }

    // The inbox once more with READ_CACHE=false: every request reads the database, which is
    // what an organizer gets right after anything was written. Reported, not a target.
    const uncachedServer = await startCallin({ ...env, READ_CACHE: 'false' }, seeded.communityId);
    let inboxUncached: LoadResult;
    try {
      inboxUncached = await runLoad({
        url: uncachedServer.concerns,
        headers: { authorization: `Bearer ${seeded.apiToken}` },
        pid: uncachedServer.child.pid,
        connections: CONNECTIONS,
        seconds: SECONDS,
        warmUpSeconds: WARM_UP,
      });
    } finally {
      await uncachedServer.stop();
    }

    // (a) and (b) against `callin start` on the seeded data directory.
    const server = await startCallin(env, seeded.communityId);
    const base = server.concerns;
    const bearer = { authorization: `Bearer ${seeded.apiToken}` };
    let health: LoadResult, inbox: LoadResult, inboxSession: LoadResult, raise: LoadResult;
    let durableBefore: CommitRate, durableAfter: CommitRate;
    try {
      const load = {
        connections: CONNECTIONS,
        seconds: SECONDS,
        warmUpSeconds: WARM_UP,
        pid: server.child.pid,
      };
      // The app's own stack (plugins, auth hook, one trivial query) with no case data.
      health = await runLoad({ ...load, url: `${server.origin}/api/health` });
      inbox = await runLoad({ ...load, url: base, headers: bearer });
      inboxSession = await runLoad({
        ...load,
        url: base,
        headers: { cookie: seeded.session.cookie },
      });
      // (d) the disk's durable-commit rate right before and right after the raise phase (the
      // server is idle then): fsync latency on a shared disk drifts, so it is taken twice.
      durableBefore = await measureDurableCommits(dataDir, SECONDS / 2);
      raise = await runLoad({
        ...load,
        url: base,
        method: 'POST',
        headers: { ...bearer, 'content-type': 'application/json' },
        body: raiseBody,
      });
      durableAfter = await measureDurableCommits(dataDir, SECONDS / 2);
    } finally {
      await server.stop();
    }

    const durable = {
      perSecond: (durableBefore.perSecond + durableAfter.perSecond) / 2,
      p50Ms: (durableBefore.p50Ms + durableAfter.p50Ms) / 2,
      p99Ms: Math.max(durableBefore.p99Ms, durableAfter.p99Ms),
    };
    const ratios = {
      inboxOverBare: inbox.perSecond / bare.perSecond,
      raiseOverDurable: raise.perSecond / durable.perSecond,
    };
    say();
    say(
      `  ${'target'.padEnd(34)} ${'msgs/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'cpu us/req'.padStart(10)}`,
    );
    row('(c) bare Fastify GET', bare, bare.failed ? `${bare.failed} failed` : '');
    row('    callin GET /api/health', health, health.failed ? `${health.failed} failed` : '');
    row('(b) inbox first page, API token', inbox, inbox.failed ? `${inbox.failed} failed` : '');
    row(
      '(b) inbox first page, session',
      inboxSession,
      inboxSession.failed ? `${inboxSession.failed} failed` : '',
    );
    row(
      '    inbox, READ_CACHE=false',
      inboxUncached,
      inboxUncached.failed
        ? `${inboxUncached.failed} failed`
        : '(every request reads the database)',
    );
    row('(a) raise a concern, API token', raise, raise.failed ? `${raise.failed} failed` : '');
    row(
      '(d) durable commit, SQLite',
      durable,
      `(one writer; ${durableBefore.perSecond.toFixed(0)} before, ${durableAfter.perSecond.toFixed(0)} after raise)`,
    );
    say();
    const verdict = (v: number, t: number) =>
      `${(v * 100).toFixed(0)}% (target >= ${t * 100}%) ${v >= t ? 'met' : 'MISSED'}`;
    say(`  inbox / bare Fastify    = ${verdict(ratios.inboxOverBare, TARGETS.inboxOverBare)}`);
    say(
      `  raise / durable commit  = ${verdict(ratios.raiseOverDurable, TARGETS.raiseOverDurable)}`,
    );
    // PostgreSQL, for information (the targets above are for the embedded database).
    let postgres: PostgresFigures | null = null;
    let postgresNote = '';
    if (process.env.BENCH_POSTGRES === '0') postgresNote = 'skipped (BENCH_POSTGRES=0)';
    else if (!postgresAvailable()) postgresNote = 'skipped (PostgreSQL is not installed)';
    else {
      postgres = await measurePostgres({
        env,
        concerns: CONCERNS,
        seconds: SECONDS,
        warmUpSeconds: WARM_UP,
        connections: CONNECTIONS,
        raiseBody,
      });
    }
    say();
    if (!postgres) say(`  PostgreSQL: ${postgresNote}`);
    else {
      say(
        `  PostgreSQL (for information; fsync and synchronous commit on; seeded in ${postgres.seedSeconds.toFixed(1)}s)`,
      );
      row('(b) inbox first page, API token', postgres.inbox, failedNote(postgres.inbox));
      row('(a) raise a concern, API token', postgres.raise, failedNote(postgres.raise));
      row('(d) durable commit, PostgreSQL', postgres.durable, '(one client over loopback)');
      say(
        `  inbox / bare Fastify    = ${pct(postgres.inbox.perSecond / bare.perSecond)}; raise / durable commit = ${pct(postgres.raise.perSecond / postgres.durable.perSecond)}`,
      );
      say('  (cpu us/req is the callin process only; PostgreSQL works in its own processes)');
    }

    const figure = (r: Figures) => ({
      perSecond: Math.round(r.perSecond),
      p50Ms: Number(r.p50Ms.toFixed(2)),
      p99Ms: Number(r.p99Ms.toFixed(2)),
      ...(r.cpuUs === undefined
        ? {}
        : { cpuUsPerRequest: r.cpuUs === null ? null : Math.round(r.cpuUs) }),
    });
    say(
      JSON.stringify({
        bench: 'api',
        dialect: 'sqlite',
        date: new Date().toISOString(),
        cpus: os.cpus().length,
        node: process.version,
        concerns: CONCERNS,
        connections: CONNECTIONS,
        seconds: SECONDS,
        bare: figure(bare),
        health: figure(health),
        inbox: figure(inbox),
        inboxSession: figure(inboxSession),
        inboxUncached: figure(inboxUncached),
        raise: figure(raise),
        durableCommit: figure(durable),
        durableCommitBefore: Math.round(durableBefore.perSecond),
        durableCommitAfter: Math.round(durableAfter.perSecond),
        inboxOverBare: Number(ratios.inboxOverBare.toFixed(3)),
        raiseOverDurable: Number(ratios.raiseOverDurable.toFixed(3)),
        postgres: postgres
          ? {
              inbox: figure(postgres.inbox),
              raise: figure(postgres.raise),
              durableCommit: figure(postgres.durable),
              inboxOverBare: Number((postgres.inbox.perSecond / bare.perSecond).toFixed(3)),
              raiseOverDurable: Number(
                (postgres.raise.perSecond / postgres.durable.perSecond).toFixed(3),
              ),
            }
          : postgresNote,
        inboxUncachedOverBare: Number((inboxUncached.perSecond / bare.perSecond).toFixed(3)),
        failed:
          bare.failed +
          health.failed +
          inbox.failed +
          inboxSession.failed +
          inboxUncached.failed +
          raise.failed +
          (postgres ? postgres.inbox.failed + postgres.raise.failed : 0),
      }),
    );
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
