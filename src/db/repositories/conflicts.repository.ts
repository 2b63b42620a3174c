// Rule 9's records: organizers who declared a conflict on a case, and staff the reporter
// excluded. Queries only; who counts as excluded is decided in src/domain/access/case-exclusions.ts.
import type { Kysely } from 'kysely';
import { caseConflictRow, toCaseConflict, type CaseConflict } from '../records.ts';
import type { Database } from '../schema.ts';

export function conflictsRepository(db: Kysely<Database>) {
  return {
    /** Adds a record; the same person, case and kind twice is one record. */
    async insert(c: CaseConflict): Promise<void> {
      await db
        .insertInto('case_conflicts')
        .values(caseConflictRow(c))
        .onConflict((oc) => oc.columns(['concern_id', 'user_id', 'kind']).doNothing())
        .execute();
    },
    async listForConcerns(communityId: string, concernIds: string[]): Promise<CaseConflict[]> {
      if (concernIds.length === 0) return [];
      const rows = await db
        .selectFrom('case_conflicts')
        .selectAll()
        .where('community_id', '=', communityId)
        .where('concern_id', 'in', concernIds)
        .orderBy('created_at', 'asc')
        .execute();
      return rows.map(toCaseConflict);
    },
    /** The concerns of this community this person may not handle: about them, or conflicted. */
    async concernIdsHiddenFrom(communityId: string, userId: string): Promise<string[]> {
      const rows = await db
        .selectFrom('case_conflicts')
        .select('concern_id as id')
        .where('community_id', '=', communityId)
        .where('user_id', '=', userId)
        .union(
          db
            .selectFrom('concerns')
            .select('id')
            .where('community_id', '=', communityId)
            .where('subject_user_id', '=', userId),
        )
        .execute();
      return rows.map((r) => r.id);
    },
  };
}
export type ConflictsRepository = ReturnType<typeof conflictsRepository>;
