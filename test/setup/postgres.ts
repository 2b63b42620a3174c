// Starts a throwaway PostgreSQL cluster for the whole test run and stops it afterwards.
// Each test file then creates its own database in it (see test/helpers/db.ts).
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string | null;
  }
}

export function wantedDialects(): ('sqlite' | 'postgres')[] {
  const raw = process.env.CALLIN_TEST_DIALECTS ?? 'sqlite,postgres';
  return raw.split(',').map((d) => d.trim()) as ('sqlite' | 'postgres')[];
}

function findPgBin(): string {
  const base = '/usr/lib/postgresql';
  const versions = fs.existsSync(base)
    ? fs.readdirSync(base).sort((a, b) => Number(b) - Number(a))
    : [];
  for (const v of versions) {
    const bin = path.join(base, v, 'bin');
    if (fs.existsSync(path.join(bin, 'initdb'))) return bin;
  }
  throw new Error(
    'PostgreSQL is needed for the database tests: apt-get install -y postgresql ' +
      '(or set CALLIN_TEST_DIALECTS=sqlite to run on SQLite alone).',
  );
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

export default async function setup(project: TestProject): Promise<() => void> {
  if (!wantedDialects().includes('postgres')) {
    project.provide('pgAdminUrl', null);
    return () => undefined;
  }
  if (process.env.CALLIN_TEST_PG_URL) {
    project.provide('pgAdminUrl', process.env.CALLIN_TEST_PG_URL);
    return () => undefined;
  }
  const bin = findPgBin();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'callin-pg-'));
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) => {
    const full = path.join(bin, cmd);
    const res = asRoot
      ? spawnSync('runuser', ['-u', 'postgres', '--', full, ...args], { encoding: 'utf8' })
      : spawnSync(full, args, { encoding: 'utf8' });
    if (res.status !== 0) throw new Error(`${cmd} failed: ${res.stderr || res.stdout}`);
  };
  if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
  const dataDir = path.join(dir, 'data');
  run('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const port = await freePort();
  const opts = [
    `-k ${dir}`,
    `-p ${port}`,
    '-c listen_addresses=127.0.0.1',
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=300',
  ].join(' ');
  run('pg_ctl', ['-D', dataDir, '-l', path.join(dir, 'log'), '-o', opts, '-w', 'start']);
  project.provide('pgAdminUrl', `postgres://postgres@127.0.0.1:${port}/postgres`);
  return () => {
    try {
      run('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
}
