/** The first schema: admins, invites, advocates, content, documents, links and shares. */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('counters')
    .addColumn('name', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('value', 'bigint', (c) => c.notNull())
    .execute();
  await db
    .insertInto('counters' as never)
    .values({ name: 'seq', value: 0 } as never)
    .execute();

  await db.schema
    .createTable('admins')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('email', 'varchar(254)', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('admin_sessions')
    .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('admin_id', 'varchar(32)', (c) => c.notNull().references('admins.id').onDelete('cascade'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('invites')
    .addColumn('code', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('created_by', 'varchar(32)')
    .addColumn('max_uses', 'integer')
    .addColumn('uses', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('expires_at', 'bigint')
    .addColumn('revoked_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('advocates')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('name', 'varchar(80)', (c) => c.notNull())
    .addColumn('ref', 'varchar(32)', (c) => c.notNull().unique())
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('invite_code', 'varchar(64)')
    .addColumn('click_tracking', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('leaderboard', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('last_sync_at', 'bigint')
    .execute();

  await db.schema
    .createTable('content')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('image_url', 'text')
    .addColumn('campaign', 'text')
    .addColumn('language', 'varchar(35)')
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('variants', 'text', (c) => c.notNull())
    .addColumn('networks', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('publish_at', 'bigint')
    .addColumn('expires_at', 'bigint')
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('content_seq').on('content').column('seq').execute();
  await db.schema.createIndex('content_publish_at').on('content').column('publish_at').execute();
  await db.schema.createIndex('content_expires_at').on('content').column('expires_at').execute();

  await db.schema
    .createTable('documents')
    .addColumn('name', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('links')
    .addColumn('code', 'varchar(16)', (c) => c.primaryKey())
    .addColumn('advocate_id', 'varchar(32)', (c) => c.notNull().references('advocates.id').onDelete('cascade'))
    .addColumn('content_id', 'varchar(32)', (c) => c.notNull().references('content.id').onDelete('cascade'))
    .addColumn('network', 'varchar(16)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('links_owner', ['advocate_id', 'content_id', 'network'])
    .execute();

  await db.schema
    .createTable('shares')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('advocate_id', 'varchar(32)', (c) => c.notNull().references('advocates.id').onDelete('cascade'))
    .addColumn('content_id', 'varchar(32)', (c) => c.notNull())
    .addColumn('network', 'varchar(16)', (c) => c.notNull())
    .addColumn('shared_at', 'bigint', (c) => c.notNull())
    .addColumn('personalized', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('shares_advocate').on('shares').columns(['advocate_id', 'shared_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'shares',
    'links',
    'documents',
    'content',
    'advocates',
    'invites',
    'admin_sessions',
    'admins',
    'counters',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
