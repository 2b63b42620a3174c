// Frozen: never edit a migration that has shipped; add a new dated one instead.
// In-app notices (one row per person told, written by the `app` notification channel) and each
// person's choice of how organizers hear about new concerns by email.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('community_id', 'text', (c) =>
      c.notNull().references('communities.id').onDelete('cascade'),
    )
    .addColumn('template', 'text', (c) => c.notNull())
    // The link, encrypted: a private link (a consent question) is a secret.
    .addColumn('link', 'text', (c) => c.notNull())
    // The delivery job's id: a retried delivery writes nothing twice.
    .addColumn('delivery_id', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema
    .createIndex('notices_user_created')
    .on('notices')
    .columns(['user_id', 'created_at'])
    .execute();
  await db.schema
    .createTable('notice_settings')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('community_id', 'text', (c) =>
      c.notNull().references('communities.id').onDelete('cascade'),
    )
    .addColumn('new_concerns', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('notice_settings_pk', ['user_id', 'community_id'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
