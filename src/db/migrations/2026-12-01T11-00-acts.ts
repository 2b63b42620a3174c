// Frozen: never edit a migration that has shipped; add a new dated one instead.
// Nobody acts as someone else (rule 10):
// - call_ins.consent_target: encrypted { userId } or { email, name } the pending consent request
//   went to, so re-pointing it can tell the old address it was withdrawn;
// - call_ins.consent_proposal: encrypted address a caller proposed, waiting for an organizer;
// - call_ins.member_claim_hash: hash of the secret bound to the browser that first opened a
//   one-time handover link (later answers through that link need it);
// - audit_log.channel: how a person acted (app, follow link, consent link, member link); null for
//   entries from before, whose seal does not cover it.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('call_ins').addColumn('consent_target', 'text').execute();
  await db.schema.alterTable('call_ins').addColumn('consent_proposal', 'text').execute();
  await db.schema.alterTable('call_ins').addColumn('member_claim_hash', 'text').execute();
  await db.schema.alterTable('audit_log').addColumn('channel', 'text').execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
