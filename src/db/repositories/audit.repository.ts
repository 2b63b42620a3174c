import type { Kysely } from 'kysely';
import { lockChain, type DialectName } from '../client.ts';
import { precompiled, precompiledInsert } from '../precompiled.ts';
import { auditEntryRow, toAuditEntry, type AuditEntry } from '../records.ts';
import type { AuditEntryRow, Database } from '../schema.ts';

const AUDIT_LOCK_KEY = 7_240_001;

/**
 * How entries are sealed (a keyed MAC; src/domain/audit/audit.ts makes it from the key ring).
 * The repository only carries it, so every workflow that appends gets the same seal.
 */
export interface AuditSeal {
  /** The key new entries are sealed with. */
  readonly keyId: string;
  /** The MAC of `data` under the named key, or null when this installation lacks that key. */
  mac(keyId: string, data: string): string | null;
}

// Every change appends an entry: the two statements of an append are built once.
const lastEntry = precompiled<Record<string, never>, Pick<AuditEntryRow, 'seq' | 'hash'>>((db) =>
  db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1),
);
const insertEntry = precompiledInsert('audit_log', {
  seq: true,
  community_id: true,
  actor_kind: true,
  actor_id: true,
  action: true,
  target_type: true,
  target_id: true,
  at: true,
  prev_hash: true,
  hash: true,
  key_id: true,
  channel: true,
});

export function auditRepository(db: Kysely<Database>, dialect: DialectName, seal: AuditSeal) {
  return {
    seal,
    /** Call inside a transaction before reading the last entry and appending. */
    lock(): Promise<void> {
      return lockChain(db, dialect, AUDIT_LOCK_KEY);
    },
    async last(): Promise<Pick<AuditEntry, 'seq' | 'hash'> | undefined> {
      return (await lastEntry(db, {})).rows[0];
    },
    async insert(entry: AuditEntry): Promise<void> {
      await insertEntry(db, auditEntryRow(entry));
    },
    async hashAt(seq: number): Promise<string | undefined> {
      const row = await db
        .selectFrom('audit_log')
        .select('hash')
        .where('seq', '=', seq)
        .executeTakeFirst();
      return row?.hash;
    },
    /** The newest entry sealed without a key (from before keyed entries), or 0. */
    async lastUnkeyedSeq(): Promise<number> {
      const row = await db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.max('seq').as('seq'))
        .where('key_id', 'is', null)
        .executeTakeFirst();
      return Number(row?.seq ?? 0);
    },
    /** Entries in order, read in pages so a long log never sits in memory at once. */
    async *iterate(pageSize = 1000): AsyncGenerator<AuditEntry> {
      let after = 0;
      for (;;) {
        const page = await db
          .selectFrom('audit_log')
          .selectAll()
          .where('seq', '>', after)
          .orderBy('seq', 'asc')
          .limit(pageSize)
          .execute();
        for (const row of page) yield toAuditEntry(row);
        const lastRow = page.at(-1);
        if (!lastRow || page.length < pageSize) return;
        after = Number(lastRow.seq);
      }
    },
    async listForCommunity(communityId: string, limit: number): Promise<AuditEntry[]> {
      const rows = await db
        .selectFrom('audit_log')
        .selectAll()
        .where('community_id', '=', communityId)
        .orderBy('seq', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toAuditEntry);
    },
  };
}
export type AuditRepository = ReturnType<typeof auditRepository>;
