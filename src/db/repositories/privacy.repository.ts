// Queries for retention, erasure and export. Several of them take a table and column from a
// fixed list in code (never from input), so new tables join the purge and erasure steps by
// adding a line where the steps are listed (src/domain/privacy/retention.ts, src/domain/privacy/erasure.ts).
// Those generic steps name tables and columns as stored; everything else hands back records.
import { sql, type Kysely } from 'kysely';
import type {
  CaseOutcome,
  ConcernCategory,
  Outcome,
  RecommendationKind,
  StopReason,
} from '../../contract/vocabulary.ts';
import { parseList, parseObject, toConcern, type PendingJob } from '../records.ts';
import type { Database } from '../schema.ts';

/** A case as the counts see it: when it was raised and what kinds of behaviour it names. */
export interface CountedCase {
  id: string;
  createdAt: string;
  categories: ConcernCategory[];
}

const toCountedCase = (r: { id: string; created_at: string; categories: string }): CountedCase => ({
  id: r.id,
  createdAt: r.created_at,
  categories: parseList<ConcernCategory>(r.categories),
});

export interface CaseTotalRecord {
  communityId: string;
  month: string;
  outcome: CaseOutcome;
  count: number;
}

export interface CaseCountRecord extends CaseTotalRecord {
  /** A ConcernCategory, or 'uncategorised'. */
  category: string;
}

export type TableName = keyof Database;

/** Ids per `in (...)` list: well under every database's limit on bound values. */
const IN_CHUNK = 500;

export interface EncryptedCell {
  table: TableName;
  /** The row's key column (a single text id). */
  key: string;
  column: string;
  /** Extra columns the encryption context needs. */
  with: string[];
}

