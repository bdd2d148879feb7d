/**
 * Publish overrides: content published (or scheduled) although a variant broke a must-fix
 * guideline, with who chose to, when, why, and the rules it broke (JSON); one per content item,
 * the latest.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('content_overrides')
    .addColumn('content_id', 'varchar(32)', (c) => c.primaryKey().references('content.id').onDelete('cascade'))
    // No foreign key: the record outlives the admin who made it.
    .addColumn('admin_id', 'varchar(32)', (c) => c.notNull())
    .addColumn('reason', 'varchar(500)', (c) => c.notNull())
    // The failing rules as the 422 listed them (lib/guidelines/publish-check.ts MustFixFailure[]).
    .addColumn('failures', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('content_overrides').ifExists().execute();
}
