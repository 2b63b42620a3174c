import type { Kysely } from 'kysely';
import { setupTokenRow, toSetupToken, type SetupToken } from '../records.ts';
import type { Database } from '../schema.ts';

export function setupTokensRepository(db: Kysely<Database>) {
  return {
    async insert(token: SetupToken): Promise<void> {
      await db.insertInto('setup_tokens').values(setupTokenRow(token)).execute();
    },
    async find(tokenHash: string): Promise<SetupToken | undefined> {
      const row = await db
        .selectFrom('setup_tokens')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      return row && toSetupToken(row);
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
