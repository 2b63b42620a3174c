// Starts a throwaway PostgreSQL cluster for the whole test run and stops it afterwards.
// Each test file then creates its own database in it (see test/helpers/db.ts).
import type { TestProject } from 'vitest/node';
import { startPgCluster } from './pg-cluster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string | null;
  }
}

export function wantedDialects(): ('sqlite' | 'postgres')[] {
  const raw = process.env.CALLIN_TEST_DIALECTS ?? 'sqlite,postgres';
  return raw.split(',').map((d) => d.trim()) as ('sqlite' | 'postgres')[];
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
  const cluster = await startPgCluster({ durable: false });
  project.provide('pgAdminUrl', cluster.adminUrl);
  return () => cluster.stop();
}
