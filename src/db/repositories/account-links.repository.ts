// One-time account links (password reset, email change): queries only.
import type { Kysely } from 'kysely';
import { accountLinkRow, toAccountLink, type AccountLink } from '../records.ts';
import type { Database } from '../schema.ts';

export function accountLinksRepository(db: Kysely<Database>) {
  return {
    async insert(link: AccountLink): Promise<void> {
      await db.insertInto('account_links').values(accountLinkRow(link)).execute();
    },
    async find(tokenHash: string): Promise<AccountLink | undefined> {
      const row = await db
        .selectFrom('account_links')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      return row && toAccountLink(row);
    },
    /** Marks a link used, only if it was not yet: true when this call did it. */
    async markUsed(tokenHash: string, at: string): Promise<boolean> {
      const r = await db
        .updateTable('account_links')
        .set({ used_at: at })
        .where('token_hash', '=', tokenHash)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    /** Retires every unused link of one kind for a person (a newer one replaces them). */
    async retire(userId: string, kind: AccountLink['kind'], at: string): Promise<void> {
      await db
        .updateTable('account_links')
        .set({ used_at: at })
        .where('user_id', '=', userId)
        .where('kind', '=', kind)
        .where('used_at', 'is', null)
        .execute();
    },
    async countUnusedTo(newEmail: string, now: string): Promise<number> {
      const row = await db
        .selectFrom('account_links')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('new_email', '=', newEmail)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
export type AccountLinksRepository = ReturnType<typeof accountLinksRepository>;
