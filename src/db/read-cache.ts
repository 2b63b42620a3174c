// Answers to a few hot reads (who a session or API token belongs to, a membership, a page of
// the organizer inbox), kept until anything at all is written to the database.
//
// Embedded database only. Every write this process makes goes through one connection, whose
// statements are counted as they are prepared; `PRAGMA data_version` changes whenever another
// connection commits (`callin worker`, the CLI, a second process), and is asked once per turn
// of the event loop. A kept answer is given only while both are what they were when it was
// read: never older than this process's own writes, and than another process's commits from
// the next turn of the event loop on.
// Reads inside a transaction never use it. PostgreSQL has no such counter: no cache there.

export interface ReadCache {
  /** `load()`'s answer for `key`, or the kept one if nothing was written since it was read. */
  read<T>(key: string, load: () => Promise<T>): Promise<T>;
}

export const noReadCache: ReadCache = { read: (_key, load) => load() };

/** Where the cache learns whether anything was written: two counters that only go up. */
export interface WriteCounters {
  /** Writing statements this process has run on its connection. */
  localWrites(): number;
  /** Changes when another connection or process commits. */
  otherCommits(): number;
}

interface Entry {
  local: number;
  other: number;
  value: unknown;
}

/**
 * Kept answers are frozen and shared between requests: callers must not change them. Code that
 * derives something from a frozen answer may keep the result beside it (a WeakMap keyed by the
 * answer), since the answer will not change.
 */
export function createReadCache(counters: WriteCounters, limit = 2_000): ReadCache {
  const entries = new Map<string, Entry>();
  return {
    async read<T>(key: string, load: () => Promise<T>): Promise<T> {
      // Read the counters before loading: a write that lands during the load makes the kept
      // answer look older than it is, never newer.
      const local = counters.localWrites();
      const other = counters.otherCommits();
      const hit = entries.get(key);
      if (hit && hit.local === local && hit.other === other) return hit.value as T;
      const value = freezeRows(await load());
      if (entries.size >= limit) entries.clear();
      entries.set(key, { local, other, value });
      return value;
    },
  };
}

/** Kept answers are records (or lists of them): each is frozen with the lists inside it. */
function freezeRows<T>(value: T): T {
  if (Array.isArray(value)) {
    for (const record of value) freezeRecord(record);
    Object.freeze(value);
  } else freezeRecord(value);
  return value;
}

function freezeRecord(record: unknown): void {
  if (record === null || typeof record !== 'object') return;
  for (const field of Object.values(record)) {
    if (field !== null && typeof field === 'object') Object.freeze(field);
  }
  Object.freeze(record);
}
