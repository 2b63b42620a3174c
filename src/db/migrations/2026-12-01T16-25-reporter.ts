// Frozen: never edit a migration that has shipped; add a new dated one instead.
// The conversation with the reporter (organizers' questions, the reporter's answers and what
// they add later), and the identity-free address a reporter may leave on their follow link to
// hear that something changed.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('reporter_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('concern_id', 'text', (c) => c.notNull())
    .addColumn('community_id', 'text', (c) => c.notNull())
    // 'question' (an organizer), 'answer' or 'addition' (the reporter).
    .addColumn('kind', 'text', (c) => c.notNull())
    // The organizer who asked; always null for the reporter (an anonymous reporter stays so).
    .addColumn('author_user_id', 'text')
    // For an answer: the question it answers.
    .addColumn('reply_to', 'text')
    // Encrypted text.
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('reporter_messages_thread')
    .on('reporter_messages')
    .columns(['concern_id', 'created_at'])
    .execute();
  await db.schema
    .createTable('follow_alerts')
    .addColumn('concern_id', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'text', (c) => c.notNull())
    // Encrypted address; never linked to anyone's account.
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_sent_at', 'text')
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
