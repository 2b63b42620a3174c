import type { Kysely } from 'kysely';
import type { Database, SetupTokensTable } from '../schema.ts';

export function setupTokensRepository(db: Kysely<Database>) {
  return {
    async insert(row: SetupTokensTable): Promise<void> {
      await db.insertInto('setup_tokens').values(row).execute();
    },
    find(tokenHash: string) {
      return db
        .selectFrom('setup_tokens')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
    },
    async markUsed(tokenHash: string, at: string): Promise<void> {
      await db
        .updateTable('setup_tokens')
        .set({ used_at: at })
        .where('token_hash', '=', tokenHash)
        .execute();
    },
    async expireAll(at: string): Promise<void> {
      await db
        .updateTable('setup_tokens')
        .set({ used_at: at })
        .where('used_at', 'is', null)
        .execute();
    },
  };
}
export type SetupTokensRepository = ReturnType<typeof setupTokensRepository>;
