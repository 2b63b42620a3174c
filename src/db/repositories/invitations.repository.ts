import type { Kysely } from 'kysely';
import type { Database, Invitation, InvitationsTable } from '../schema.ts';

export function invitationsRepository(db: Kysely<Database>) {
  return {
    async insert(row: InvitationsTable): Promise<void> {
      await db.insertInto('invitations').values(row).execute();
    },
    findByTokenHash(tokenHash: string): Promise<Invitation | undefined> {
      return db
        .selectFrom('invitations')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
    },
    findById(communityId: string, id: string): Promise<Invitation | undefined> {
      return db
        .selectFrom('invitations')
        .selectAll()
        .where('community_id', '=', communityId)
        .where('id', '=', id)
        .executeTakeFirst();
    },
    listForCommunity(communityId: string): Promise<Invitation[]> {
      return db
        .selectFrom('invitations')
        .selectAll()
        .where('community_id', '=', communityId)
        .orderBy('created_at', 'desc')
        .execute();
    },
    /** Uses one place on the invitation; false when none was left. */
    async use(id: string): Promise<boolean> {
      const r = await db
        .updateTable('invitations')
        .set((eb) => ({ uses: eb('uses', '+', 1) }))
        .where('id', '=', id)
        .whereRef('uses', '<', 'max_uses')
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async revoke(id: string, at: string): Promise<void> {
      await db.updateTable('invitations').set({ revoked_at: at }).where('id', '=', id).execute();
    },
  };
}
export type InvitationsRepository = ReturnType<typeof invitationsRepository>;
