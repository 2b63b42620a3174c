// Accounts waiting for their address to be confirmed before joining: queries only.
import type { Kysely } from 'kysely';
import { invitationSignupRow, toInvitationSignup, type InvitationSignup } from '../records.ts';
import type { Database } from '../schema.ts';

export function invitationSignupsRepository(db: Kysely<Database>) {
  return {
    async insert(signup: InvitationSignup): Promise<void> {
      await db.insertInto('invitation_signups').values(invitationSignupRow(signup)).execute();
    },
    async find(tokenHash: string): Promise<InvitationSignup | undefined> {
      const row = await db
        .selectFrom('invitation_signups')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      return row && toInvitationSignup(row);
    },
    /** Marks it used, only if it was not yet: true when this call did it. */
    async markUsed(tokenHash: string, at: string): Promise<boolean> {
      const r = await db
        .updateTable('invitation_signups')
        .set({ used_at: at, details: '' })
        .where('token_hash', '=', tokenHash)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    /** Forgets the ones whose link ran out or was used (their details are personal data). */
    async deleteStale(now: string): Promise<void> {
      await db
        .deleteFrom('invitation_signups')
        .where((eb) => eb.or([eb('expires_at', '<=', now), eb('used_at', 'is not', null)]))
        .execute();
    },
  };
}
export type InvitationSignupsRepository = ReturnType<typeof invitationSignupsRepository>;
