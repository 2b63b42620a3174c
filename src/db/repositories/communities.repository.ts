import type { Kysely } from 'kysely';
import type { Role } from '../../contract/vocabulary.ts';
import {
  communityPatchRow,
  communityRow,
  toCommunity,
  type Community,
  type CommunityPatch,
} from '../records.ts';
import type { Database } from '../schema.ts';

export function communitiesRepository(db: Kysely<Database>) {
  return {
    async insert(community: Community): Promise<void> {
      await db.insertInto('communities').values(communityRow(community)).execute();
    },
    async findById(id: string): Promise<Community | undefined> {
      const row = await db
        .selectFrom('communities')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toCommunity(row);
    },
    async findBySlug(slug: string): Promise<Community | undefined> {
      const row = await db
        .selectFrom('communities')
        .selectAll()
        .where('slug', '=', slug)
        .executeTakeFirst();
      return row && toCommunity(row);
    },
    async findByIntakeId(intakeId: string): Promise<Community | undefined> {
      const row = await db
        .selectFrom('communities')
        .selectAll()
        .where('intake_id', '=', intakeId)
        .executeTakeFirst();
      return row && toCommunity(row);
    },
    async listAll(): Promise<Community[]> {
      const rows = await db.selectFrom('communities').selectAll().orderBy('name').execute();
      return rows.map(toCommunity);
    },
    async listForUser(userId: string): Promise<(Community & { role: Role })[]> {
      const rows = await db
        .selectFrom('communities')
        .innerJoin('memberships', 'memberships.community_id', 'communities.id')
        .selectAll('communities')
        .select('memberships.role')
        .where('memberships.user_id', '=', userId)
        .orderBy('communities.name')
        .execute();
      return rows.map((r) => ({ ...toCommunity(r), role: r.role }));
    },
    async update(id: string, patch: CommunityPatch): Promise<void> {
      await db
        .updateTable('communities')
        .set(communityPatchRow(patch))
        .where('id', '=', id)
        .execute();
    },
  };
}
export type CommunitiesRepository = ReturnType<typeof communitiesRepository>;
