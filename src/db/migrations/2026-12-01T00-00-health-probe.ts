// Frozen: never edit a migration that has shipped; add a new dated one instead.
// One row that `GET /api/health` rewrites now and then, so "ok" means the database can still
// commit a write (a full disk or a read-only volume shows), not only answer a read.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('health_probe')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('checked_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
