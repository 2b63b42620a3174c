import type { Kysely } from 'kysely';
import { noReadCache, type ReadCache } from '../read-cache.ts';
import type { ApiTokensTable, Database } from '../schema.ts';

export function apiTokensRepository(db: Kysely<Database>, cache: ReadCache = noReadCache) {
  return {
    async insert(row: ApiTokensTable): Promise<void> {
      await db.insertInto('api_tokens').values(row).execute();
    },
    findActiveWithUser(tokenHash: string) {
      return cache.read(`token:${tokenHash}`, () =>
        db
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
          .executeTakeFirst(),
      );
    },
    listForUser(communityId: string, userId: string) {
      return db
        .selectFrom('api_tokens')
        .select(['id', 'name', 'created_at', 'last_used_at', 'revoked_at'])
        .where('community_id', '=', communityId)
        .where('user_id', '=', userId)
        .orderBy('created_at', 'desc')
        .execute();
    },
    async markUsed(id: string, at: string): Promise<void> {
      await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
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
