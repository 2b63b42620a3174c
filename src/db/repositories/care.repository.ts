import type { Kysely } from 'kysely';
import type {
  CallInOffer,
  CallInOffersTable,
  CareLog,
  CareLogsTable,
  CareProfile,
  CareProfilesTable,
  Database,
} from '../schema.ts';

export function careRepository(db: Kysely<Database>) {
  return {
    findProfile(communityId: string, userId: string): Promise<CareProfile | undefined> {
      return db
        .selectFrom('care_profiles')
        .selectAll()
        .where('community_id', '=', communityId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
    },
    listProfiles(communityId: string): Promise<CareProfile[]> {
      return db
        .selectFrom('care_profiles')
        .selectAll()
        .where('community_id', '=', communityId)
        .execute();
    },
    async upsertProfile(row: CareProfilesTable): Promise<void> {
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
    async insertLog(row: CareLogsTable): Promise<void> {
      await db.insertInto('care_logs').values(row).execute();
    },
    listLogs(communityId: string, userId: string): Promise<CareLog[]> {
      return db
        .selectFrom('care_logs')
        .selectAll()
        .where('community_id', '=', communityId)
        .where('user_id', '=', userId)
        .orderBy('created_at', 'desc')
        .limit(200)
        .execute();
    },
    listLogsSince(communityId: string, since: string): Promise<CareLog[]> {
      return db
        .selectFrom('care_logs')
        .selectAll()
        .where('community_id', '=', communityId)
        .where('created_at', '>=', since)
        .orderBy('created_at', 'desc')
        .limit(1000)
        .execute();
    },
    async insertOffer(row: CallInOffersTable): Promise<void> {
      await db.insertInto('call_in_offers').values(row).execute();
    },
    findOffer(communityId: string, id: string): Promise<CallInOffer | undefined> {
      return db
        .selectFrom('call_in_offers')
        .selectAll()
        .where('community_id', '=', communityId)
        .where('id', '=', id)
        .executeTakeFirst();
    },
    listOffersForUser(
      communityId: string,
      userId: string,
      status: CallInOffersTable['status'],
    ): Promise<CallInOffer[]> {
      return db
        .selectFrom('call_in_offers')
        .selectAll()
        .where('community_id', '=', communityId)
        .where('user_id', '=', userId)
        .where('status', '=', status)
        .orderBy('created_at', 'desc')
        .execute();
    },
    /** Every offer of one call-in with the name of the person offered, oldest first. */
    listOffersForCallIn(callInId: string) {
      return db
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
    },
    async updateOffer(id: string, status: CallInOffersTable['status'], at: string): Promise<void> {
      await db
        .updateTable('call_in_offers')
        .set({ status, decided_at: at })
        .where('id', '=', id)
        .execute();
    },
    /** Closes every other pending offer of a call-in once someone holds it. */
    async closePendingOffers(
      callInId: string,
      status: CallInOffersTable['status'],
      at: string,
    ): Promise<void> {
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
