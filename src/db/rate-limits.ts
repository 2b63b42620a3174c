// Fixed-window counters in the database, so every process on one database counts together
// (two `callin start` behind a load balancer share sign-in and form limits). One statement per
// hit: an upsert that starts a new window when the old one is over, and says how many hits the
// window holds.
import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

export interface WindowCount {
  hits: number;
  /** Milliseconds until the window ends. */
  resetInMs: number;
}

export interface SharedCounters {
  /** Counts one hit for `key` in a window of `windowMs`, and returns the window's count. */
  hit(key: string, windowMs: number, nowMs?: number): Promise<WindowCount>;
  /** Forgets windows that ended before `beforeMs`. */
  prune(beforeMs: number): Promise<number>;
}

/** A bucket names the limit and who it counts without keeping an address or email. */
export function bucketOf(key: string): string {
  return crypto.createHash('sha256').update(key).digest('base64url').slice(0, 32);
}

export function sharedCounters(db: Kysely<Database>): SharedCounters {
  let hitsSincePrune = 0;
  const prune = async (beforeMs: number) => {
    const r = await db
      .deleteFrom('rate_limits')
      .where('window_start', '<', beforeMs)
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  };
  return {
    async hit(key, windowMs, nowMs = Date.now()) {
      const bucket = bucketOf(key);
      const row = await sql<{ hits: number | string; window_start: number | string }>`
        insert into rate_limits (bucket, window_start, hits) values (${bucket}, ${nowMs}, 1)
        on conflict (bucket) do update set
          hits = case when rate_limits.window_start + ${windowMs} <= ${nowMs}
            then 1 else rate_limits.hits + 1 end,
          window_start = case when rate_limits.window_start + ${windowMs} <= ${nowMs}
            then ${nowMs} else rate_limits.window_start end
        returning hits, window_start`.execute(db);
      const r = row.rows[0]!;
      // Old windows are cleared now and then, by whoever happens to count.
      if (++hitsSincePrune >= 1_000) {
        hitsSincePrune = 0;
        await prune(nowMs - 24 * 3_600_000);
      }
      return {
        hits: Number(r.hits),
        resetInMs: Math.max(0, Number(r.window_start) + windowMs - nowMs),
      };
    },
    prune,
  };
}
