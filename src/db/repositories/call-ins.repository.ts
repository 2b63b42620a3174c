import type { Kysely } from 'kysely';
import type { CallInStatus } from '../../contract/vocabulary.ts';
import {
  callInMessageRow,
  callInPatchRow,
  callInRow,
  toCallIn,
  toCallInMessage,
  type CallIn,
  type CallInMessage,
  type CallInPatch,
} from '../records.ts';
import type { Database } from '../schema.ts';

type Subject = { userId: string | null; key: string | null; concernIds?: readonly string[] };

export function callInsRepository(db: Kysely<Database>) {
  return {
    async insert(callIn: CallIn): Promise<void> {
      await db.insertInto('call_ins').values(callInRow(callIn)).execute();
    },
    async find(communityId: string, id: string): Promise<CallIn | undefined> {
      const row = await db
        .selectFrom('call_ins')
        .selectAll()
        .where('community_id', '=', communityId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toCallIn(row);
    },
    async findById(id: string): Promise<CallIn | undefined> {
      const row = await db
        .selectFrom('call_ins')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toCallIn(row);
    },
    async findByConsentHash(hash: string): Promise<CallIn | undefined> {
      const row = await db
        .selectFrom('call_ins')
        .selectAll()
        .where('consent_token_hash', '=', hash)
        .executeTakeFirst();
      return row && toCallIn(row);
    },
    async findByMemberHash(hash: string): Promise<CallIn | undefined> {
      const row = await db
        .selectFrom('call_ins')
        .selectAll()
        .where('member_token_hash', '=', hash)
        .executeTakeFirst();
      return row && toCallIn(row);
    },
    /** The newest call-in of a concern whose status is one of `statuses`. */
    async findForConcern(
      communityId: string,
      concernId: string,
      statuses: readonly CallInStatus[],
    ): Promise<CallIn | undefined> {
      const row = await db
        .selectFrom('call_ins')
        .selectAll()
        .where('community_id', '=', communityId)
        .where('concern_id', '=', concernId)
        .where('status', 'in', [...statuses])
        .orderBy('created_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row && toCallIn(row);
    },
    async listForConcerns(communityId: string, concernIds: readonly string[]): Promise<CallIn[]> {
      if (concernIds.length === 0) return [];
      const rows = await db
        .selectFrom('call_ins')
        .selectAll()
        .where('community_id', '=', communityId)
        .where('concern_id', 'in', [...concernIds])
        .execute();
      return rows.map(toCallIn);
    },
    async update(id: string, patch: CallInPatch): Promise<void> {
      await db.updateTable('call_ins').set(callInPatchRow(patch)).where('id', '=', id).execute();
    },
    async list(
      communityId: string,
      q: { callerUserId?: string | undefined; limit: number },
    ): Promise<CallIn[]> {
      let query = db
        .selectFrom('call_ins')
        .selectAll()
        .where('community_id', '=', communityId)
        .orderBy('created_at', 'desc')
        .limit(q.limit);
      if (q.callerUserId) query = query.where('caller_user_id', '=', q.callerUserId);
      return (await query.execute()).map(toCallIn);
    },
    /** Call-ins this person holds in these statuses, in one community or (null) anywhere. */
    async listHeldBy(
      userId: string,
      communityId: string | null,
      statuses: readonly CallInStatus[],
    ): Promise<CallIn[]> {
      let query = db
        .selectFrom('call_ins')
        .selectAll()
        .where('caller_user_id', '=', userId)
        .where('status', 'in', [...statuses]);
      if (communityId) query = query.where('community_id', '=', communityId);
      return (await query.execute()).map(toCallIn);
    },
    /** Call-ins addressed to this person (the subject of the concern has this account). */
    async listForSubjectUser(userId: string, statuses: readonly CallInStatus[]): Promise<CallIn[]> {
      const rows = await db
        .selectFrom('call_ins as ci')
        .innerJoin('concerns as c', 'c.id', 'ci.concern_id')
        .selectAll('ci')
        .where('c.subject_user_id', '=', userId)
        .where('ci.status', 'in', [...statuses])
        .orderBy('ci.created_at', 'desc')
        .limit(100)
        .execute();
      return rows.map(toCallIn);
    },
    async subjectOf(callInId: string): Promise<{ subjectUserId: string | null } | undefined> {
      const row = await db
        .selectFrom('call_ins as ci')
        .innerJoin('concerns as c', 'c.id', 'ci.concern_id')
        .select(['c.subject_user_id'])
        .where('ci.id', '=', callInId)
        .executeTakeFirst();
      return row && { subjectUserId: row.subject_user_id };
    },
    async countOpenForCaller(
      communityId: string,
      userId: string,
      statuses: readonly CallInStatus[],
    ): Promise<number> {
      const r = await db
        .selectFrom('call_ins')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('community_id', '=', communityId)
        .where('caller_user_id', '=', userId)
        .where('status', 'in', [...statuses])
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
    async openByCaller(
      communityId: string,
      statuses: readonly CallInStatus[],
    ): Promise<Map<string, number>> {
      const rows = await db
        .selectFrom('call_ins')
        .select(['caller_user_id', (eb) => eb.fn.countAll<number | string>().as('n')])
        .where('community_id', '=', communityId)
        .where('caller_user_id', 'is not', null)
        .where('status', 'in', [...statuses])
        .groupBy('caller_user_id')
        .execute();
      return new Map(rows.map((r) => [r.caller_user_id ?? '', Number(r.n)]));
    },
    /** Earlier call-ins that reached the member, about the same person (for triage history). */
    async countAboutSubject(
      communityId: string,
      subject: Subject,
      excludeConcernId: string,
      statuses: readonly CallInStatus[],
    ): Promise<number> {
      const ids = subject.concernIds ?? [];
      if (!subject.userId && !subject.key && ids.length === 0) return 0;
      const r = await db
        .selectFrom('call_ins as ci')
        .innerJoin('concerns as c', 'c.id', 'ci.concern_id')
        .select((eb) => eb.fn.count<number | string>('ci.concern_id').distinct().as('n'))
        .where('ci.community_id', '=', communityId)
        .where('c.id', '!=', excludeConcernId)
        .where('ci.status', 'in', [...statuses])
        .where((eb) =>
          eb.or([
            ...(subject.userId ? [eb('c.subject_user_id', '=', subject.userId)] : []),
            ...(subject.key ? [eb('c.subject_key', '=', subject.key)] : []),
            ...(ids.length > 0 ? [eb('c.id', 'in', [...ids])] : []),
          ]),
        )
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
    async insertMessage(message: CallInMessage): Promise<void> {
      await db.insertInto('call_in_messages').values(callInMessageRow(message)).execute();
    },
    async listMessages(callInId: string): Promise<CallInMessage[]> {
      const rows = await db
        .selectFrom('call_in_messages')
        .selectAll()
        .where('call_in_id', '=', callInId)
        .orderBy('created_at', 'asc')
        .orderBy('id', 'asc')
        .execute();
      return rows.map(toCallInMessage);
    },
  };
}
export type CallInsRepository = ReturnType<typeof callInsRepository>;
