// Frozen: never edit a migration that has shipped; add a new dated one instead.
// Flow steps 3-8: call-ins with their consent and private thread, offers to allies, care for
// callers, and the enforcement ladder with appeals.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('call_ins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'text', (c) =>
      c.notNull().references('communities.id').onDelete('cascade'),
    )
    .addColumn('concern_id', 'text', (c) =>
      c.notNull().references('concerns.id').onDelete('cascade'),
    )
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('language', 'text')
    .addColumn('caller_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('caller_kind', 'text')
    .addColumn('harmed_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('consent_mode', 'text', (c) => c.notNull())
    .addColumn('consent_status', 'text', (c) => c.notNull())
    .addColumn('consent_token_hash', 'text', (c) => c.unique())
    .addColumn('consent_conditions', 'text')
    .addColumn('consent_decided_by', 'text')
    .addColumn('consent_at', 'text')
    .addColumn('channel', 'text')
    .addColumn('draft', 'text')
    .addColumn('member_token_hash', 'text', (c) => c.unique())
    .addColumn('member_link', 'text')
    .addColumn('member_contact', 'text')
    .addColumn('member_state', 'text')
    .addColumn('outcome', 'text')
    .addColumn('outcome_note', 'text')
    .addColumn('outcome_at', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema
    .createIndex('call_ins_concern')
    .on('call_ins')
    .columns(['community_id', 'concern_id'])
    .execute();
  await db.schema
    .createIndex('call_ins_caller')
    .on('call_ins')
    .columns(['caller_user_id', 'status'])
    .execute();
  await db.schema
    .createIndex('call_ins_status')
    .on('call_ins')
    .columns(['community_id', 'status'])
    .execute();

  await db.schema
    .createTable('call_in_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('call_in_id', 'text', (c) =>
      c.notNull().references('call_ins.id').onDelete('cascade'),
    )
    .addColumn('community_id', 'text', (c) => c.notNull())
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('call_in_messages_thread')
    .on('call_in_messages')
    .columns(['call_in_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('call_in_offers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('call_in_id', 'text', (c) =>
      c.notNull().references('call_ins.id').onDelete('cascade'),
    )
    .addColumn('community_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('relationship', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('offered_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .execute();
  await db.schema
    .createIndex('call_in_offers_user')
    .on('call_in_offers')
    .columns(['user_id', 'status'])
    .execute();

  await db.schema
    .createTable('care_profiles')
    .addColumn('community_id', 'text', (c) =>
      c.notNull().references('communities.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('paused', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('languages', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('care_profiles_pk', ['community_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('care_logs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'text', (c) =>
      c.notNull().references('communities.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('call_in_id', 'text', (c) => c.references('call_ins.id').onDelete('set null'))
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('drain', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('care_logs_person')
    .on('care_logs')
    .columns(['community_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('enforcements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'text', (c) =>
      c.notNull().references('communities.id').onDelete('cascade'),
    )
    .addColumn('subject_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('subject_key', 'text')
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('concern_ids', 'text', (c) => c.notNull())
    .addColumn('call_in_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('enforced_by', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('enforcements_subject')
    .on('enforcements')
    .columns(['community_id', 'subject_user_id'])
    .execute();
  await db.schema
    .createIndex('enforcements_subject_key')
    .on('enforcements')
    .columns(['community_id', 'subject_key'])
    .execute();

  await db.schema
    .createTable('enforcement_appeals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enforcement_id', 'text', (c) =>
      c.notNull().references('enforcements.id').onDelete('cascade'),
    )
    .addColumn('community_id', 'text', (c) => c.notNull())
    .addColumn('appellant_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('statement', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decision_note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .execute();
  await db.schema
    .createIndex('enforcement_appeals_record')
    .on('enforcement_appeals')
    .column('enforcement_id')
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
