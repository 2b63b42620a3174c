// The database-table queue on every dialect: retries with backoff, giving up, lease expiry,
// payload validation, cancellation, and (PostgreSQL) two workers never running a job twice.
import { Type } from '@sinclair/typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';
import { jobsRepository } from '../../src/db/repositories/jobs.repository.ts';
import type { Clock } from '../../src/domain/common/clock.ts';
import { defineJob } from '../../src/jobs/definition.ts';
import { createDatabaseQueue } from '../../src/jobs/queue.ts';
import { createJobRunner } from '../../src/jobs/runner.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../helpers/db.ts';

function fakeClock(start = Date.parse('2026-11-24T10:00:00.000Z')) {
  let t = start;
  const clock: Clock & { advance(ms: number): void } = {
    now: () => new Date(t),
    advance(ms) {
      t += ms;
    },
  };
  return clock;
}

describe.each(testDialects())('the job queue on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
  });
  afterAll(async () => database.drop());

  it('retries a failing job with growing waits, then marks it failed', async () => {
    const clock = fakeClock();
    const queue = createDatabaseQueue(database.handle);
    let calls = 0;
    const flaky = defineJob({
      name: 'test.always-fails',
      version: 1,
      payload: Type.Object({ n: Type.Integer() }),
      async handle() {
        calls++;
        throw new Error('the far side is down');
      },
    });
    const runner = createJobRunner({
      queue,
      definitions: [flaky],
      clock,
      backoff: { baseMs: 1000, capMs: 60_000 },
      random: () => 1,
    });
    const id = (await queue.enqueue(
      { name: flaky.name, payload: { n: 1 }, runAt: clock.now().toISOString(), maxAttempts: 3 },
      clock.now().toISOString(),
    ))!;

    const waits: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect(await runner.runDue()).toBe(1);
      const row = (await queue.find(id))!;
      expect(row.attempts).toBe(attempt);
      if (attempt < 3) {
        expect(row.status).toBe('pending');
        expect(row.last_error).toContain('the far side is down');
        const wait = Date.parse(row.run_at) - clock.now().getTime();
        waits.push(wait);
        // Not due yet: nothing runs.
        clock.advance(wait - 1);
        expect(await runner.runDue()).toBe(0);
        clock.advance(1);
      } else {
        expect(row.status).toBe('failed');
        expect(row.locked_by).toBeNull();
      }
    }
    expect(calls).toBe(3);
    expect(waits).toEqual([1000, 2000]);
    // A failed job is never picked up again.
    clock.advance(3_600_000);
    expect(await runner.runDue()).toBe(0);
  });

  it('keeps jitter inside the exponential step', async () => {
    const { backoffDelayMs } = await import('../../src/jobs/backoff.ts');
    const policy = { baseMs: 1000, capMs: 10_000 };
    for (let attempt = 1; attempt <= 8; attempt++) {
      const step = Math.min(10_000, 1000 * 2 ** (attempt - 1));
      for (const r of [0, 0.3, 0.999]) {
        const d = backoffDelayMs(attempt, policy, () => r);
        expect(d).toBeGreaterThanOrEqual(step / 2);
        expect(d).toBeLessThanOrEqual(step);
      }
    }
  });

  it('runs a job again when the worker that claimed it died (its lease ran out)', async () => {
    const clock = fakeClock();
    const queue = createDatabaseQueue(database.handle);
    const handled: string[] = [];
    const job = defineJob({
      name: 'test.lease',
      version: 1,
      payload: Type.Object({ tag: Type.String() }),
      async handle(p) {
        handled.push(p.tag);
      },
    });
    const id = (await queue.enqueue(
      { name: job.name, payload: { tag: 'once' }, runAt: clock.now().toISOString() },
      clock.now().toISOString(),
    ))!;
    // A worker claims it and then dies without finishing.
    const claimed = await queue.claim('dead-worker', clock.now(), 30_000, 10);
    expect(claimed.map((j) => j.id)).toEqual([id]);

    const survivor = createJobRunner({
      queue,
      definitions: [job],
      clock,
      workerId: 'survivor',
      leaseMs: 30_000,
    });
    expect(await survivor.runDue()).toBe(0);
    clock.advance(29_000);
    expect(await survivor.runDue()).toBe(0);
    clock.advance(1_001);
    expect(await survivor.runDue()).toBe(1);
    expect(handled).toEqual(['once']);
    const row = (await queue.find(id))!;
    expect(row).toMatchObject({ status: 'done', attempts: 2, locked_by: null });
    // The dead worker cannot mark it afterwards.
    expect(await queue.complete(claimed[0]!, 'dead-worker', clock.now())).toBe(false);
    expect(await survivor.runDue()).toBe(0);
  });

  it('fails a job at once when its payload does not match the schema or the version is unknown', async () => {
    const clock = fakeClock();
    const queue = createDatabaseQueue(database.handle);
    let calls = 0;
    const strict = defineJob({
      name: 'test.strict',
      version: 2,
      payload: Type.Object(
        { id: Type.String({ format: 'uuid' }) },
        { additionalProperties: false },
      ),
      async handle() {
        calls++;
      },
    });
    const runner = createJobRunner({ queue, definitions: [strict], clock });
    const now = clock.now().toISOString();
    const bad = (await queue.enqueue(
      { name: strict.name, version: 2, payload: { id: 42 }, runAt: now },
      now,
    ))!;
    const old = (await queue.enqueue(
      { name: strict.name, version: 1, payload: { id: 'x' }, runAt: now },
      now,
    ))!;
    const unknown = (await queue.enqueue(
      { name: 'test.nobody-handles-this', payload: {}, runAt: now },
      now,
    ))!;
    expect(await runner.runDue()).toBe(3);
    for (const id of [bad, old, unknown]) {
      const row = (await queue.find(id))!;
      expect(row.status).toBe('failed');
      expect(row.attempts).toBe(1);
    }
    expect((await queue.find(bad))!.last_error).toContain('schema');
    expect(calls).toBe(0);
  });

  it('lets a handler see that its job was cancelled meanwhile, and does not mark it done', async () => {
    const clock = fakeClock();
    const queue = createDatabaseQueue(database.handle);
    const jobs = jobsRepository(database.handle.db);
    let sawCancel = false;
    const job = defineJob({
      name: 'test.cancel',
      version: 1,
      payload: Type.Object({}),
      async handle(_p, run) {
        await jobs.cancelPendingByKeyPrefix('callin:case-1:', clock.now().toISOString());
        sawCancel = !(await run.stillWanted());
      },
    });
    const now = clock.now().toISOString();
    const id = (await queue.enqueue(
      { name: job.name, payload: {}, runAt: now, dedupeKey: 'callin:case-1:msg' },
      now,
    ))!;
    const runner = createJobRunner({ queue, definitions: [job], clock });
    expect(await runner.runDue()).toBe(1);
    expect(sawCancel).toBe(true);
    expect((await queue.find(id))!.status).toBe('cancelled');
  });
});

