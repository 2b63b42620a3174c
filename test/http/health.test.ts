// GET /api/health tells the truth about writes (product.md: 503 with a reason while the database
// cannot write, ok again once it can, without a restart), and a write that fails for a storage
// reason answers 503 storage_unavailable, never a 500. Real components: a real full disk (a
// small tmpfs) for SQLite, a real PostgreSQL server stopped and started again.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openContext, openIntegrations } from '../../src/app.ts';
import { openDatabase, type DatabaseHandle } from '../../src/db/client.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { classifyStorageError, storageHealthOf } from '../../src/db/storage-health.ts';
import { build } from '../../src/http/server.ts';
import { startPgCluster, type PgCluster } from '../setup/pg-cluster.ts';
import { testConfig, type TestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';
import { buildCommunity, buildConcern, buildMember, concernBody } from '../helpers/factories.ts';

async function serve(handle: DatabaseHandle, env: Record<string, string>): Promise<TestApp> {
  // Probe on every check, so the test sees each change at once.
  storageHealthOf(handle, { okForMs: 0, failedForMs: 0, timeoutMs: 2_000 });
  const database = { handle, env, dataDir: env.DATA_DIR ?? os.tmpdir(), drop: async () => {} };
  const ctx = await openContext(testConfig(database), { migrate: false, database: handle });
  const app = await build(ctx, { serveWeb: false });
  const integrations = await openIntegrations(ctx, { plugins: [] });
  return { app, ctx, database, routes: [], integrations, close: () => app.close() };
}

async function health(t: TestApp) {
  const r = await t.app.inject({ method: 'GET', url: '/api/health' });
  return { status: r.statusCode, body: r.json<Record<string, unknown>>() };
}

/** Fills the file system holding `dir` until the kernel says there is no space left. */
function fillDisk(dir: string): string {
  const filler = path.join(dir, 'filler');
  const fd = fs.openSync(filler, 'w');
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) fs.writeSync(fd, chunk);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
    // Take the last few bytes too.
    try {
      for (;;) fs.writeSync(fd, Buffer.alloc(512, 1));
    } catch {
      /* full */
    }
  } finally {
    fs.closeSync(fd);
  }
  return filler;
}

describe('classifyStorageError', () => {
  it('names storage failures by code and leaves other errors alone', () => {
    expect(classifyStorageError({ code: 'SQLITE_FULL' })).toBe('disk-full');
    expect(classifyStorageError({ code: 'SQLITE_IOERR_WRITE' })).toBe('write-failed');
    expect(classifyStorageError({ code: 'SQLITE_READONLY_DBMOVED' })).toBe('read-only');
    expect(classifyStorageError({ code: '53100' })).toBe('disk-full');
    expect(classifyStorageError({ code: '57P01' })).toBe('database-unreachable');
    expect(classifyStorageError({ code: 'ECONNREFUSED', syscall: 'connect' })).toBe(
      'database-unreachable',
    );
    // A browser hanging up is not the database.
    expect(classifyStorageError({ code: 'ECONNRESET' })).toBeNull();
    expect(classifyStorageError(new Error('Connection terminated unexpectedly'))).toBe(
      'database-unreachable',
    );
    expect(classifyStorageError({ code: 'SQLITE_CONSTRAINT_UNIQUE' })).toBeNull();
    expect(classifyStorageError({ code: '23505' })).toBeNull();
    expect(classifyStorageError(new TypeError('x is undefined'))).toBeNull();
  });
});

/** A small disk of its own needs root (CI and this project's machines run tests as root). */
function canMount(): boolean {
  return (
    process.getuid?.() === 0 &&
    fs.existsSync('/proc/filesystems') &&
    fs.readFileSync('/proc/filesystems', 'utf8').includes('tmpfs')
  );
}

describe.runIf(testDialects().includes('sqlite') && canMount())(
  'health on SQLite with a full disk',
  () => {
    let mount: string;
    let t: TestApp;
    let mounted = false;

    beforeAll(async () => {
      mount = fs.mkdtempSync(path.join(os.tmpdir(), 'callin-full-'));
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=6m', 'tmpfs', mount], { stdio: 'pipe' });
      mounted = true;
      const handle = openDatabase({ databaseUrl: null, dataDir: mount, readCache: true });
      await migrateToLatest(handle.db);
      t = await serve(handle, { DATA_DIR: mount });
    });

    afterAll(async () => {
      await t?.close();
      await t?.database.handle.close();
      if (mounted) execFileSync('umount', ['-l', mount]);
      fs.rmSync(mount, { recursive: true, force: true });
    });

    it('answers 503 disk-full while nothing can be written, and ok again once space is freed', async () => {
      const community = await buildCommunity(t);
      const member = await buildMember(t, community.id, 'member');
      expect(await health(t)).toEqual({ status: 200, body: { status: 'ok' } });

      const filler = fillDisk(mount);

      const down = await health(t);
      expect(down).toEqual({ status: 503, body: { status: 'unavailable', reason: 'disk-full' } });

      // A real write on a full disk is a clear 503 that changes nothing, not a 500.
      const raise = await member.post(
        `/api/communities/${community.id}/concerns`,
        concernBody({ what: 'They wrote something unkind in the thread, again. '.repeat(100) }),
      );
      expect(raise.body).toMatchObject({ code: 'storage_unavailable' });
      expect(raise.status).toBe(503);
      expect(raise.body.code).toBe('storage_unavailable');
      expect(raise.headers['retry-after']).toBeDefined();

      fs.rmSync(filler);
      expect(await health(t)).toEqual({ status: 200, body: { status: 'ok' } });
      // And writing works again, without a restart.
      const again = await buildConcern(member, community.id);
      expect(again.id).toBeTruthy();
    });
  },
);

describe.runIf(testDialects().includes('postgres'))('health on PostgreSQL that goes down', () => {
  let cluster: PgCluster;
  let t: TestApp;

  beforeAll(async () => {
    cluster = await startPgCluster({ durable: false });
    const handle = openDatabase({
      databaseUrl: cluster.adminUrl,
      dataDir: os.tmpdir(),
      poolSize: 4,
    });
    await migrateToLatest(handle.db);
    t = await serve(handle, { DATABASE_URL: cluster.adminUrl });
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await t?.database.handle.close();
    cluster?.stop();
  });

  it('answers 503 database-unreachable while the server is down, and ok once it is back', async () => {
    const community = await buildCommunity(t);
    const member = await buildMember(t, community.id, 'member');
    expect(await health(t)).toEqual({ status: 200, body: { status: 'ok' } });

    cluster.pause();
    const down = await health(t);
    expect(down).toEqual({
      status: 503,
      body: { status: 'unavailable', reason: 'database-unreachable' },
    });
    const raise = await member.post(`/api/communities/${community.id}/concerns`, concernBody());
    expect(raise.status).toBe(503);
    expect(raise.body.code).toBe('storage_unavailable');

    cluster.resume();
    // The pool makes new connections by itself; allow it a moment, without a restart.
    let back = await health(t);
    for (let i = 0; i < 20 && back.status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 250));
      back = await health(t);
    }
    expect(back).toEqual({ status: 200, body: { status: 'ok' } });
    const again = await buildConcern(member, community.id);
    expect(again.id).toBeTruthy();
  }, 120_000);
});
