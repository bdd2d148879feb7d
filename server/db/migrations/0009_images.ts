/**
 * Images uploaded from the console (post images, the organisation's logo), kept in the database so
 * a server needs no file storage: the bytes, the type read from them, keyed by their hash.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('images')
    // The first 32 hex digits of the bytes' SHA-256: the same upload twice is one image.
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    // Sniffed from the bytes (lib/images.ts), never the type the upload declared.
    .addColumn('content_type', 'varchar(32)', (c) => c.notNull())
    // bytea on PostgreSQL; on SQLite the declared name is only a hint and a Buffer is stored as a blob.
    .addColumn('bytes', 'bytea', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'varchar(32)')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('images').ifExists().execute();
}
