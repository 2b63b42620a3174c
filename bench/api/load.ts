// One load generator for every target: autocannon over keep-alive connections to 127.0.0.1,
// for a bounded time. A short warm-up run is thrown away first.
import autocannon from 'autocannon';
import { cpuSeconds } from './processes.ts';

export interface LoadOptions {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  connections: number;
  seconds: number;
  warmUpSeconds: number;
  /** The server's process id, to measure its CPU time per request. */
  pid?: number | undefined;
}

export interface LoadResult {
  perSecond: number;
  ok: number;
  failed: number;
  seconds: number;
  p50Ms: number;
  p99Ms: number;
  /** Server CPU time (user + system) per successful request, in microseconds. */
  cpuUs: number | null;
}

export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  if (new URL(o.url).hostname !== '127.0.0.1')
    throw new Error('The benchmark only loads 127.0.0.1.');
  const base = {
    url: o.url,
    method: o.method ?? 'GET',
    headers: o.headers ?? {},
    ...(o.body === undefined ? {} : { body: o.body }),
    connections: o.connections,
    pipelining: 1,
    timeout: 10,
  } as const;
  if (o.warmUpSeconds > 0) await autocannon({ ...base, duration: o.warmUpSeconds });
  const cpuBefore = cpuSeconds(o.pid);
  const r = await autocannon({ ...base, duration: o.seconds });
  const cpuAfter = cpuSeconds(o.pid);
  return {
    perSecond: r['2xx'] / r.duration,
    ok: r['2xx'],
    failed: r.non2xx + r.errors + r.timeouts,
    seconds: r.duration,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    cpuUs:
      cpuBefore === null || cpuAfter === null || r['2xx'] === 0
        ? null
        : ((cpuAfter - cpuBefore) * 1e6) / r['2xx'],
  };
}
