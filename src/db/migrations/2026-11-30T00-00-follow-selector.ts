// Frozen: never edit a migration that has shipped; add a new dated one instead.
// Follow links become `<concern id>.<secret>`: the row is found by its id, and only a hash of
// the secret is stored. Until now the lookup key was a hash of the whole link, a random value
// that cost one random write into a unique index on every concern raised. Links given out
// before this keep working: their rows keep the hash as the lookup key and no verifier.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('concerns')
    .renameColumn('follow_token_hash', 'follow_lookup')
    .execute();
  await db.schema.alterTable('concerns').addColumn('follow_verifier_hash', 'text').execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
