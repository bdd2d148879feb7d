/**
 * Approvals (issue 19). Each post's latest review (who submitted it and when, who approved or
 * rejected it, when and with what comment, and who last edited it), every review step kept for
 * the record (regulated firms must show who approved what), and per-admin console notifications.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('content_reviews')
    .addColumn('content_id', 'varchar(32)', (c) => c.primaryKey())
    // 'pending', 'approved' or 'rejected'; null: never submitted (the row only records an edit).
    .addColumn('state', 'varchar(16)')
    .addColumn('submitted_by', 'varchar(32)')
    .addColumn('submitted_at', 'bigint')
    .addColumn('note', 'text')
    .addColumn('reviewed_by', 'varchar(32)')
    .addColumn('reviewed_at', 'bigint')
    .addColumn('comment', 'text')
    // Whoever last created or changed the post: they cannot approve it either.
    .addColumn('edited_by', 'varchar(32)')
    .addColumn('edited_at', 'bigint')
    .execute();
  await db.schema
    .createTable('content_review_steps')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('content_id', 'varchar(32)', (c) => c.notNull())
    // 'submit', 'approve', 'reject' or 'reopen' (an edit sent an approved post back).
    .addColumn('action', 'varchar(16)', (c) => c.notNull())
    .addColumn('admin_id', 'varchar(32)')
    .addColumn('comment', 'text')
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('content_review_steps_content')
    .on('content_review_steps')
    .columns(['content_id', 'at'])
    .execute();
  await db.schema
    .createTable('admin_notifications')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('admin_id', 'varchar(32)', (c) => c.notNull())
    // 'submitted', 'approved' or 'rejected'.
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('content_id', 'varchar(32)', (c) => c.notNull())
    .addColumn('actor_id', 'varchar(32)')
    .addColumn('comment', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('read_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('admin_notifications_admin')
    .on('admin_notifications')
    .columns(['admin_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('admin_notifications').ifExists().execute();
  await db.schema.dropTable('content_review_steps').ifExists().execute();
  await db.schema.dropTable('content_reviews').ifExists().execute();
}
