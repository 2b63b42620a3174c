// Starts a throwaway PostgreSQL cluster for the whole test run and stops it afterwards.
// Each test file then creates its own database in it (see test/helpers/db.ts). Migrating a
// fresh database every time costs more than most tests, so the run migrates one template per
// dialect here, and each migrated test database is a copy of it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase, SQLITE_FILE_NAME } from '../../src/db/client.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { startPgCluster } from './pg-cluster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string | null;
    /** A migrated database to copy (`create database … template …`), or null. */
    pgTemplate: string | null;
    /** A migrated SQLite file to copy. */
    sqliteTemplate: string;
  }
}

async function sqliteTemplate(): Promise<{ file: string; remove: () => void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'callin-template-'));
  const handle = openDatabase({ databaseUrl: null, dataDir: dir });
  await migrateToLatest(handle.db);
  await handle.close();
  return {
    file: path.join(dir, SQLITE_FILE_NAME),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

async function pgTemplate(adminUrl: string): Promise<{ name: string; drop: () => Promise<void> }> {
  const name = `callin_template_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const handle = openDatabase({
    databaseUrl: adminUrl.replace(/\/[^/]*$/, `/${name}`),
    dataDir: os.tmpdir(),
    poolSize: 1,
  });
  await migrateToLatest(handle.db);
  await handle.close();
  return {
    name,
    drop: async () => {
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

export function wantedDialects(): ('sqlite' | 'postgres')[] {
  const raw = process.env.CALLIN_TEST_DIALECTS ?? 'sqlite,postgres';
  return raw.split(',').map((d) => d.trim()) as ('sqlite' | 'postgres')[];
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const lite = await sqliteTemplate();
  project.provide('sqliteTemplate', lite.file);
  if (!wantedDialects().includes('postgres')) {
    project.provide('pgAdminUrl', null);
    project.provide('pgTemplate', null);
    return async () => lite.remove();
  }
  const external = process.env.CALLIN_TEST_PG_URL;
  const cluster = external ? null : await startPgCluster({ durable: false });
  const adminUrl = external ?? cluster!.adminUrl;
  const template = await pgTemplate(adminUrl);
  project.provide('pgAdminUrl', adminUrl);
  project.provide('pgTemplate', template.name);
  return async () => {
    lite.remove();
    await template.drop();
    cluster?.stop();
  };
}
