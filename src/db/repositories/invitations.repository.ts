import type { Kysely } from 'kysely';
import { invitationRow, toInvitation, type Invitation } from '../records.ts';
import type { Database } from '../schema.ts';

export function invitationsRepository(db: Kysely<Database>) {
  return {
    async insert(invitation: Invitation): Promise<void> {
      await db.insertInto('invitations').values(invitationRow(invitation)).execute();
    },
    async findByTokenHash(tokenHash: string): Promise<Invitation | undefined> {
      const row = await db
        .selectFrom('invitations')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      return row && toInvitation(row);
    },
    /** One invitation by id, whichever community it is for (a signup names only its id). */
    async findAnywhere(id: string): Promise<Invitation | undefined> {
      const row = await db
        .selectFrom('invitations')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toInvitation(row);
    },
    async findById(communityId: string, id: string): Promise<Invitation | undefined> {
      const row = await db
        .selectFrom('invitations')
        .selectAll()
        .where('community_id', '=', communityId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toInvitation(row);
    },
    async listForCommunity(communityId: string): Promise<Invitation[]> {
      const rows = await db
        .selectFrom('invitations')
        .selectAll()
        .where('community_id', '=', communityId)
        .orderBy('created_at', 'desc')
        .execute();
      return rows.map(toInvitation);
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
