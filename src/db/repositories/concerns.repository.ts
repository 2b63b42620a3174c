import type { Kysely } from 'kysely';
import { precompiledInsert } from '../precompiled.ts';
import { noReadCache, type ReadCache } from '../read-cache.ts';
import type { ConcernStatus } from '../../contract/vocabulary.ts';
import {
  concernRow,
  parseList,
  toConcern,
  toInboxConcern,
  type Concern,
  type InboxConcern,
} from '../records.ts';
import type { Database } from '../schema.ts';

export interface InboxQuery {
  status?: ConcernStatus | undefined;
  /** Keyset cursor: list concerns older than this (created_at, id). */
  before?: { createdAt: string; id: string } | undefined;
  limit: number;
}

const INBOX_COLUMNS = [
  'id',
  'status',
  'urgency',
  'categories',
  'harmed',
  'wants',
  'anonymous',
  'source',
  'subject_line',
  'created_at',
  'updated_at',
] as const;

// Raising a concern is the hottest write: its insert is built once.
const insertConcern = precompiledInsert('concerns', {
  id: true,
  community_id: true,
  status: true,
  urgency: true,
  categories: true,
  harmed: true,
  wants: true,
  subject_user_id: true,
  subject_key: true,
  subject_tokens: true,
  reporter_user_id: true,
  anonymous: true,
  source: true,
  content: true,
  subject_line: true,
  follow_lookup: true,
  follow_verifier_hash: true,
  created_at: true,
  updated_at: true,
});

export function concernsRepository(db: Kysely<Database>, cache: ReadCache = noReadCache) {
  return {
    async insert(concern: Concern): Promise<void> {
      await insertConcern(db, concernRow(concern));
    },
    async find(communityId: string, id: string): Promise<Concern | undefined> {
      const row = await db
        .selectFrom('concerns')
        .selectAll()
        .where('community_id', '=', communityId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toConcern(row);
    },
    async findByFollowLookup(lookup: string): Promise<Concern | undefined> {
      const row = await db
        .selectFrom('concerns')
        .selectAll()
        .where('follow_lookup', '=', lookup)
        .executeTakeFirst();
      return row && toConcern(row);
    },
    /** Kept by the read cache as mapped records (frozen), never as rows. */
    listInbox(communityId: string, q: InboxQuery): Promise<readonly InboxConcern[]> {
      const key = `inbox:${communityId}:${q.status ?? ''}:${q.before?.createdAt ?? ''}:${q.before?.id ?? ''}:${q.limit}`;
      return cache.read(key, async () => (await listInbox(db, communityId, q)).map(toInboxConcern));
    },
    async listByReporter(userId: string) {
      const rows = await db
        .selectFrom('concerns')
        .select(['id', 'community_id', 'status', 'created_at', 'updated_at'])
        .where('reporter_user_id', '=', userId)
        .orderBy('created_at', 'desc')
        .limit(200)
        .execute();
      return rows.map((r) => ({
        id: r.id,
        communityId: r.community_id,
        status: r.status,
        createdAt: r.created_at,
        updatedAt: r.updated_at,
      }));
    },
    /** The community's concerns not yet closed: what `tellIfNobodyLeft` needs of each. */
    async listOpen(
      communityId: string,
    ): Promise<Pick<Concern, 'id' | 'communityId' | 'subjectUserId' | 'status'>[]> {
      const rows = await db
        .selectFrom('concerns')
        .select(['id', 'community_id', 'subject_user_id', 'status'])
        .where('community_id', '=', communityId)
        .where('status', '!=', 'closed')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        communityId: r.community_id,
        subjectUserId: r.subject_user_id,
        status: r.status,
      }));
    },
    /** How many cases (concerns, closed or open) the community holds now. */
    async countInCommunity(communityId: string): Promise<number> {
      const r = await db
        .selectFrom('concerns')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('community_id', '=', communityId)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
    /** Earlier concerns about the same person (by account or by blind-indexed handle). */
    async countAboutSubject(
      communityId: string,
      subject: { userId: string | null; key: string | null },
      excludeId: string,
    ): Promise<number> {
      if (!subject.userId && !subject.key) return 0;
      const r = await db
        .selectFrom('concerns')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('community_id', '=', communityId)
        .where('id', '!=', excludeId)
        .where((eb) =>
          eb.or([
            ...(subject.userId ? [eb('subject_user_id', '=', subject.userId)] : []),
            ...(subject.key ? [eb('subject_key', '=', subject.key)] : []),
          ]),
        )
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
    /** Whom every concern of the community is about (no content): for history by name. */
    async listSubjects(communityId: string) {
      const rows = await db
        .selectFrom('concerns')
        .select(['id', 'subject_user_id', 'subject_key', 'subject_tokens'])
        .where('community_id', '=', communityId)
        .execute();
      return rows.map((r) => ({
        id: r.id,
        subjectUserId: r.subject_user_id,
        subjectKey: r.subject_key,
        subjectTokens: r.subject_tokens ? parseList<string>(r.subject_tokens) : null,
      }));
    },
    /** Links or unlinks the member a concern is about (and its sealed content, re-encrypted). */
    async updateSubject(
      communityId: string,
      id: string,
      s: {
        subjectUserId: string | null;
        subjectKey: string | null;
        subjectTokens: string[];
        content: string;
        updatedAt: string;
      },
    ): Promise<void> {
      await db
        .updateTable('concerns')
        .set({
          subject_user_id: s.subjectUserId,
          subject_key: s.subjectKey,
          subject_tokens: JSON.stringify(s.subjectTokens),
          content: s.content,
          updated_at: s.updatedAt,
        })
        .where('community_id', '=', communityId)
        .where('id', '=', id)
        .execute();
    },
    /** The one-line subject (encrypted), set or cleared by an organizer. */
    async setSubjectLine(
      communityId: string,
      id: string,
      subjectLine: string | null,
      at: string,
    ): Promise<void> {
      await db
        .updateTable('concerns')
        .set({ subject_line: subjectLine, updated_at: at })
        .where('community_id', '=', communityId)
        .where('id', '=', id)
        .execute();
    },
    async updateStatus(
      communityId: string,
      id: string,
      status: ConcernStatus,
      at: string,
    ): Promise<void> {
      await db
        .updateTable('concerns')
        .set({ status, updated_at: at })
        .where('community_id', '=', communityId)
        .where('id', '=', id)
        .execute();
    },
  };
}
export type ConcernsRepository = ReturnType<typeof concernsRepository>;

function listInbox(db: Kysely<Database>, communityId: string, q: InboxQuery) {
  let query = db
    .selectFrom('concerns')
    .select(INBOX_COLUMNS)
    .where('community_id', '=', communityId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit);
  if (q.status) query = query.where('status', '=', q.status);
  if (q.before) {
    const { createdAt, id } = q.before;
    query = query.where((eb) =>
      eb.or([
        eb('created_at', '<', createdAt),
        eb.and([eb('created_at', '=', createdAt), eb('id', '<', id)]),
      ]),
    );
  }
  return query.execute();
}
