// Group commit for the embedded database. SQLite has one writer and every commit waits for
// the disk (synchronous=FULL), so transactions that arrive together share one commit: each
// runs in its own savepoint (a failure rolls back only its own work), and each caller hears
// back only after the shared commit is on disk. PostgreSQL needs none of this.
// A transaction must not start another one and wait for it: it would wait for itself. (No
// AsyncLocalStorage guard: in Node 20 it puts a hook on every promise in the process.)
import { sql, type ControlledTransaction, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema.ts';

interface Pending {
  work: (trx: Transaction<Database>) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** Most transactions one commit carries, so a burst never makes one commit very long. */
const MAX_BATCH = 64;

export function createGroupCommitter(db: Kysely<Database>) {
  let queue: Pending[] = [];
  let running = false;

  async function flush(): Promise<void> {
    running = true;
    while (queue.length > 0) {
      const batch = queue.slice(0, MAX_BATCH);
      queue = queue.slice(MAX_BATCH);
      const outcomes: Outcome[] = [];
      // The error that ended the whole transaction, when one did. SQLite rolls a transaction
      // back by itself on some failures (a full disk, an I/O error); the rollback that follows
      // then fails too, and its error must not hide the real one. So the transaction is
      // controlled here rather than by Kysely's execute(), which rethrows the rollback's error.
      let fatal: { error: unknown } | null = null;
      let trx: ControlledTransaction<Database> | null = null;
      try {
        trx = await db.startTransaction().execute();
        for (const item of batch) {
          await sql`savepoint batch_item`.execute(trx);
          try {
            const value = await item.work(trx);
            await sql`release savepoint batch_item`.execute(trx);
            outcomes.push({ ok: true, value });
          } catch (error) {
            try {
              await sql`rollback to savepoint batch_item`.execute(trx);
              await sql`release savepoint batch_item`.execute(trx);
            } catch {
              fatal = { error };
              throw error;
            }
            outcomes.push({ ok: false, error });
          }
        }
        await trx.commit().execute();
      } catch (error) {
        // The shared commit failed: nothing in this batch was written.
        try {
          // Releases the connection even when SQLite already rolled back.
          if (trx && !trx.isCommitted) await trx.rollback().execute();
        } catch {
          /* the transaction was already gone */
        }
        const reason = (fatal as { error: unknown } | null)?.error ?? error;
        for (const item of batch) item.reject(reason);
        continue;
      }
      batch.forEach((item, i) => {
        const o = outcomes[i]!;
        if (o.ok) item.resolve(o.value);
        else item.reject(o.error);
      });
    }
    running = false;
  }

  return function run<T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      queue.push({ work, resolve: resolve as (v: unknown) => void, reject });
      if (!running) setImmediate(() => void flush());
      running = true;
    });
  };
}
