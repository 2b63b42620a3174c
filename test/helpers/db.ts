// A fresh, migrated database for one test file, on each dialect the run covers.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import {
  openDatabase,
  SQLITE_FILE_NAME,
  type DatabaseHandle,
  type DialectName,
} from '../../src/db/client.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';

export function testDialects(): DialectName[] {
  const raw = process.env.CALLIN_TEST_DIALECTS ?? 'sqlite,postgres';
  return raw.split(',').map((d) => d.trim()) as DialectName[];
}

export interface TestDatabase {
  handle: DatabaseHandle;
  /** Connection details a child process can use to open the same database. */
  env: Record<string, string>;
  dataDir: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(
  dialect: DialectName,
  { migrate = true }: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'callin-test-'));
  if (dialect === 'sqlite') {
    // A migrated database starts as a copy of the run's migrated template (test/setup).
    const template = migrate ? inject('sqliteTemplate') : undefined;
    if (template) fs.copyFileSync(template, path.join(dataDir, SQLITE_FILE_NAME));
    const handle = openDatabase({ databaseUrl: null, dataDir });
    if (migrate && !template) await migrateToLatest(handle.db);
    return {
      handle,
      env: { DATA_DIR: dataDir },
      dataDir,
      async drop() {
        await handle.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const adminUrl = inject('pgAdminUrl');
  if (!adminUrl) throw new Error('PostgreSQL tests asked for, but no cluster was started.');
  const name = `t_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const template = migrate ? inject('pgTemplate') : null;
  await admin.query(`create database ${name}${template ? ` template ${template}` : ''}`);
  await admin.end();
  const url = adminUrl.replace(/\/[^/]*$/, `/${name}`);
  const handle = openDatabase({ databaseUrl: url, dataDir, poolSize: 5 });
  if (migrate && !template) await migrateToLatest(handle.db);
  return {
    handle,
    env: { DATA_DIR: dataDir, DATABASE_URL: url },
    dataDir,
    async drop() {
      await handle.close();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