export function privacyRepository(db: Kysely<Database>) {
  // Table and column names below always come from lists in code, never from a request.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tables named by the step lists
  const loose = db as unknown as Kysely<any>;
  return {
    // ---- retention ---------------------------------------------------------------------------
    async listClosedBefore(
      communityId: string,
      cutoff: string,
      limit: number,
    ): Promise<CountedCase[]> {
      const rows = await db
        .selectFrom('concerns')
        .select(['id', 'created_at', 'categories'])
        .where('community_id', '=', communityId)
        .where('status', '=', 'closed')
        .where('updated_at', '<', cutoff)
        .orderBy('updated_at')
        .limit(limit)
        .execute();
      return rows.map(toCountedCase);
    },
    /** Concerns raised in [from, to) (ISO times), for the counts report. */
    async listRaisedBetween(communityId: string, from: string, to: string): Promise<CountedCase[]> {
      const rows = await db
        .selectFrom('concerns')
        .select(['id', 'created_at', 'categories'])
        .where('community_id', '=', communityId)
        .where('created_at', '>=', from)
        .where('created_at', '<', to)
        .execute();
      return rows.map(toCountedCase);
    },
    /**
     * For each case, the latest outcome recorded on its call-ins and the latest triage
     * decision (either may be missing).
     */
    /**
     * Per concern, how its latest call-in with an end came out: its outcome, or why it
     * stopped (a stop after an outcome is what the case came to); and its latest decision.
     */
    async latestOutcomes(concernIds: string[]): Promise<{
      callIns: Map<string, (Outcome | StopReason)[]>;
      decisions: Map<string, RecommendationKind>;
    }> {
      const called = new Map<string, { at: string; value: (Outcome | StopReason)[] }>();
      const decided = new Map<string, { at: string; value: RecommendationKind }>();
      const keepLatest = <V>(
        m: Map<string, { at: string; value: V }>,
        id: string,
        at: string,
        value: V,
      ) => {
        const had = m.get(id);
        if (!had || had.at < at) m.set(id, { at, value });
      };
      for (let i = 0; i < concernIds.length; i += IN_CHUNK) {
        const ids = concernIds.slice(i, i + IN_CHUNK);
        const callIns = await db
          .selectFrom('call_ins')
          .select(['concern_id', 'outcome', 'outcomes', 'status', 'consent_status', 'updated_at'])
          .where('concern_id', 'in', ids)
          .where((eb) => eb.or([eb('outcome', 'is not', null), eb('status', '=', 'stopped')]))
          .execute();
        for (const c of callIns) {
          const recorded = parseList<Outcome>(c.outcomes);
          const value: (Outcome | StopReason)[] =
            c.status === 'stopped'
              ? [c.consent_status === 'declined' ? 'consent-declined' : 'consent-withdrawn']
              : recorded.length > 0
                ? recorded
                : c.outcome
                  ? [c.outcome]
                  : [];
          if (value.length > 0) keepLatest(called, c.concern_id, c.updated_at, value);
        }
        const decisions = await db
          .selectFrom('triage_decisions')
          .select(['concern_id', 'decision', 'created_at'])
          .where('concern_id', 'in', ids)
          .execute();
        for (const d of decisions) keepLatest(decided, d.concern_id, d.created_at, d.decision);
      }
      const values = <V>(m: Map<string, { at: string; value: V }>) =>
        new Map([...m].map(([id, v]) => [id, v.value]));
      return { callIns: values(called), decisions: values(decided) };
    },
    async addTotal(total: CaseTotalRecord): Promise<void> {
      const row = {
        community_id: total.communityId,
        month: total.month,
        outcome: total.outcome,
        count: total.count,
      };
      await db
        .insertInto('retention_totals')
        .values(row)
        .onConflict((oc) =>
          oc
            .columns(['community_id', 'month', 'outcome'])
            .doUpdateSet({ count: sql<number>`retention_totals.count + ${row.count}` }),
        )
        .execute();
    },
    /** Each purged case once, per month raised. */
    async addCases(total: { communityId: string; month: string; count: number }): Promise<void> {
      const row = { community_id: total.communityId, month: total.month, count: total.count };
      await db
        .insertInto('retention_cases')
        .values(row)
        .onConflict((oc) =>
          oc
            .columns(['community_id', 'month'])
            .doUpdateSet({ count: sql<number>`retention_cases.count + ${row.count}` }),
        )
        .execute();
    },
    listCases(communityId: string) {
      return db
        .selectFrom('retention_cases')
        .select(['month', 'count'])
        .where('community_id', '=', communityId)
        .orderBy('month')
        .execute();
    },
    listTotals(communityId: string) {
      return db
        .selectFrom('retention_totals')
        .select(['month', 'outcome', 'count'])
        .where('community_id', '=', communityId)
        .orderBy('month')
        .orderBy('outcome')
        .execute();
    },
    async addCount(count: CaseCountRecord): Promise<void> {
      const row = {
        community_id: count.communityId,
        month: count.month,
        category: count.category,
        outcome: count.outcome,
        count: count.count,
      };
      await db
        .insertInto('retention_counts')
        .values(row)
        .onConflict((oc) =>
          oc
            .columns(['community_id', 'month', 'category', 'outcome'])
            .doUpdateSet({ count: sql<number>`retention_counts.count + ${row.count}` }),
        )
        .execute();
    },
    listCounts(communityId: string) {
      return db
        .selectFrom('retention_counts')
        .select(['month', 'category', 'outcome', 'count'])
        .where('community_id', '=', communityId)
        .orderBy('month')
        .orderBy('category')
        .orderBy('outcome')
        .execute();
    },
    async idsWhereIn(
      table: TableName,
      key: string,
      column: string,
      values: string[],
    ): Promise<string[]> {
      if (values.length === 0) return [];
      const rows = (await loose
        .selectFrom(table)
        .select(key)
        .where(column, 'in', values)
        .execute()) as Record<string, string>[];
      return rows.map((r) => String(r[key]));
    },
    async deleteWhereIn(table: TableName, column: string, values: string[]): Promise<number> {
      if (values.length === 0) return 0;
      const r = await loose.deleteFrom(table).where(column, 'in', values).executeTakeFirst();
      return Number(r.numDeletedRows);
    },

    // ---- erasure -----------------------------------------------------------------------------
    async communitiesTouching(userId: string): Promise<string[]> {
      const rows = await db
        .selectFrom('memberships')
        .select('community_id')
        .where('user_id', '=', userId)
        .union(
          db
            .selectFrom('concerns')
            .select('community_id')
            .where((eb) =>
              eb.or([eb('reporter_user_id', '=', userId), eb('subject_user_id', '=', userId)]),
            ),
        )
        .union(
          db
            .selectFrom('call_ins')
            .select('community_id')
            .where((eb) =>
              eb.or([eb('caller_user_id', '=', userId), eb('harmed_user_id', '=', userId)]),
            ),
        )
        .union(
          db
            .selectFrom('enforcements')
            .select('community_id')
            .where('subject_user_id', '=', userId),
        )
        .execute();
      return rows.map((r) => r.community_id);
    },
    /** Rows of an encrypted column in these communities (with what their context needs). */
    async listEncrypted(
      cell: EncryptedCell,
      communityIds: string[],
    ): Promise<Record<string, string | null>[]> {
      if (communityIds.length === 0) return [];
      return await loose
        .selectFrom(cell.table)
        .select([cell.key, cell.column, 'community_id', ...cell.with])
        .where('community_id', 'in', communityIds)
        .where(cell.column, 'is not', null)
        .execute();
    },
    async updateCell(cell: EncryptedCell, id: string, value: string): Promise<void> {
      await loose
        .updateTable(cell.table)
        .set({ [cell.column]: value })
        .where(cell.key, '=', id)
        .execute();
    },
    /** Sets columns of the matching rows; a boolean is stored as 0/1, like every boolean here. */
    async setWhere(
      table: TableName,
      patch: Record<string, unknown>,
      column: string,
      value: string,
    ): Promise<number> {
      const stored = Object.fromEntries(
        Object.entries(patch).map(([k, v]) => [k, typeof v === 'boolean' ? (v ? 1 : 0) : v]),
      );
      const r = await loose
        .updateTable(table)
        .set(stored)
        .where(column, '=', value)
        .executeTakeFirst();
      return Number(r.numUpdatedRows);
    },
    async deleteWhere(table: TableName, column: string, value: string): Promise<number> {
      const r = await loose.deleteFrom(table).where(column, '=', value).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
    async anonymizeUser(userId: string, at: string): Promise<void> {
      await db
        .updateTable('users')
        .set({
          email: `erased-${userId}@erased.invalid`,
          display_name: 'Erased person',
          password_hash: '',
          is_operator: 0,
          erased_at: at,
        })
        .where('id', '=', userId)
        .execute();
    },
    /** Pending jobs named `name`, or whose name starts with `namePrefix` when given. */
    async pendingJobs(name: string, namePrefix?: string): Promise<PendingJob[]> {
      const rows = await db
        .selectFrom('jobs')
        .select(['id', 'payload'])
        .where((eb) =>
          namePrefix
            ? eb.or([
                eb('name', '=', name),
                eb('name', 'like', `${namePrefix.replace(/[%_]/g, '')}%`),
              ])
            : eb('name', '=', name),
        )
        .where('status', '=', 'pending')
        .execute();
      return rows.map((r) => ({ id: r.id, payload: parseObject(r.payload) }));
    },
    async cancelJob(id: string, at: string): Promise<void> {
      await db
        .updateTable('jobs')
        .set({ status: 'cancelled', updated_at: at })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .execute();
    },

    // ---- export ------------------------------------------------------------------------------
    async membershipsOf(userId: string) {
      const rows = await db
        .selectFrom('memberships')
        .innerJoin('communities', 'communities.id', 'memberships.community_id')
        .select([
          'communities.id',
          'communities.name',
          'memberships.role',
          'memberships.created_at',
        ])
        .where('memberships.user_id', '=', userId)
        .orderBy('communities.name')
        .execute();
      return rows.map((r) => ({ id: r.id, name: r.name, role: r.role, createdAt: r.created_at }));
    },
    /** One page of the concerns a person raised under their name, oldest first. */
    async concernsRaisedByPage(
      userId: string,
      after: { createdAt: string; id: string } | null,
      limit: number,
    ) {
      let q = db
        .selectFrom('concerns')
        .selectAll()
        .where('reporter_user_id', '=', userId)
        .where('anonymous', '=', 0);
      if (after) {
        q = q.where((eb) =>
          eb.or([
            eb('created_at', '>', after.createdAt),
            eb.and([eb('created_at', '=', after.createdAt), eb('id', '>', after.id)]),
          ]),
        );
      }
      const rows = await q.orderBy('created_at').orderBy('id').limit(limit).execute();
      return rows.map(toConcern);
    },
    async concernsRaisedBy(userId: string) {
      const rows = await db
        .selectFrom('concerns')
        .selectAll()
        .where('reporter_user_id', '=', userId)
        .where('anonymous', '=', 0)
        .orderBy('created_at')
        .execute();
      return rows.map(toConcern);
    },
    async tokensOf(userId: string) {
      const rows = await db
        .selectFrom('api_tokens')
        .select(['name', 'community_id', 'created_at', 'last_used_at', 'revoked_at'])
        .where('user_id', '=', userId)
        .orderBy('created_at')
        .execute();
      return rows.map((r) => ({
        name: r.name,
        communityId: r.community_id,
        createdAt: r.created_at,
        lastUsedAt: r.last_used_at,
        revokedAt: r.revoked_at,
      }));
    },
    async careOf(userId: string) {
      const [profiles, logs] = await Promise.all([
        db
          .selectFrom('care_profiles')
          .select(['community_id', 'capacity', 'paused', 'languages', 'updated_at'])
          .where('user_id', '=', userId)
          .execute(),
        db
          .selectFrom('care_logs')
          .select(['community_id', 'minutes', 'drain', 'created_at'])
          .where('user_id', '=', userId)
          .orderBy('created_at')
          .execute(),
      ]);
      return [
        profiles.map((p) => ({
          communityId: p.community_id,
          capacity: p.capacity,
          paused: p.paused === 1,
          languages: parseList(p.languages),
          updatedAt: p.updated_at,
        })),
        logs.map((l) => ({
          communityId: l.community_id,
          minutes: l.minutes,
          drain: l.drain,
          createdAt: l.created_at,
        })),
      ] as const;
    },
  };
}
export type PrivacyRepository = ReturnType<typeof privacyRepository>;
