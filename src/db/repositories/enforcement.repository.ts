import type { Kysely } from 'kysely';
import type { EnforcementStatus, LadderLevel } from '../../contract/vocabulary.ts';
import {
  enforcementAppealRow,
  enforcementRow,
  parseList,
  toEnforcement,
  toEnforcementAppeal,
  type Enforcement,
  type EnforcementAppeal,
} from '../records.ts';
import type { Database } from '../schema.ts';

export function enforcementRepository(db: Kysely<Database>) {
  return {
    async insert(enforcement: Enforcement): Promise<void> {
      await db.insertInto('enforcements').values(enforcementRow(enforcement)).execute();
    },
    async find(communityId: string, id: string): Promise<Enforcement | undefined> {
      const row = await db
        .selectFrom('enforcements')
        .selectAll()
        .where('community_id', '=', communityId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toEnforcement(row);
    },
    async findById(id: string): Promise<Enforcement | undefined> {
      const row = await db
        .selectFrom('enforcements')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toEnforcement(row);
    },
    async list(communityId: string): Promise<Enforcement[]> {
      const rows = await db
        .selectFrom('enforcements')
        .selectAll()
        .where('community_id', '=', communityId)
        .orderBy('created_at', 'desc')
        .limit(200)
        .execute();
      return rows.map(toEnforcement);
    },
    async listForSubjectUser(userId: string): Promise<Enforcement[]> {
      const rows = await db
        .selectFrom('enforcements')
        .selectAll()
        .where('subject_user_id', '=', userId)
        .orderBy('created_at', 'desc')
        .limit(100)
        .execute();
      return rows.map(toEnforcement);
    },
    /** Levels of records about the same person that still stand (for triage history). */
    async levelsAboutSubject(
      communityId: string,
      subject: { userId: string | null; key: string | null },
      status: EnforcementStatus,
    ): Promise<LadderLevel[]> {
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
    /** Records of this concern that named nobody now name the member it was linked to. */
    async linkSubjectOfConcern(
      communityId: string,
      concernId: string,
      userId: string,
      at: string,
    ): Promise<string[]> {
      const rows = await db
        .selectFrom('enforcements')
        .select(['id', 'concern_ids'])
        .where('community_id', '=', communityId)
        .where('subject_user_id', 'is', null)
        .execute();
      const ids = rows.filter((r) => parseList(r.concern_ids).includes(concernId)).map((r) => r.id);
      if (ids.length > 0)
        await db
          .updateTable('enforcements')
          .set({ subject_user_id: userId, updated_at: at })
          .where('id', 'in', ids)
          .execute();
      return ids;
    },
    async updateStatus(id: string, status: EnforcementStatus, at: string): Promise<void> {
      await db
        .updateTable('enforcements')
        .set({ status, updated_at: at })
        .where('id', '=', id)
        .execute();
    },
    /** New terms after an appeal decided `changed`: a lighter step or an earlier end. */
    async updateTerms(
      id: string,
      terms: { level: Enforcement['level']; expiresAt: string | null },
      at: string,
    ): Promise<void> {
      await db
        .updateTable('enforcements')
        .set({ level: terms.level, expires_at: terms.expiresAt, updated_at: at })
        .where('id', '=', id)
        .execute();
    },
    async insertAppeal(appeal: EnforcementAppeal): Promise<void> {
      await db.insertInto('enforcement_appeals').values(enforcementAppealRow(appeal)).execute();
    },
    async findAppeal(communityId: string, id: string): Promise<EnforcementAppeal | undefined> {
      const row = await db
        .selectFrom('enforcement_appeals')
        .selectAll()
        .where('community_id', '=', communityId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toEnforcementAppeal(row);
    },
    async listAppeals(enforcementId: string): Promise<EnforcementAppeal[]> {
      const rows = await db
        .selectFrom('enforcement_appeals')
        .selectAll()
        .where('enforcement_id', '=', enforcementId)
        .orderBy('created_at', 'asc')
        .execute();
      return rows.map(toEnforcementAppeal);
    },
    async decideAppeal(
      id: string,
      patch: Pick<EnforcementAppeal, 'status' | 'decidedBy' | 'decisionNote' | 'decidedAt'> &
        Partial<Pick<EnforcementAppeal, 'changedLevel' | 'changedExpiresAt'>>,
    ): Promise<void> {
      await db
        .updateTable('enforcement_appeals')
        .set({
          status: patch.status,
          decided_by: patch.decidedBy,
          decision_note: patch.decisionNote,
          decided_at: patch.decidedAt,
          changed_level: patch.changedLevel ?? null,
          changed_expires_at: patch.changedExpiresAt ?? null,
        })
        .where('id', '=', id)
        .execute();
    },
  };
}
export type EnforcementRepository = ReturnType<typeof enforcementRepository>;
