import type { Kysely } from 'kysely';
import { noReadCache, type ReadCache } from '../read-cache.ts';
import type { Role } from '../../contract/vocabulary.ts';
import { membershipRow, toMembership, type Membership } from '../records.ts';
import type { Database } from '../schema.ts';

export function membershipsRepository(db: Kysely<Database>, cache: ReadCache = noReadCache) {
  return {
    find(communityId: string, userId: string): Promise<Membership | undefined> {
      // The read cache keeps the mapped record (frozen), never the row.
      return cache.read(`membership:${communityId}:${userId}`, async () => {
        const row = await db
          .selectFrom('memberships')
          .selectAll()
          .where('community_id', '=', communityId)
          .where('user_id', '=', userId)
          .executeTakeFirst();
        return row && toMembership(row);
      });
    },
    async insert(membership: Membership): Promise<void> {
      await db.insertInto('memberships').values(membershipRow(membership)).execute();
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
    async list(communityId: string) {
      const rows = await db
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
      return rows.map((r) => ({
        userId: r.user_id,
        displayName: r.display_name,
        email: r.email,
        role: r.role,
        createdAt: r.created_at,
      }));
    },
    /** The people holding exactly this role here. */
    async userIdsWithRole(communityId: string, role: Role): Promise<string[]> {
      const rows = await db
        .selectFrom('memberships')
        .select('user_id')
        .where('community_id', '=', communityId)
        .where('role', '=', role)
        .orderBy('user_id')
        .execute();
      return rows.map((r) => r.user_id);
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
