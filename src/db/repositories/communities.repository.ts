import type { Kysely } from 'kysely';
import type { CommunitiesTable, Community, Database, Role } from '../schema.ts';

export function communitiesRepository(db: Kysely<Database>) {
  return {
    async insert(row: CommunitiesTable): Promise<void> {
      await db.insertInto('communities').values(row).execute();
    },
    findById(id: string): Promise<Community | undefined> {
      return db.selectFrom('communities').selectAll().where('id', '=', id).executeTakeFirst();
    },
    findBySlug(slug: string): Promise<Community | undefined> {
      return db.selectFrom('communities').selectAll().where('slug', '=', slug).executeTakeFirst();
    },
    findByIntakeId(intakeId: string): Promise<Community | undefined> {
      return db
        .selectFrom('communities')
        .selectAll()
        .where('intake_id', '=', intakeId)
        .executeTakeFirst();
    },
    listAll(): Promise<Community[]> {
      return db.selectFrom('communities').selectAll().orderBy('name').execute();
    },
    listForUser(userId: string): Promise<(Community & { role: Role })[]> {
      return db
        .selectFrom('communities')
        .innerJoin('memberships', 'memberships.community_id', 'communities.id')
        .selectAll('communities')
        .select('memberships.role')
        .where('memberships.user_id', '=', userId)
        .orderBy('communities.name')
        .execute();
    },
    async update(
      id: string,
      patch: Partial<Pick<CommunitiesTable, 'name' | 'settings' | 'intake_open' | 'intake_id'>>,
    ): Promise<void> {
      await db.updateTable('communities').set(patch).where('id', '=', id).execute();
    },
  };
}
export type CommunitiesRepository = ReturnType<typeof communitiesRepository>;
