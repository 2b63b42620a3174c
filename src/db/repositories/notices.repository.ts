// In-app notices and how each organizer hears about new concerns.
import type { ExpressionBuilder, Kysely } from 'kysely';
import { operatorTemplates } from '../../contract/notifications.ts';
import type { NewConcernEmail } from '../../contract/vocabulary.ts';
import {
  noticeRow,
  noticeSettingRow,
  toNotice,
  toNoticeSetting,
  type Notice,
  type NoticeSetting,
} from '../records.ts';
import type { Database } from '../schema.ts';

/**
 * A notice shows while its reader belongs to its community, or (a notice written for
 * operators) while its reader is an operator.
 */
function visibleTo(
  eb: ExpressionBuilder<Database & { n: Database['notices'] }, 'n'>,
  userId: string,
) {
  return eb.or([
    eb.exists(
      eb
        .selectFrom('memberships as m')
        .select('m.user_id')
        .whereRef('m.community_id', '=', 'n.community_id')
        .where('m.user_id', '=', userId),
    ),
    eb.and([
      eb('n.template', 'in', [...operatorTemplates]),
      eb.exists(
        eb
          .selectFrom('users as u')
          .select('u.id')
          .where('u.id', '=', userId)
          .where('u.is_operator', '=', 1),
      ),
    ]),
  ]);
}

export function noticesRepository(db: Kysely<Database>) {
  return {
    /** Writes a notice once per delivery: false when this delivery already wrote it. */
    async insertOnce(notice: Notice): Promise<boolean> {
      const r = await db
        .insertInto('notices')
        .values(noticeRow(notice))
        .onConflict((oc) => oc.column('delivery_id').doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    /**
     * One person's notices, newest first, from the communities they still belong to (and, for
     * an operator, those written for operators); `before`
     * is the (createdAt, id) of the last one already shown.
     */
    async listForUser(
      userId: string,
      limit: number,
      before?: { createdAt: string; id: string },
    ): Promise<Notice[]> {
      let q = db
        .selectFrom('notices as n')
        .selectAll('n')
        .where('n.user_id', '=', userId)
        .where((eb) => visibleTo(eb, userId));
      if (before) {
        q = q.where((eb) =>
          eb.or([
            eb('n.created_at', '<', before.createdAt),
            eb.and([eb('n.created_at', '=', before.createdAt), eb('n.id', '<', before.id)]),
          ]),
        );
      }
      const rows = await q
        .orderBy('n.created_at', 'desc')
        .orderBy('n.id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toNotice);
    },
    async countUnread(userId: string): Promise<number> {
      const row = await db
        .selectFrom('notices as n')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .where('n.user_id', '=', userId)
        .where((eb) => visibleTo(eb, userId))
        .where('n.read_at', 'is', null)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    /** Marks the person's own notices read (all of them when `ids` is undefined). */
    async markRead(userId: string, at: string, ids?: readonly string[]): Promise<number> {
      if (ids && ids.length === 0) return 0;
      let q = db
        .updateTable('notices')
        .set({ read_at: at })
        .where('user_id', '=', userId)
        .where('read_at', 'is', null);
      if (ids) q = q.where('id', 'in', [...ids]);
      const r = await q.executeTakeFirst();
      return Number(r.numUpdatedRows);
    },
    async findSetting(userId: string, communityId: string): Promise<NoticeSetting | undefined> {
      const row = await db
        .selectFrom('notice_settings')
        .selectAll()
        .where('user_id', '=', userId)
        .where('community_id', '=', communityId)
        .executeTakeFirst();
      return row && toNoticeSetting(row);
    },
    async saveSetting(setting: NoticeSetting): Promise<void> {
      const row = noticeSettingRow(setting);
      await db
        .insertInto('notice_settings')
        .values(row)
        .onConflict((oc) =>
          oc
            .columns(['user_id', 'community_id'])
            .doUpdateSet({ new_concerns: row.new_concerns, updated_at: row.updated_at }),
        )
        .execute();
    },
    /** How each of these people hears about new concerns here (missing: the default). */
    async settingsFor(
      communityId: string,
      userIds: readonly string[],
    ): Promise<Map<string, NewConcernEmail>> {
      if (userIds.length === 0) return new Map();
      const rows = await db
        .selectFrom('notice_settings')
        .select(['user_id', 'new_concerns'])
        .where('community_id', '=', communityId)
        .where('user_id', 'in', [...userIds])
        .execute();
      return new Map(rows.map((r) => [r.user_id, r.new_concerns]));
    },
  };
}
