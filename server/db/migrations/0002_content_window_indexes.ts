/**
 * Indexes for the sync state query: the latest passed and the next coming publish/expiry time of
 * published content are then single index look-ups, whatever the number of drafts and archives.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('content_status_publish_at').on('content').columns(['status', 'publish_at']).execute();
  await db.schema.createIndex('content_status_expires_at').on('content').columns(['status', 'expires_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('content_status_expires_at').execute();
  await db.schema.dropIndex('content_status_publish_at').execute();
}
