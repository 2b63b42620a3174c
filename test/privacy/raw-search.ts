// Reads every row of every table straight from the database (no API, no repositories), for
// checking that erased personal data is gone everywhere.
import { sql } from 'kysely';
import type { DatabaseHandle } from '../../src/db/client.ts';

export async function dumpDatabase(handle: DatabaseHandle): Promise<Record<string, unknown[]>> {
  const tables =
    handle.dialect === 'sqlite'
      ? (
          await sql<{
            name: string;
          }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(
            handle.db,
          )
        ).rows.map((r) => r.name)
      : (
          await sql<{
            name: string;
          }>`select table_name as name from information_schema.tables where table_schema = 'public'`.execute(
            handle.db,
          )
        ).rows.map((r) => r.name);
  const out: Record<string, unknown[]> = {};
  for (const t of tables)
    out[t] = (
      await sql<Record<string, unknown>>`select * from ${sql.table(t)}`.execute(handle.db)
    ).rows;
  return out;
}

/** Tables (and the first matching row) whose raw contents mention any of the needles. */
export async function findMentions(handle: DatabaseHandle, needles: string[]): Promise<string[]> {
  const dump = await dumpDatabase(handle);
  const hits: string[] = [];
  for (const [table, rows] of Object.entries(dump)) {
    for (const row of rows) {
      const text = JSON.stringify(row).toLowerCase();
      const found = needles.find((n) => text.includes(n.toLowerCase()));
      if (found) {
        hits.push(`${table}: ${found}`);
        break;
      }
    }
  }
  return hits;
}
