import type { Kysely } from 'kysely';
import type { OfferStatus, Relationship } from '../../contract/vocabulary.ts';
import {
  callInOfferRow,
  careLogRow,
  careProfileRow,
  toCallInOffer,
  toCareLog,
  toCareProfile,
  type CallInOffer,
  type CareLog,
  type CareProfile,
} from '../records.ts';
import type { Database } from '../schema.ts';

export function careRepository(db: Kysely<Database>) {
  return {
    async findProfile(communityId: string, userId: string): Promise<CareProfile | undefined> {
      const row = await db
        .selectFrom('care_profiles')
        .selectAll()
        .where('community_id', '=', communityId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return row && toCareProfile(row);
    },
    async listProfiles(communityId: string): Promise<CareProfile[]> {
      const rows = await db
        .selectFrom('care_profiles')
        .selectAll()
        .where('community_id', '=', communityId)
        .execute();
      return rows.map(toCareProfile);
    },
    async upsertProfile(profile: CareProfile): Promise<void> {
      const row = careProfileRow(profile);
      await db
        .insertInto('care_profiles')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['community_id', 'user_id']).doUpdateSet({
            capacity: row.capacity,
            paused: row.paused,
            languages: row.languages,
            updated_at: row.updated_at,
          }),
        )
        .execute();
    },
    async insertLog(log: CareLog): Promise<void> {
      await db.insertInto('care_logs').values(careLogRow(log)).execute();
    },
    async listLogs(communityId: string, userId: string): Promise<CareLog[]> {
      const rows = await db
        .selectFrom('care_logs')
        .selectAll()
        .where('community_id', '=', communityId)
        .where('user_id', '=', userId)
        .orderBy('created_at', 'desc')
        .limit(200)
        .execute();
      return rows.map(toCareLog);
    },
    async listLogsSince(communityId: string, since: string): Promise<CareLog[]> {
      const rows = await db
        .selectFrom('care_logs')
        .selectAll()
        .where('community_id', '=', communityId)
        .where('created_at', '>=', since)
        .orderBy('created_at', 'desc')
        .limit(1000)
        .execute();
      return rows.map(toCareLog);
    },
    async insertOffer(offer: CallInOffer): Promise<void> {
      await db.insertInto('call_in_offers').values(callInOfferRow(offer)).execute();
    },
    async findOffer(communityId: string, id: string): Promise<CallInOffer | undefined> {
      const row = await db
        .selectFrom('call_in_offers')
        .selectAll()
        .where('community_id', '=', communityId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toCallInOffer(row);
    },
    async listOffersForUser(
      communityId: string,
      userId: string,
      status: OfferStatus,
    ): Promise<CallInOffer[]> {
      const rows = await db
        .selectFrom('call_in_offers')
        .selectAll()
        .where('community_id', '=', communityId)
        .where('user_id', '=', userId)
        .where('status', '=', status)
        .orderBy('created_at', 'desc')
        .execute();
      return rows.map(toCallInOffer);
    },
    /** Every offer of one call-in with the name of the person offered, oldest first. */
    async listOffersForCallIn(callInId: string): Promise<
      {
        id: string;
        userId: string;
        displayName: string;
        relationship: Relationship;
        status: OfferStatus;
        createdAt: string;
        decidedAt: string | null;
      }[]
    > {
      const rows = await db
        .selectFrom('call_in_offers')
        .innerJoin('users', 'users.id', 'call_in_offers.user_id')
        .select([
          'call_in_offers.id',
          'call_in_offers.user_id',
          'users.display_name',
          'call_in_offers.relationship',
          'call_in_offers.status',
          'call_in_offers.created_at',
          'call_in_offers.decided_at',
        ])
        .where('call_in_offers.call_in_id', '=', callInId)
        .orderBy('call_in_offers.created_at')
        .orderBy('call_in_offers.id')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        userId: r.user_id,
        displayName: r.display_name,
        relationship: r.relationship,
        status: r.status,
        createdAt: r.created_at,
        decidedAt: r.decided_at,
      }));
    },
    async updateOffer(id: string, status: OfferStatus, at: string): Promise<void> {
      await db
        .updateTable('call_in_offers')
        .set({ status, decided_at: at })
        .where('id', '=', id)
        .execute();
    },
    /** Closes every other pending offer of a call-in once someone holds it. */
    async closePendingOffers(callInId: string, status: OfferStatus, at: string): Promise<void> {
      await db
        .updateTable('call_in_offers')
        .set({ status, decided_at: at })
        .where('call_in_id', '=', callInId)
        .where('status', '=', 'pending')
        .execute();
    },
  };
}
export type CareRepository = ReturnType<typeof careRepository>;
