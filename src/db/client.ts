// The one place that picks the database. Everything above this file is dialect-agnostic.
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { createReadCache, noReadCache, type ReadCache } from './read-cache.ts';
import type { Database } from './schema.ts';

export type DialectName = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: DialectName;
  /** Where the embedded database lives (SQLite only). */
  file: string | null;
  /** Hot reads kept until anything is written (SQLite); a pass-through on PostgreSQL. */
  readCache: ReadCache;
  /** A consistent online copy of the embedded database (SQLite only). */
  backup(destination: string): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl: string | null;
  dataDir: string;
  /** Override the SQLite file name (tests use one file per test). */
  sqliteFile?: string;
  poolSize?: number;
  /** Keep hot reads until something is written (SQLite only; default on). */
  readCache?: boolean;
}

export const SQLITE_FILE_NAME = 'callin.sqlite';

export function openDatabase(options: DatabaseOptions): DatabaseHandle {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openSqlite(
    options.sqliteFile ?? path.join(options.dataDir, SQLITE_FILE_NAME),
    options.readCache ?? true,
  );
}

function openSqlite(file: string, keepReads: boolean): DatabaseHandle {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const raw = new SQLite(file);
  // Case content is encrypted, but the rest is still private: owner-only access.
  fs.chmodSync(file, 0o600);
  // Acknowledged writes survive a crash: WAL with a full sync on every commit.
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.pragma('foreign_keys = ON');
  // Erased and purged content is overwritten, not left in free pages of the file.
  raw.pragma('secure_delete = ON');
  raw.pragma('busy_timeout = 5000');
  const statements = withStatementCache(raw);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: statements }) });
  const dataVersion = raw.prepare('pragma data_version').pluck();
  // Asking SQLite costs a few microseconds (it opens a read transaction), so ask once per
  // turn of the event loop: another process's commit shows from the next turn on.
  let otherCommits: number | null = null;
  const forget = () => {
    otherCommits = null;
  };
  return {
    db,
    dialect: 'sqlite',
    file,
    readCache: keepReads
      ? createReadCache({
          localWrites: () => statements.writes,
          otherCommits: () => {
            if (otherCommits === null) {
              otherCommits = dataVersion.get() as number;
              setImmediate(forget);
            }
            return otherCommits;
          },
        })
      : noReadCache,
    async backup(destination) {
      fs.mkdirSync(path.dirname(destination), { recursive: true, mode: 0o700 });
      // Owner-only from the first byte: the copy holds everything the database does.
      fs.writeFileSync(destination, '', { mode: 0o600 });
      await raw.backup(destination);
    },
    async close() {
      await db.destroy();
    },
  };
}

/**
 * Kysely prepares every statement anew; preparing costs far more than running a small one.
 * The same SQL text always yields the same statement, so keep the prepared ones (bounded).
 * Kysely asks for the statement each time it runs one, so this is also where writes are
 * counted (for the read cache): a statement that can change the database counts as it is
 * handed out, before it runs.
 */
function withStatementCache(raw: SQLite.Database, limit = 500) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    writes: 0,
    close: () => raw.close(),
    prepare(sqlText: string) {
      let statement = cache.get(sqlText);
      if (!statement) {
        if (cache.size >= limit) cache.clear();
        statement = raw.prepare(sqlText);
        cache.set(sqlText, statement);
      }
      if (!statement.readonly) this.writes++;
      return statement;
    },
  };
}

function openPostgres(url: string, max: number): DatabaseHandle {
  const pool = new pg.Pool({ connectionString: url, max });
  // A client that loses its connection (the server stopped, the network dropped) must not take
  // the process down: idle ones report to the pool, and every client gets a listener of its own
  // for the moment it is checked out. The query in flight still fails, and the health check says
  // why (src/db/storage-health.ts).
  pool.on('error', () => undefined);
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    dialect: 'postgres',
    file: null,
    readCache: noReadCache,
    async backup() {
      throw new Error(
        'Use pg_dump to back up PostgreSQL; `callin backup` covers the embedded database.',
      );
    },
    async close() {
      await db.destroy();
    },
  };
}

/**
 * Serialises writers of a chain (the audit log) inside a transaction. SQLite already runs one
 * writer at a time through its single connection; PostgreSQL takes a transaction-scoped
 * advisory lock.
 */
export async function lockChain(
  trx: Kysely<Database>,
  dialect: DialectName,
  key: number,
): Promise<void> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${key})`.execute(trx);
}
