// Rows written straight into an older schema, for the migration tests (test/db/*-migration):
// the columns every schema since the foundation has, with plain values a test overrides. What
// differs between schema versions (a concern's follow columns, say) each test passes itself.
import type { Kysely } from 'kysely';
import { newSecret } from '../../src/domain/common/tokens.ts';

/** When the "earlier" rows were written: before any of the migrations under test. */
export const EARLIER = '2026-11-30T10:00:00.000Z';

type Row = Record<string, unknown>;
// Any schema version: the rows are older than today's types.
type AnyDb = Kysely<any>;

export async function insertOldUser(
  db: AnyDb,
  row: Row & { id: string; email: string; display_name: string },
  at = EARLIER,
): Promise<void> {
  await db
    .insertInto('users')
    .values({
      password_hash: 'not used here',
      is_operator: 0,
      created_at: at,
      erased_at: null,
      ...row,
    })
    .execute();
}

export async function insertOldCommunity(
  db: AnyDb,
  row: Row & { id: string },
  at = EARLIER,
): Promise<void> {
  await db
    .insertInto('communities')
    .values({
      slug: 'older',
      name: 'Older Community',
      intake_id: newSecret().slice(0, 20),
      intake_open: 1,
      settings: '{}',
      created_by: null,
      created_at: at,
      ...row,
    })
    .execute();
}

export async function insertOldConcern(
  db: AnyDb,
  row: Row & { id: string; community_id: string },
  at = EARLIER,
): Promise<void> {
  await db
    .insertInto('concerns')
    .values({
      status: 'new',
      urgency: 'normal',
      categories: '[]',
      harmed: 'me',
      wants: 'organizers',
      subject_user_id: null,
      subject_key: null,
      reporter_user_id: null,
      anonymous: 1,
      source: 'public-form',
      content: 'sealed',
      created_at: at,
      updated_at: at,
      ...row,
    })
    .execute();
}
