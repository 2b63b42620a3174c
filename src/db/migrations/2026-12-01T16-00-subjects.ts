// Frozen: never edit a migration that has shipped; add a new dated one instead.
// Nobody chooses alone where the member's link goes (rule 10):
// - call_ins.member_contact_confirmed_at: when an organizer (not the caller) entered or confirmed
//   the member's email address in member_contact; null while it only waits as the caller's
//   proposal. Addresses from before were the caller's own choice, so they start unconfirmed.
// - concerns.subject_tokens: JSON list of blind indexes of each normalised word of the names the
//   concern is about (the free text and the linked member's display name), so history matches
//   "milo" with "Milo Member (@milo)" without reading any content. Null for concerns from before:
//   they keep matching by account and by subject_key.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('call_ins').addColumn('member_contact_confirmed_at', 'text').execute();
  await db.schema.alterTable('concerns').addColumn('subject_tokens', 'text').execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
