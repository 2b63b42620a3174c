import type { Kysely } from 'kysely';
import type {
  Database,
  Enforcement,
  EnforcementAppeal,
  EnforcementAppealsTable,
  EnforcementsTable,
} from '../schema.ts';

export function enforcementRepository(db: Kysely<Database>) {
  return {
    async insert(row: EnforcementsTable): Promise<void> {
      await db.insertInto('enforcements').values(row).execute();
    },
    find(communityId: string, id: string): Promise<Enforcement | undefined> {
      return db
        .selectFrom('enforcements')
        .selectAll()
        .where('community_id', '=', communityId)
        .where('id', '=', id)
        .executeTakeFirst();
    },
    findById(id: string): Promise<Enforcement | undefined> {
      return db.selectFrom('enforcements').selectAll().where('id', '=', id).executeTakeFirst();
    },
    list(communityId: string): Promise<Enforcement[]> {
      return db
        .selectFrom('enforcements')
        .selectAll()
        .where('community_id', '=', communityId)
        .orderBy('created_at', 'desc')
        .limit(200)
        .execute();
    },
    listForSubjectUser(userId: string): Promise<Enforcement[]> {
      return db
        .selectFrom('enforcements')
        .selectAll()
        .where('subject_user_id', '=', userId)
        .orderBy('created_at', 'desc')
        .limit(100)
        .execute();
    },
    /** Levels of records about the same person that still stand (for triage history). */
    async levelsAboutSubject(
      communityId: string,
      subject: { userId: string | null; key: string | null },
      status: EnforcementsTable['status'],
    ): Promise<string[]> {
      if (!subject.userId && !subject.key) return [];
      const rows = await db
        .selectFrom('enforcements')
        .select('level')
        .where('community_id', '=', communityId)
        .where('status', '=', status)
        .where((eb) =>
          eb.or([
            ...(subject.userId ? [eb('subject_user_id', '=', subject.userId)] : []),
            ...(subject.key ? [eb('subject_key', '=', subject.key)] : []),
          ]),
        )
        .execute();
      return rows.map((r) => r.level);
    },
    async updateStatus(id: string, status: EnforcementsTable['status'], at: string): Promise<void> {
      await db
        .updateTable('enforcements')
        .set({ status, updated_at: at })
        .where('id', '=', id)
        .execute();
    },
    async insertAppeal(row: EnforcementAppealsTable): Promise<void> {
      await db.insertInto('enforcement_appeals').values(row).execute();
    },
    findAppeal(communityId: string, id: string): Promise<EnforcementAppeal | undefined> {
      return db
        .selectFrom('enforcement_appeals')
        .selectAll()
        .where('community_id', '=', communityId)
        .where('id', '=', id)
        .executeTakeFirst();
    },
    listAppeals(enforcementId: string): Promise<EnforcementAppeal[]> {
      return db
        .selectFrom('enforcement_appeals')
        .selectAll()
        .where('enforcement_id', '=', enforcementId)
        .orderBy('created_at', 'asc')
        .execute();
    },
    async decideAppeal(
      id: string,
      patch: Pick<
        EnforcementAppealsTable,
        'status' | 'decided_by' | 'decision_note' | 'decided_at'
      >,
    ): Promise<void> {
      await db.updateTable('enforcement_appeals').set(patch).where('id', '=', id).execute();
    },
  };
}
export type EnforcementRepository = ReturnType<typeof enforcementRepository>;
