// The `callin` command, run for real as a child process (node bin/callin.js), against a fresh
// database of each dialect.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { migrationNames } from '../../src/db/migrate.ts';
import { TEST_KEY } from '../helpers/app.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../helpers/db.ts';

// Each run starts Node and tsx afresh, which takes seconds on a busy machine.
vi.setConfig({ testTimeout: 240_000, hookTimeout: 120_000 });

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'bin/callin.js');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function callin(args: string[], env: Record<string, string>, stdin?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    // A clean environment: only what the test gives, so nothing leaks in from the runner.
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        LOG_LEVEL: 'silent',
        ...env,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

// Everything here runs side by side: the runs without a database, and each dialect (whose own
// steps build on each other, so they run in order).
describe.concurrent('callin without a database', () => {
  it('prints help listing every command, and exits 0', async () => {
    const r = await callin(['--help'], {});
    expect(r.code).toBe(0);
    for (const name of [
      'start',
      'migrate',
      'config',
      'admin create-operator',
      'admin create-community',
      'audit verify',
      'backup',
      'check',
    ]) {
      expect(r.stdout).toContain(`  ${name} `);
    }
    expect(r.stdout).toContain('Exit codes');
  });

  it('answers an unknown command, or none, with usage and exit 2', async () => {
    const unknown = await callin(['frobnicate'], {});
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('There is no command "frobnicate"');
    expect(unknown.stdout).toBe('');
    const none = await callin([], {});
    expect(none.code).toBe(2);
    const badFlag = await callin(['migrate', '--no-such-flag'], {});
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toContain('Usage: callin migrate');
  });

  it('prints the effective configuration without any secret', async () => {
    const secrets = {
      DATABASE_URL: 'postgres://callin:db-password-123@db.internal:5432/callin',
      CALLIN_ENCRYPTION_KEYS: TEST_KEY,
      SMTP_URL: 'smtps://mailer:smtp-password-456@mail.example:465',
    };
    const env = {
      ...secrets,
      PORT: '9090',
      PUBLIC_URL: 'https://callin.example',
      DATA_DIR: '/tmp/callin-config-test',
    };
    const runs = [await callin(['config'], env), await callin(['config', '--json'], env)];
    for (const r of runs) {
      expect(r.code).toBe(0);
      const out = r.stdout + r.stderr;
      for (const secret of [
        'db-password-123',
        'db.internal',
        TEST_KEY,
        TEST_KEY.split(':')[1]!,
        'smtp-password-456',
        'mail.example',
      ]) {
        expect(out).not.toContain(secret);
      }
      expect(out).toContain('9090');
      expect(out).toContain('https://callin.example');
    }
    expect(runs[0]!.stdout).toMatch(/DATABASE_URL\s+\(set, hidden\)/);
    const json = JSON.parse(runs[1]!.stdout) as Record<string, string>;
    expect(json).toMatchObject({
      PORT: '9090',
      DATABASE_URL: '(set, hidden)',
      CALLIN_ENCRYPTION_KEYS: '(set, hidden)',
      SMTP_URL: '(set, hidden)',
      // The test clock is listed too, so it cannot be on without showing.
      JOB_POLL_MS: '1000',
      TEST_CLOCK_OFFSET_MS: '0',
    });
  });

  it('stops with every configuration problem listed, and exit 3', async () => {
    const r = await callin(['config'], {
      PORT: 'eighty',
      DATABASE_URL: 'mysql://nope',
      LOG_LEVEL: 'loud',
    });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('PORT');
    expect(r.stderr).toContain('DATABASE_URL');
    expect(r.stderr).toContain('LOG_LEVEL');
    expect(r.stderr).not.toContain('mysql://nope');
  });
});

/** The steps of one dialect build on each other, so they run in order. */
const step = it.sequential;

describe.concurrent.each(testDialects())('callin against %s', (dialect) => {
  let database: TestDatabase;
  let env: Record<string, string>;
  beforeAll(async () => {
    database = await createTestDatabase(dialect, { migrate: false });
    env = { ...database.env, CALLIN_ENCRYPTION_KEYS: TEST_KEY, PUBLIC_URL: 'http://callin.test' };
  });
  afterAll(async () => database.drop());

  step('migrates, reporting what it applied as JSON', async () => {
    const first = await callin(['migrate', '--json'], env);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({
      applied: migrationNames(),
      total: migrationNames().length,
    });
    const second = await callin(['migrate', '--json'], env);
    expect(JSON.parse(second.stdout)).toEqual({ applied: [], total: migrationNames().length });
  });

  step('creates an operator with the password from stdin, never echoing it', async () => {
    const password = 'a long and kind passphrase from stdin';
    const r = await callin(
      [
        'admin',
        'create-operator',
        '--email',
        'Olu@Example.org',
        '--name',
        'Olu',
        '--password-stdin',
        '--json',
      ],
      env,
      `${password}\n`,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { userId: string; created: boolean };
    expect(out).toEqual({ userId: expect.any(String), created: true });
    expect(r.stdout).not.toContain(password);
    const row = await database.handle.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', out.userId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ email: 'olu@example.org', display_name: 'Olu', is_operator: 1 });
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(password);

    const weak = await callin(
      ['admin', 'create-operator', '--email', 'weak@example.org', '--password-stdin'],
      env,
      'short\n',
    );
    expect(weak.code).toBe(4);
    expect(weak.stderr).toContain('Use at least 10 characters');
    const missing = await callin(
      ['admin', 'create-operator', '--password-stdin'],
      env,
      'whatever it is\n',
    );
    expect(missing.code).toBe(2);
  });

  step('creates a community and prints it as JSON; a taken short name is refused', async () => {
    const r = await callin(
      ['admin', 'create-community', '--slug', 'rust-meetup', '--name', 'Rust Meetup', '--json'],
      env,
    );
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout) as {
      id: string;
      slug: string;
      name: string;
      intakeOpen: boolean;
      intakeUrl: string;
    };
    expect(c).toMatchObject({ slug: 'rust-meetup', name: 'Rust Meetup', intakeOpen: true });
    expect(c.intakeUrl).toMatch(/^http:\/\/callin\.test\/raise\/[A-Za-z0-9_-]+$/);
    const stored = await database.handle.db
      .selectFrom('communities')
      .selectAll()
      .where('id', '=', c.id)
      .executeTakeFirst();
    expect(stored?.slug).toBe('rust-meetup');

    const again = await callin(
      ['admin', 'create-community', '--slug', 'rust-meetup', '--name', 'Again'],
      env,
    );
    expect(again.code).toBe(4);
    expect(again.stderr).toContain('Another community already uses that short name.');
    const bad = await callin(
      ['admin', 'create-community', '--slug', 'Not A Slug', '--name', 'Bad'],
      env,
    );
    expect(bad.code).toBe(2);
  });

  step('verifies the audit chain, and names the entry that was tampered with', async () => {
    const ok = await callin(['audit', 'verify', '--json'], env);
    expect(ok.code).toBe(0);
    const report = JSON.parse(ok.stdout) as { ok: boolean; checked: number };
    expect(report).toEqual({
      ok: true,
      checked: 2,
      firstBroken: null,
      // The head as the signed checkpoint outside the database records it.
      head: { count: 2, lastSeq: 2, lastMac: expect.stringMatching(/^[0-9a-f]{64}$/) },
      checkpoint: { count: 2, lastSeq: 2, at: expect.any(String) },
      checkpointFile: path.join(database.dataDir, 'audit-head.json'),
      checkpointProblem: null,
    });

    // Someone with access to the database edits entry 2.
    if (dialect === 'sqlite') {
      const raw = new SQLite(database.handle.file!);
      raw.prepare("update audit_log set action = 'community.delete' where seq = 2").run();
      raw.close();
    } else {
      const client = new pg.Client({ connectionString: env.DATABASE_URL });
      await client.connect();
      await client.query("update audit_log set action = 'community.delete' where seq = 2");
      await client.end();
    }
    const broken = await callin(['audit', 'verify'], env);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('broken at entry 2');
    const json = JSON.parse((await callin(['audit', 'verify', '--json'], env)).stdout) as {
      ok: boolean;
      firstBroken: { seq: number };
    };
    expect(json).toMatchObject({ ok: false, firstBroken: { seq: 2 } });
  });

  it.runIf(dialect === 'sqlite').sequential(
    'backs up the embedded database to a consistent copy that opens and holds the rows',
    async () => {
      const to = path.join(database.dataDir, 'copies', 'backup.sqlite');
      const r = await callin(['backup', '--to', to, '--json'], env);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual({ file: to });
      const copy = new SQLite(to, { readonly: true });
      try {
        expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
        const count = (table: string) =>
          (copy.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
        expect(count('users')).toBe(1);
        expect(count('communities')).toBe(1);
        expect(count('audit_log')).toBe(2);
        expect((copy.prepare('select slug from communities').get() as { slug: string }).slug).toBe(
          'rust-meetup',
        );
      } finally {
        copy.close();
      }
      expect(fs.statSync(to).mode & 0o077).toBe(0);
    },
  );

  it.runIf(dialect === 'postgres').sequential(
    'points a PostgreSQL installation at pg_dump for backups',
    async () => {
      const r = await callin(['backup', '--json'], env);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('pg_dump');
    },
  );
});
