// Transactions that arrive together on SQLite share one commit; a failing one rolls back only
// its own work, and every caller hears back only after the commit.
import { describe, expect, it } from 'vitest';
import { parseKeyList } from '../../src/config/keys.ts';
import { createStore } from '../../src/db/store.ts';
import { createAuditSeal } from '../../src/domain/audit/audit.ts';
import { TEST_KEY } from '../helpers/app.ts';
import { createTestDatabase, testDialects } from '../helpers/db.ts';

describe.each(testDialects())('transactions on %s', (dialect) => {
  it('keep each other’s work when one of a burst fails', async () => {
    const t = await createTestDatabase(dialect);
    try {
      const store = createStore(t.handle, createAuditSeal(parseKeyList(TEST_KEY)));
      const at = new Date().toISOString();
      const insert = (id: string, fail: boolean) =>
        store.transaction(async ({ users }) => {
          await users.insert({
            id,
            email: `${id}@example.org`,
            displayName: id,
            passwordHash: 'x',
            isOperator: false,
            createdAt: at,
            erasedAt: null,
          });
          if (fail) throw new Error(`refused ${id}`);
          return id;
        });
      const results = await Promise.allSettled(
        Array.from({ length: 30 }, (_, i) => insert(`u${i}`, i % 7 === 3)),
      );
      const failed = results.filter((r) => r.status === 'rejected').length;
      expect(failed).toBe(4);
      const rows = await t.handle.db.selectFrom('users').select('id').execute();
      expect(rows.map((r) => r.id).sort()).toEqual(
        Array.from({ length: 30 }, (_, i) => `u${i}`)
          .filter((_, i) => i % 7 !== 3)
          .sort(),
      );
      // A unique-key clash inside a burst is that transaction's failure alone.
      const clash = await Promise.allSettled([insert('u0', false), insert('fresh', false)]);
      expect(clash.map((r) => r.status)).toEqual(['rejected', 'fulfilled']);
    } finally {
      await t.drop();
    }
  });
});
