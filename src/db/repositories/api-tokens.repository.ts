import type { Kysely } from 'kysely';
import { noReadCache, type ReadCache } from '../read-cache.ts';
import {
  apiTokenRow,
  toApiTokenWithUser,
  type ApiToken,
  type ApiTokenWithUser,
} from '../records.ts';
import type { Database } from '../schema.ts';

export function apiTokensRepository(db: Kysely<Database>, cache: ReadCache = noReadCache) {
  return {
    async insert(token: ApiToken): Promise<void> {
      await db.insertInto('api_tokens').values(apiTokenRow(token)).execute();
    },
    /** The read cache keeps the mapped record (frozen), never the row. */
    findActiveWithUser(tokenHash: string): Promise<ApiTokenWithUser | undefined> {
      return cache.read(`token:${tokenHash}`, async () => {
        const row = await db
          .selectFrom('api_tokens')
          .innerJoin('users', 'users.id', 'api_tokens.user_id')
          .select([
            'api_tokens.id',
            'api_tokens.community_id',
            'api_tokens.last_used_at',
            'users.id as user_id',
            'users.email',
            'users.display_name',
            'users.is_operator',
            'users.erased_at',
          ])
          .where('api_tokens.token_hash', '=', tokenHash)
          .where('api_tokens.revoked_at', 'is', null)
          .executeTakeFirst();
        return row && toApiTokenWithUser(row);
      });
    },
    async listForUser(communityId: string, userId: string) {
      const rows = await db
        .selectFrom('api_tokens')
        .select(['id', 'name', 'created_at', 'last_used_at', 'revoked_at'])
        .where('community_id', '=', communityId)
        .where('user_id', '=', userId)
        .orderBy('created_at', 'desc')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        name: r.name,
        createdAt: r.created_at,
        lastUsedAt: r.last_used_at,
        revokedAt: r.revoked_at,
      }));
    },
    async markUsed(id: string, at: string): Promise<void> {
      await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
    },
    /** Revokes every token this person still has, in every community; returns how many. */
    async revokeAllForUser(userId: string, at: string): Promise<number> {
      const r = await db
        .updateTable('api_tokens')
        .set({ revoked_at: at })
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows);
    },
    async revoke(communityId: string, userId: string, id: string, at: string): Promise<boolean> {
      const r = await db
        .updateTable('api_tokens')
        .set({ revoked_at: at })
        .where('id', '=', id)
        .where('community_id', '=', communityId)
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
  };
}
export type ApiTokensRepository = ReturnType<typeof apiTokensRepository>;
