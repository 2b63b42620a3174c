import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateToLatest, migrationNames } from '../src/db/migrate.ts';
import { createTestDatabase, testDialects } from './helpers/db.ts';

describe.each(testDialects())('storage on %s', (dialect) => {
  it('migrates an empty database forward, and a second run applies nothing', async () => {
    const t = await createTestDatabase(dialect, { migrate: false });
    try {
      const first = await migrateToLatest(t.handle.db);
      expect(first.applied).toEqual(migrationNames());
      const second = await migrateToLatest(t.handle.db);
      expect(second.applied).toEqual([]);
      const tables = await t.handle.db.introspection.getTables();
      const names = tables.map((x) => x.name);
      for (const table of ['users', 'communities', 'concerns', 'audit_log', 'sessions']) {
        expect(names).toContain(table);
      }
    } finally {
      await t.drop();
    }
  });

  it.runIf(dialect === 'sqlite')(
    'runs SQLite in WAL mode with full sync and foreign keys on',
    async () => {
      const t = await createTestDatabase(dialect);
      try {
        const { rows } = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(
          t.handle.db,
        );
        expect(rows[0]?.journal_mode).toBe('wal');
        const sync = await sql<{ synchronous: number }>`pragma synchronous`.execute(t.handle.db);
        expect(sync.rows[0]?.synchronous).toBe(2);
        const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(t.handle.db);
        expect(fk.rows[0]?.foreign_keys).toBe(1);
      } finally {
        await t.drop();
      }
    },
  );
});
