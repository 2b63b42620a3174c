// Statements built once and run again with new values (src/db/precompiled.ts).
import { describe, expect, it } from 'vitest';
import { precompiled } from '../../src/db/precompiled.ts';
import { createTestDatabase, testDialects } from '../helpers/db.ts';

describe.each(testDialects())('precompiled statements on %s', (dialect) => {
  it('bind the values of each call, inside and outside a transaction', async () => {
    const t = await createTestDatabase(dialect);
    try {
      const insertUser = precompiled<{ id: string; email: string }>((db, p) =>
        db.insertInto('users').values({
          id: p('id'),
          email: p('email'),
          display_name: 'Same name',
          password_hash: 'x',
          is_operator: 0,
          created_at: '2026-11-30T00:00:00.000Z',
          erased_at: null,
        }),
      );
      const byEmail = precompiled<{ email: string }, { id: string; display_name: string }>(
        (db, p) =>
          db.selectFrom('users').select(['id', 'display_name']).where('email', '=', p('email')),
      );
      const db = t.handle.db;
      await insertUser(db, { id: 'u1', email: 'one@example.org' });
      await db.transaction().execute(async (trx) => {
        await insertUser(trx, { id: 'u2', email: 'two@example.org' });
      });
      expect((await byEmail(db, { email: 'two@example.org' })).rows).toEqual([
        { id: 'u2', display_name: 'Same name' },
      ]);
      expect((await byEmail(db, { email: 'one@example.org' })).rows[0]?.id).toBe('u1');
      expect((await byEmail(db, { email: 'nobody@example.org' })).rows).toEqual([]);
    } finally {
      await t.drop();
    }
  });

  it('refuses a stand-in that is not bound as a value', async () => {
    const t = await createTestDatabase(dialect);
    try {
      const unused = precompiled<{ id: string; email: string }>((db, p) => {
        p('email');
        return db.selectFrom('users').select('id').where('id', '=', p('id'));
      });
      await expect(unused(t.handle.db, { id: 'u1', email: 'x' })).rejects.toThrow(
        /bound as a plain value/,
      );
    } finally {
      await t.drop();
    }
  });
});
