import type { Kysely } from 'kysely';
import type { Database, User, UsersTable } from '../schema.ts';

export function usersRepository(db: Kysely<Database>) {
  return {
    findById(id: string): Promise<User | undefined> {
      return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    },
    findByEmail(email: string): Promise<User | undefined> {
      return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
    },
    async insert(user: UsersTable): Promise<void> {
      await db.insertInto('users').values(user).execute();
    },
    async countOperators(): Promise<number> {
      const row = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('is_operator', '=', 1)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async setOperator(id: string): Promise<void> {
      await db.updateTable('users').set({ is_operator: 1 }).where('id', '=', id).execute();
    },
  };
}
export type UsersRepository = ReturnType<typeof usersRepository>;