describe.runIf(testDialects().includes('postgres'))('two workers on PostgreSQL', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
  });
  afterAll(async () => database.drop());

  it('never run the same job twice (200 jobs, 2 runners, separate connection pools)', async () => {
    const clock: Clock = { now: () => new Date() };
    const seen = new Map<number, number>();
    const byRunner: Record<string, number> = { a: 0, b: 0 };
    const job = defineJob({
      name: 'test.count',
      version: 1,
      payload: Type.Object({ n: Type.Integer() }),
      async handle(p, run) {
        seen.set(p.n, (seen.get(p.n) ?? 0) + 1);
        byRunner[run.job.locked_by!] = (byRunner[run.job.locked_by!] ?? 0) + 1;
        await new Promise((r) => setTimeout(r, 1));
      },
    });
    const enqueue = createDatabaseQueue(database.handle);
    const at = new Date(Date.now() - 1000).toISOString();
    for (let n = 0; n < 200; n++)
      await enqueue.enqueue({ name: job.name, payload: { n }, runAt: at }, at);

    const url = database.env.DATABASE_URL!;
    const handles = [
      openDatabase({ databaseUrl: url, dataDir: database.dataDir, poolSize: 4 }),
      openDatabase({ databaseUrl: url, dataDir: database.dataDir, poolSize: 4 }),
    ];
    try {
      const runners = ['a', 'b'].map((workerId, i) =>
        createJobRunner({
          queue: createDatabaseQueue(handles[i]!),
          definitions: [job],
          clock,
          workerId,
          batchSize: 5,
        }),
      );
      const drain = async (r: (typeof runners)[number]) => {
        for (let idle = 0; idle < 3;) idle = (await r.runDue()) === 0 ? idle + 1 : 0;
      };
      await Promise.all(runners.map(drain));
    } finally {
      await Promise.all(handles.map((h) => h.close()));
    }
    expect(seen.size).toBe(200);
    expect([...seen.values()].every((c) => c === 1)).toBe(true);
    expect(byRunner.a! + byRunner.b!).toBe(200);
    expect(byRunner.a).toBeGreaterThan(0);
    expect(byRunner.b).toBeGreaterThan(0);
    const rows = await database.handle.db
      .selectFrom('jobs')
      .select(['status'])
      .where('name', '=', job.name)
      .execute();
    expect(rows.every((r) => r.status === 'done')).toBe(true);
  });
});
