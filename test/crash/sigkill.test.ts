// Crash safety of acknowledged writes: the real server (`callin start`) takes concurrent
// concerns through the public form and is killed with SIGKILL mid-stream. After a restart on
// the same data, every concern it answered 201 for is there, readable, and the audit chain is
// intact (`callin audit verify` exits 0).
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects, type TestDatabase } from '../helpers/db.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'bin/callin.js');

const WORKERS = 12;
/** Kill once this many concerns are acknowledged (and more are on the wire). */
const KILL_AFTER = 40;
/** A bound, not a wait: a machine shared with other work can take long to start a process. */
const READY_WITHIN_MS = 120_000;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

/** Runs a `callin` command to the end; resolves with its exit code and output. */
function runCli(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: root,
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** `callin start`, resolved once it says it is ready. */
async function startServer(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, [bin, 'start'], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The server did not start:\n${output}`)),
      READY_WITHIN_MS,
    );
    const onData = (c: Buffer) => {
      output += c.toString();
      if (output.includes('is ready on')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`The server exited (${code ?? signal}) before it was ready:\n${output}`));
    });
  });
  return child;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

const body = (n: number) =>
  JSON.stringify({
    what: `Concern number ${n}: in the release thread they wrote "that idea is lame".`,
    quotes: ['that idea is lame'],
    impact: 'It made people hesitate to share ideas.',
    harmed: 'group',
    about: { name: `member_${n % 7}` },
    wants: 'organizers',
    anonymous: true,
  });

// The dialects run side by side, each with its own database and port.
const eachDialect = describe.concurrent.each(testDialects());

eachDialect('acknowledged concerns survive SIGKILL on %s', (dialect) => {
  let database: TestDatabase;
  let server: ChildProcess | null = null;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
  });
  afterAll(async () => {
    if (server) {
      server.kill('SIGKILL');
      await exited(server);
    }
    await database.drop();
  });

  it(
    'keeps every concern it answered 201 for, and an intact audit chain',
    { timeout: 300_000 },
    async () => {
      const port = await freePort();
      const env = {
        ...database.env,
        DATABASE_URL: database.env.DATABASE_URL ?? '',
        CALLIN_ENCRYPTION_KEYS: '',
        PORT: String(port),
        HOST: '127.0.0.1',
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        LOG_LEVEL: 'silent',
        RUN_JOBS: 'false',
        RATE_LIMIT_PUBLIC_FORMS: '1000000',
        RATE_LIMIT_API: '100000000',
        RATE_LIMIT_SIGN_IN: '1000000',
      };
      // The database is migrated already, so the community is made while the server starts.
      const [created, started] = await Promise.all([
        runCli(
          ['admin', 'create-community', '--slug', 'crash', '--name', 'Crash Test', '--json'],
          env,
        ),
        startServer(env),
      ]);
      server = started;
      expect(created.code, created.stderr).toBe(0);
      const community = JSON.parse(created.stdout) as { id: string; intakeUrl: string };
      const intakeId = community.intakeUrl.split('/').at(-1)!;

      const url = `http://127.0.0.1:${port}/api/public/intake/${intakeId}/concerns`;
      const acknowledged = new Map<string, string>(); // id -> follow token
      let sent = 0;
      let inFlight = 0;
      let killed = false;
      const worker = async () => {
        while (!killed) {
          const n = sent++;
          inFlight++;
          try {
            const res = await fetch(url, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: body(n),
            });
            const json = (await res.json()) as { id?: string; followToken?: string };
            if (res.status === 201 && json.id && json.followToken)
              acknowledged.set(json.id, json.followToken);
            else if (!killed)
              throw new Error(`Unexpected answer ${res.status}: ${JSON.stringify(json)}`);
          } catch (e) {
            if (!killed) throw e;
          } finally {
            inFlight--;
          }
        }
      };
      const workers = Array.from({ length: WORKERS }, () => worker());
      // Kill mid-stream: as soon as enough are acknowledged, with requests still in flight.
      const loadStarted = Date.now();
      while (
        (acknowledged.size < KILL_AFTER || inFlight === 0) &&
        Date.now() - loadStarted < 15_000
      ) {
        await new Promise((r) => setTimeout(r, 10));
      }
      const victim = server;
      const inFlightAtKill = inFlight;
      killed = true;
      victim.kill('SIGKILL');
      await exited(victim);
      server = null;
      await Promise.all(workers);
      expect(victim.signalCode).toBe('SIGKILL');
      expect(acknowledged.size).toBeGreaterThanOrEqual(20);
      // It really died mid-stream: requests were on the wire when it was killed.
      expect(inFlightAtKill).toBeGreaterThan(0);
      if (process.env.CALLIN_CRASH_VERBOSE) {
        process.stdout.write(
          `${dialect}: ${acknowledged.size} acknowledged, ${inFlightAtKill} in flight at SIGKILL\n`,
        );
      }

      // Restart on the same data: it recovers and serves again.
      server = await startServer(env);
      const health = await fetch(`http://127.0.0.1:${port}/api/health`);
      expect(health.status).toBe(200);

      // Every acknowledged id is stored (read straight from the database)...
      const rows = await database.handle.db
        .selectFrom('concerns')
        .select('id')
        .where('community_id', '=', community.id)
        .execute();
      const stored = new Set(rows.map((r) => r.id));
      const missing = [...acknowledged.keys()].filter((id) => !stored.has(id));
      expect(
        missing,
        `${missing.length} of ${acknowledged.size} acknowledged concerns were lost`,
      ).toEqual([]);

      // ...and readable through the API: the reporter's private follow link decrypts its content.
      const sample = [...acknowledged.values()].filter(
        (_, i) => i % Math.ceil(acknowledged.size / 10) === 0,
      );
      for (const token of sample) {
        const follow = await fetch(`http://127.0.0.1:${port}/api/follow/${token}`);
        expect(follow.status).toBe(200);
        expect(((await follow.json()) as { what: string }).what).toMatch(/^Concern number \d+/);
      }

      // Stop cleanly, then the audit chain must hold from the first entry to the last.
      const running = server;
      running.kill('SIGTERM');
      await exited(running);
      server = null;
      const verify = await runCli(['audit', 'verify', '--json'], env);
      expect(verify.code, verify.stdout + verify.stderr).toBe(0);
      const report = JSON.parse(verify.stdout) as { ok: boolean; checked: number };
      expect(report.ok).toBe(true);
      // One entry for the community, one per stored concern (acknowledged or not).
      expect(report.checked).toBeGreaterThanOrEqual(1 + acknowledged.size);
    },
  );
});
