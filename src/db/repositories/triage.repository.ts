import type { Kysely } from 'kysely';
import type { Database, TriageDecision, TriageDecisionsTable } from '../schema.ts';

export function triageRepository(db: Kysely<Database>) {
  return {
    async insert(row: TriageDecisionsTable): Promise<void> {
      await db.insertInto('triage_decisions').values(row).execute();
    },
    listForConcern(communityId: string, concernId: string): Promise<TriageDecision[]> {
      return db
        .selectFrom('triage_decisions')
        .selectAll()
        .where('community_id', '=', communityId)
        .where('concern_id', '=', concernId)
        .orderBy('created_at', 'asc')
        .execute();
    },
    /** The latest decision of each earlier concern about the same person. */
    async decisionsAboutSubject(
      communityId: string,
      subject: { userId: string | null; key: string | null },
      excludeConcernId: string,
    ): Promise<
      { concern_id: string; decision: string; ladder_level: string | null; created_at: string }[]
    > {
      if (!subject.userId && !subject.key) return [];
      return db
        .selectFrom('triage_decisions as t')
        .innerJoin('concerns as c', 'c.id', 't.concern_id')
        .select(['t.concern_id', 't.decision', 't.ladder_level', 't.created_at'])
        .where('t.community_id', '=', communityId)
        .where('c.id', '!=', excludeConcernId)
        .where((eb) =>
          eb.or([
            ...(subject.userId ? [eb('c.subject_user_id', '=', subject.userId)] : []),
            ...(subject.key ? [eb('c.subject_key', '=', subject.key)] : []),
          ]),
        )
        .orderBy('t.created_at', 'asc')
        .execute();
    },
  };
}
export type TriageRepository = ReturnType<typeof triageRepository>;
