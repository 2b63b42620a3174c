// The same API measurements on PostgreSQL, for information (the targets are for the
// embedded database): a throwaway cluster with production durability (fsync and synchronous
// commit on), seeded like the SQLite run, `callin start` with DATABASE_URL, and the cluster's
// own rate of single-row durable commits from one client over loopback.
import pg from 'pg';
import { loadConfig } from '../../src/config/env.ts';
import { findPgBin, startPgCluster } from '../../test/setup/pg-cluster.ts';
import { timeCommits, type CommitRate } from './durable-commit.ts';
import { runLoad, type LoadResult } from './load.ts';
import { root, startCallin } from './processes.ts';
import { seed } from './seed.ts';

export interface PostgresFigures {
  seedSeconds: number;
  inbox: LoadResult;
  raise: LoadResult;
  durable: CommitRate;
}

export const postgresAvailable = () => findPgBin() !== null;

async function measurePgCommits(url: string, seconds: number): Promise<CommitRate> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      'create table if not exists bench_commit (id bigserial primary key, v text not null, at text not null)',
    );
    const one = () =>
      client.query('insert into bench_commit (v, at) values ($1, $2)', [
        'a small row, like an audit entry',
        new Date().toISOString(),
      ]);
    for (let i = 0; i < 50; i++) await one();
    return await timeCommits(one, seconds);
  } finally {
    await client.query('drop table if exists bench_commit');
    await client.end();
  }
}

export async function measurePostgres(o: {
  env: Record<string, string>;
  concerns: number;
  seconds: number;
  warmUpSeconds: number;
  connections: number;
  raiseBody: string;
}): Promise<PostgresFigures> {
  const cluster = await startPgCluster({ durable: true });
  try {
    const admin = new pg.Client({ connectionString: cluster.adminUrl });
    await admin.connect();
    await admin.query('create database bench');
    await admin.end();
    const url = cluster.adminUrl.replace(/\/postgres$/, '/bench');
    const env = { ...o.env, DATABASE_URL: url };
    const seeded = await seed(loadConfig(env, root), o.concerns);
    const stats = new pg.Client({ connectionString: url });
    await stats.connect();
    await stats.query('analyze');
    await stats.end();

    const server = await startCallin(env, seeded.communityId);
    const base = server.concerns;
    const bearer = { authorization: `Bearer ${seeded.apiToken}` };
    const load = {
      connections: o.connections,
      seconds: o.seconds,
      warmUpSeconds: o.warmUpSeconds,
      pid: server.child.pid,
    };
    let inbox: LoadResult, raise: LoadResult, before: CommitRate, after: CommitRate;
    try {
      inbox = await runLoad({ ...load, url: base, headers: bearer });
      before = await measurePgCommits(url, o.seconds / 2);
      raise = await runLoad({
        ...load,
        url: base,
        method: 'POST',
        headers: { ...bearer, 'content-type': 'application/json' },
        body: o.raiseBody,
      });
      after = await measurePgCommits(url, o.seconds / 2);
    } finally {
      await server.stop();
    }
    return {
      seedSeconds: seeded.seconds,
      inbox,
      raise,
      durable: {
        commits: before.commits + after.commits,
        seconds: before.seconds + after.seconds,
        perSecond: (before.perSecond + after.perSecond) / 2,
        p50Ms: (before.p50Ms + after.p50Ms) / 2,
        p99Ms: Math.max(before.p99Ms, after.p99Ms),
      },
    };
  } finally {
    cluster.stop();
  }
}
