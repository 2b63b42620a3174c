import type { Kysely } from 'kysely';
import { noReadCache, type ReadCache } from '../read-cache.ts';
import type { Database, Membership, MembershipsTable, Role } from '../schema.ts';

export function membershipsRepository(db: Kysely<Database>, cache: ReadCache = noReadCache) {
  return {
    find(communityId: string, userId: string): Promise<Membership | undefined> {
      return cache.read(`membership:${communityId}:${userId}`, () =>
        db
          .selectFrom('memberships')
          .selectAll()
          .where('community_id', '=', communityId)
          .where('user_id', '=', userId)
          .executeTakeFirst(),
      );
    },
    async insert(row: MembershipsTable): Promise<void> {
      await db.insertInto('memberships').values(row).execute();
    },
    async updateRole(communityId: string, userId: string, role: Role): Promise<void> {
      await db
        .updateTable('memberships')
        .set({ role })
        .where('community_id', '=', communityId)
        .where('user_id', '=', userId)
        .execute();
    },
    async delete(communityId: string, userId: string): Promise<void> {
      await db
        .deleteFrom('memberships')
        .where('community_id', '=', communityId)
        .where('user_id', '=', userId)
        .execute();
    },
    list(communityId: string) {
      return db
        .selectFrom('memberships')
        .innerJoin('users', 'users.id', 'memberships.user_id')
        .select([
          'users.id as user_id',
          'users.display_name',
          'users.email',
          'memberships.role',
          'memberships.created_at',
        ])
        .where('memberships.community_id', '=', communityId)
        .orderBy('users.display_name')
        .execute();
    },
    async countWithRole(communityId: string, role: Role): Promise<number> {
      const r = await db
        .selectFrom('memberships')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('community_id', '=', communityId)
        .where('role', '=', role)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
  };
}
export type MembershipsRepository = ReturnType<typeof membershipsRepository>;
