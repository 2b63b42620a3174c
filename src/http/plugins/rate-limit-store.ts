// Where @fastify/rate-limit keeps its counts. Sign-in, public forms and the other strict limits
// always count in the database (src/db/rate-limits.ts), so every process on one database counts
// together; the general API limit does too on PostgreSQL, where several servers may share the
// data. On SQLite, whose one server serves everything, the general limit stays in memory: a
// write per request would cost every request a disk sync.
import type { SharedCounters } from '../../db/rate-limits.ts';

interface Counted {
  current: number;
  ttl: number;
}
type Callback = (error: Error | null, result?: Counted) => void;

interface RouteInfo {
  method?: string | string[];
  url?: string;
}

/** The store class the plugin instantiates: a general store and one child per limited route. */
export function rateLimitStore(counters: SharedCounters, options: { shareGeneral: boolean }) {
  const local = new Map<string, { hits: number; start: number }>();
  return class RateLimitStore {
    readonly scope: string | null;
    readonly windowMs: number | null;

    // The plugin passes its merged options (its types say less than it passes).
    constructor(params: unknown = {}, scope: string | null = null) {
      const { timeWindow } = (params ?? {}) as { timeWindow?: unknown };
      this.scope = scope;
      this.windowMs = typeof timeWindow === 'number' ? timeWindow : null;
    }

    incr(key: string, callback: Callback, timeWindow?: number): void {
      const now = Date.now();
      const windowMs = timeWindow ?? this.windowMs ?? 60_000;
      if (this.scope === null && !options.shareGeneral) {
        // In memory, bounded: a window per address, forgotten when it ends.
        let w = local.get(key);
        if (!w || w.start + windowMs <= now) {
          if (local.size >= 50_000) local.clear();
          w = { hits: 0, start: now };
          local.set(key, w);
        }
        w.hits++;
        callback(null, { current: w.hits, ttl: w.start + windowMs - now });
        return;
      }
      counters
        .hit(`rate:${this.scope ?? 'api'}:${key}`, windowMs, now)
        .then((c) => callback(null, { current: c.hits, ttl: c.resetInMs }))
        .catch((e: unknown) => callback(e instanceof Error ? e : new Error(String(e))));
    }

    child(routeOptions: unknown) {
      const info = (routeOptions as { routeInfo?: RouteInfo }).routeInfo ?? {};
      const method = Array.isArray(info.method) ? info.method.join(',') : (info.method ?? '');
      return new RateLimitStore(routeOptions, `${method} ${info.url ?? ''}`);
    }
  };
}
