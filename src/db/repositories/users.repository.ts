import type { Kysely } from 'kysely';
import { toUser, userRow, type User } from '../records.ts';
import type { Database } from '../schema.ts';

export function usersRepository(db: Kysely<Database>) {
  return {
    async findById(id: string): Promise<User | undefined> {
      const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toUser(row);
    },
    async findByEmail(email: string): Promise<User | undefined> {
      const row = await db
        .selectFrom('users')
        .selectAll()
        .where('email', '=', email)
        .executeTakeFirst();
      return row && toUser(row);
    },
    async insert(user: User): Promise<void> {
      await db.insertInto('users').values(userRow(user)).execute();
    },
    async countOperators(): Promise<number> {
      const row = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('is_operator', '=', 1)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    /** The ids of the installation's operators who still have an account. */
    async listOperatorIds(): Promise<string[]> {
      const rows = await db
        .selectFrom('users')
        .select('id')
        .where('is_operator', '=', 1)
        .where('erased_at', 'is', null)
        .execute();
      return rows.map((r) => r.id);
    },
    async setPasswordHash(id: string, passwordHash: string): Promise<void> {
      await db
        .updateTable('users')
        .set({ password_hash: passwordHash })
        .where('id', '=', id)
        .execute();
    },
    async setEmail(id: string, email: string): Promise<void> {
      await db.updateTable('users').set({ email }).where('id', '=', id).execute();
    },
    async setOperator(id: string): Promise<void> {
      await db.updateTable('users').set({ is_operator: 1 }).where('id', '=', id).execute();
    },
  };
}
export type UsersRepository = ReturnType<typeof usersRepository>;
