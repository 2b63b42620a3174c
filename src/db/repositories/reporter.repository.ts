// The conversation with the reporter, and the address a reporter left to hear of changes.
import type { Kysely } from 'kysely';
import {
  toConcern,
  type Concern,
  followAlertRow,
  reporterMessageRow,
  toFollowAlert,
  toReporterMessage,
  type FollowAlert,
  type ReporterMessage,
} from '../records.ts';
import type { Database } from '../schema.ts';

export function reporterRepository(db: Kysely<Database>) {
  return {
    /** A concern this person raised under their name (never an anonymous one). */
    async findRaisedBy(userId: string, concernId: string): Promise<Concern | undefined> {
      const row = await db
        .selectFrom('concerns')
        .selectAll()
        .where('id', '=', concernId)
        .where('reporter_user_id', '=', userId)
        .where('anonymous', '=', 0)
        .executeTakeFirst();
      return row && toConcern(row);
    },
    async insertMessage(m: ReporterMessage): Promise<void> {
      await db.insertInto('reporter_messages').values(reporterMessageRow(m)).execute();
    },
    /** One concern's thread, oldest first. */
    async listMessages(communityId: string, concernId: string): Promise<ReporterMessage[]> {
      const rows = await db
        .selectFrom('reporter_messages')
        .selectAll()
        .where('community_id', '=', communityId)
        .where('concern_id', '=', concernId)
        .orderBy('created_at', 'asc')
        .orderBy('id', 'asc')
        .execute();
      return rows.map(toReporterMessage);
    },
    async countMessages(communityId: string, concernId: string): Promise<number> {
      const row = await db
        .selectFrom('reporter_messages')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .where('community_id', '=', communityId)
        .where('concern_id', '=', concernId)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
    async findAlert(concernId: string): Promise<FollowAlert | undefined> {
      const row = await db
        .selectFrom('follow_alerts')
        .selectAll()
        .where('concern_id', '=', concernId)
        .executeTakeFirst();
      return row ? toFollowAlert(row) : undefined;
    },
    /** Sets (or replaces) the address for one concern. */
    async upsertAlert(a: FollowAlert): Promise<void> {
      const row = followAlertRow(a);
      await db
        .insertInto('follow_alerts')
        .values(row)
        .onConflict((oc) =>
          oc.column('concern_id').doUpdateSet({ address: row.address, created_at: row.created_at }),
        )
        .execute();
    },
    async deleteAlert(concernId: string): Promise<void> {
      await db.deleteFrom('follow_alerts').where('concern_id', '=', concernId).execute();
    },
    async markAlertSent(concernId: string, at: string): Promise<void> {
      await db
        .updateTable('follow_alerts')
        .set({ last_sent_at: at })
        .where('concern_id', '=', concernId)
        .execute();
    },
  };
}

export type ReporterRepository = ReturnType<typeof reporterRepository>;
