import type { Kysely } from 'kysely';
import type { LadderLevel, RecommendationKind } from '../../contract/vocabulary.ts';
import { toTriageDecision, triageDecisionRow, type TriageDecision } from '../records.ts';
import type { Database } from '../schema.ts';

export function triageRepository(db: Kysely<Database>) {
  return {
    async insert(decision: TriageDecision): Promise<void> {
      await db.insertInto('triage_decisions').values(triageDecisionRow(decision)).execute();
    },
    async listForConcern(communityId: string, concernId: string): Promise<TriageDecision[]> {
      const rows = await db
        .selectFrom('triage_decisions')
        .selectAll()
        .where('community_id', '=', communityId)
        .where('concern_id', '=', concernId)
        .orderBy('created_at', 'asc')
        .execute();
      return rows.map(toTriageDecision);
    },
    /** The latest decision of each earlier concern about the same person. */
    async decisionsAboutSubject(
      communityId: string,
      subject: { userId: string | null; key: string | null; concernIds?: readonly string[] },
      excludeConcernId: string,
    ): Promise<
      {
        concernId: string;
        decision: RecommendationKind;
        ladderLevel: LadderLevel | null;
        createdAt: string;
      }[]
    > {
      const ids = subject.concernIds ?? [];
      if (!subject.userId && !subject.key && ids.length === 0) return [];
      const rows = await db
        .selectFrom('triage_decisions as t')
        .innerJoin('concerns as c', 'c.id', 't.concern_id')
        .select(['t.concern_id', 't.decision', 't.ladder_level', 't.created_at'])
        .where('t.community_id', '=', communityId)
        .where('c.id', '!=', excludeConcernId)
        .where((eb) =>
          eb.or([
            ...(subject.userId ? [eb('c.subject_user_id', '=', subject.userId)] : []),
            ...(subject.key ? [eb('c.subject_key', '=', subject.key)] : []),
            ...(ids.length > 0 ? [eb('c.id', 'in', [...ids])] : []),
          ]),
        )
        .orderBy('t.created_at', 'asc')
        .execute();
      return rows.map((r) => ({
        concernId: r.concern_id,
        decision: r.decision,
        ladderLevel: r.ladder_level,
        createdAt: r.created_at,
      }));
    },
  };
}
export type TriageRepository = ReturnType<typeof triageRepository>;
