// Forward-only migrations, run at start-up, by `callin migrate`, and for every test database.
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as foundation from './migrations/2026-11-24T00-00-foundation.ts';
import * as jobs from './migrations/2026-11-24T01-00-jobs.ts';
import * as callIns from './migrations/2026-11-24T02-00-call-ins.ts';
import * as retentionCounts from './migrations/2026-11-24T03-00-retention-counts.ts';
import * as followSelector from './migrations/2026-11-30T00-00-follow-selector.ts';
import * as retentionTotals from './migrations/2026-11-30T01-00-retention-totals.ts';
import * as healthProbe from './migrations/2026-12-01T00-00-health-probe.ts';
import * as auditKeyId from './migrations/2026-12-01T01-00-audit-key-id.ts';
import * as rateLimits from './migrations/2026-12-01T02-00-rate-limits.ts';
import * as conflicts from './migrations/2026-12-01T10-00-conflicts.ts';
import * as acts from './migrations/2026-12-01T11-00-acts.ts';
import * as accounts from './migrations/2026-12-01T14-00-accounts.ts';
import * as notices from './migrations/2026-12-01T15-00-notices.ts';
import * as subjects from './migrations/2026-12-01T16-00-subjects.ts';
import * as statuses from './migrations/2026-12-01T16-20-statuses.ts';
import * as reporter from './migrations/2026-12-01T16-25-reporter.ts';
import * as coach from './migrations/2026-12-01T16-30-coach.ts';

const migrations: Record<string, Migration> = {
  '2026-11-24T00-00-foundation': foundation,
  '2026-11-24T01-00-jobs': jobs,
  '2026-11-24T02-00-call-ins': callIns,
  '2026-11-24T03-00-retention-counts': retentionCounts,
  '2026-11-30T00-00-follow-selector': followSelector,
  '2026-11-30T01-00-retention-totals': retentionTotals,
  '2026-12-01T00-00-health-probe': healthProbe,
  '2026-12-01T01-00-audit-key-id': auditKeyId,
  '2026-12-01T02-00-rate-limits': rateLimits,
  '2026-12-01T10-00-conflicts': conflicts,
  '2026-12-01T11-00-acts': acts,
  '2026-12-01T14-00-accounts': accounts,
  '2026-12-01T15-00-notices': notices,
  '2026-12-01T16-00-subjects': subjects,
  '2026-12-01T16-20-statuses': statuses,
  '2026-12-01T16-25-reporter': reporter,
  '2026-12-01T16-30-coach': coach,
};

class StaticProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations;
  }
}

export interface MigrationReport {
  applied: string[];
  total: number;
}

export async function migrateToLatest(db: Kysely<any>): Promise<MigrationReport> {
  const migrator = new Migrator({ db, provider: new StaticProvider() });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error('A migration failed.');
  const failed = results?.find((r) => r.status === 'Error');
  if (failed) throw new Error(`Migration ${failed.migrationName} failed.`);
  return {
    applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName),
    total: Object.keys(migrations).length,
  };
}

/** Migrates up to and including the named migration (tests of a migration on older data). */
export async function migrateTo(db: Kysely<any>, name: string): Promise<void> {
  if (!(name in migrations)) throw new Error(`No migration named ${name}.`);
  const migrator = new Migrator({ db, provider: new StaticProvider() });
  const { error } = await migrator.migrateTo(name);
  if (error) throw error instanceof Error ? error : new Error(`Migrating to ${name} failed.`);
}

export function migrationNames(): string[] {
  return Object.keys(migrations);
}
