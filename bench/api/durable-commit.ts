// The disk's durable-commit rate as the server's SQLite sees it: the same file settings (WAL,
// synchronous=FULL), one small row per transaction, one writer, nothing else going on. No
// server can commit acknowledged writes faster than this on one SQLite file.
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';

/** Runs `commit` one at a time for `seconds` (after it has been warmed up) and times each. */
export async function timeCommits(commit: () => unknown, seconds: number): Promise<CommitRate> {
  const times: number[] = [];
  const started = performance.now();
  const stopAt = started + seconds * 1000;
  for (let now = started; now < stopAt;) {
    // A synchronous commit (better-sqlite3) is not awaited: no extra turn per commit.
    const pending = commit();
    if (pending instanceof Promise) await pending;
    const after = performance.now();
    times.push(after - now);
    now = after;
  }
  const elapsed = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  return {
    commits: times.length,
    seconds: elapsed,
    perSecond: times.length / elapsed,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
  };
}

export interface CommitRate {
  commits: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

export async function measureDurableCommits(dir: string, seconds: number): Promise<CommitRate> {
  const file = path.join(dir, 'durable-commit.sqlite');
  fs.rmSync(file, { force: true });
  const db = new SQLite(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('create table t (id integer primary key, v text not null, at text not null)');
    const insert = db.prepare('insert into t (v, at) values (?, ?)');
    const one = db.transaction((v: string) => insert.run(v, new Date().toISOString()));
    // Warm up the file and the cache first.
    for (let i = 0; i < 50; i++) one('warm-up');
    return await timeCommits(() => one('a small row, like an audit entry'), seconds);
  } finally {
    db.close();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  }
}
