// Frozen: never edit a migration that has shipped; add a new dated one instead.
// Audit entries are sealed with a keyed MAC from now on; each names the key it was sealed with
// (keys rotate). Entries from before keep a null key id: their plain SHA-256 chain still holds.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_log').addColumn('key_id', 'text').execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
