// Whether the database can still commit a write, for `GET /api/health` (product.md: 503 while
// it cannot, "ok" again once it can, without a restart). A read is not enough: a full disk or a
// read-only volume still answers `select 1`. So the check commits one tiny row now and then,
// and any real write that fails for a storage reason is reported here at once.
import type { StorageFailure } from '../contract/vocabulary.ts';
import type { DatabaseHandle } from './client.ts';

export type StorageState = { ok: true } | { ok: false; reason: StorageFailure };

export interface StorageHealth {
  /** The current state; probes with a real write when the last answer is old enough. */
  check(): Promise<StorageState>;
  /** A real write failed for a storage reason: say so until a probe succeeds. */
  report(reason: StorageFailure): void;
}

export interface StorageHealthOptions {
  /** How long an "ok" holds before the next probe (writes cost an fsync). */
  okForMs?: number;
  /** How long a failure holds before the next probe. */
  failedForMs?: number;
  /** A probe that takes longer than this counts as an unreachable database. */
  timeoutMs?: number;
  now?: () => number;
}

const sqliteReasons: [RegExp, StorageFailure][] = [
  [/^SQLITE_FULL/, 'disk-full'],
  [/^SQLITE_READONLY/, 'read-only'],
  [/^SQLITE_(CANTOPEN|NOTADB)/, 'database-unreachable'],
  [/^SQLITE_(IOERR|BUSY|LOCKED|PROTOCOL)/, 'write-failed'],
];

const networkCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/**
 * The storage reason behind an error from either database, or null when the error is about
 * something else (a constraint, a bug). Only the error's code is read, never its text about data.
 */
export function classifyStorageError(error: unknown): StorageFailure | null {
  if (!error || typeof error !== 'object') return null;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (code.startsWith('SQLITE_')) {
      for (const [pattern, reason] of sqliteReasons) if (pattern.test(code)) return reason;
      return null;
    }
    if (code === 'ENOSPC') return 'disk-full';
    if (code === 'EROFS') return 'read-only';
    // Only a connection the server made (it names the system call): a browser that hangs up
    // mid-request also reports ECONNRESET, and that says nothing about the database.
    if (networkCodes.has(code))
      return typeof (error as { syscall?: unknown }).syscall === 'string'
        ? 'database-unreachable'
        : null;
    // PostgreSQL SQLSTATEs: 53100 disk full, 25006 read-only transaction, class 08 connection
    // exceptions, 57P01-57P03 shutting down or not accepting connections, 53300 too many clients.
    if (code === '53100') return 'disk-full';
    if (code === '25006') return 'read-only';
    if (/^08/.test(code) || /^57P0[1-3]$/.test(code) || code === '53300')
      return 'database-unreachable';
    if (code === '58030') return 'write-failed';
    return null;
  }
  // node-postgres reports a dropped connection without a code.
  const message = (error as { message?: unknown }).message;
  if (
    typeof message === 'string' &&
    /^(Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect)/.test(
      message,
    )
  )
    return 'database-unreachable';
  return null;
}

const monitors = new WeakMap<DatabaseHandle, StorageHealth>();

/** The one monitor of a database handle (the health route and the error handler share it). */
export function storageHealthOf(
  handle: DatabaseHandle,
  options?: StorageHealthOptions,
): StorageHealth {
  let monitor = monitors.get(handle);
  if (!monitor) {
    monitor = createStorageHealth(handle, options);
    monitors.set(handle, monitor);
  }
  return monitor;
}

export function createStorageHealth(
  handle: DatabaseHandle,
  {
    okForMs = 5_000,
    failedForMs = 500,
    timeoutMs = 3_000,
    now = Date.now,
  }: StorageHealthOptions = {},
): StorageHealth {
  let state: StorageState = { ok: true };
  let checkedAt = Number.NEGATIVE_INFINITY;
  let running: Promise<StorageState> | null = null;

  async function probe(): Promise<StorageState> {
    let timer: NodeJS.Timeout | undefined;
    const write = handle.db
      .insertInto('health_probe')
      .values({ id: 1, checked_at: new Date(now()).toISOString() })
      .onConflict((oc) =>
        oc.column('id').doUpdateSet({ checked_at: (eb) => eb.ref('excluded.checked_at') }),
      )
      .execute();
    try {
      await Promise.race([
        write,
        new Promise((_, reject) => {
          timer = setTimeout(
            () => reject(Object.assign(new Error('probe timed out'), { code: 'ETIMEDOUT' })),
            timeoutMs,
          );
        }),
      ]);
      return { ok: true };
    } catch (e) {
      // A late answer must not surface as an unhandled rejection.
      write.catch(() => undefined);
      return { ok: false, reason: classifyStorageError(e) ?? 'write-failed' };
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    async check() {
      const age = now() - checkedAt;
      if (age < (state.ok ? okForMs : failedForMs)) return state;
      running ??= probe().then((s) => {
        state = s;
        checkedAt = now();
        running = null;
        return s;
      });
      return running;
    },
    report(reason) {
      state = { ok: false, reason };
      checkedAt = now();
    },
  };
}
