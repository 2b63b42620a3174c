import type { Kysely } from 'kysely';
import { noReadCache, type ReadCache } from '../read-cache.ts';
import { sessionRow, toSessionWithUser, type Session, type SessionWithUser } from '../records.ts';
import type { Database } from '../schema.ts';

export function sessionsRepository(db: Kysely<Database>, cache: ReadCache = noReadCache) {
  return {
    async insert(session: Session): Promise<void> {
      await db.insertInto('sessions').values(sessionRow(session)).execute();
    },
    /** The read cache keeps the mapped record (frozen), never the row. */
    findWithUser(idHash: string): Promise<SessionWithUser | undefined> {
      return cache.read(`session:${idHash}`, async () => {
        const row = await db
          .selectFrom('sessions')
          .innerJoin('users', 'users.id', 'sessions.user_id')
          .select([
            'sessions.id_hash',
            'sessions.csrf_token',
            'sessions.expires_at',
            'sessions.last_seen_at',
            'users.id as user_id',
            'users.email',
            'users.display_name',
            'users.is_operator',
            'users.erased_at',
          ])
          .where('sessions.id_hash', '=', idHash)
          .executeTakeFirst();
        return row && toSessionWithUser(row);
      });
    },
    async touch(idHash: string, lastSeenAt: string, expiresAt: string): Promise<void> {
      await db
        .updateTable('sessions')
        .set({ last_seen_at: lastSeenAt, expires_at: expiresAt })
        .where('id_hash', '=', idHash)
        .execute();
    },
    async delete(idHash: string): Promise<void> {
      await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
    },
    async deleteForUser(userId: string): Promise<number> {
      const r = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
    /** Ends every session of a person but one (the one asking). */
    async deleteOthers(userId: string, keepIdHash: string | null): Promise<number> {
      let q = db.deleteFrom('sessions').where('user_id', '=', userId);
      if (keepIdHash) q = q.where('id_hash', '!=', keepIdHash);
      const r = await q.executeTakeFirst();
      return Number(r.numDeletedRows);
    },
    async deleteExpired(now: string): Promise<void> {
      await db.deleteFrom('sessions').where('expires_at', '<', now).execute();
    },
  };
}
export type SessionsRepository = ReturnType<typeof sessionsRepository>;
