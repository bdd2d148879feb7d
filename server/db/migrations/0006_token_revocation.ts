/**
 * Advocate tokens that end: when each token was last used (tokens idle too long expire), why and
 * when an advocate's access ended (removed by an admin, signed out, expired), and the hashes of
 * revoked tokens, kept even after an advocate is erased so the extension is told why it was refused.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('advocates').addColumn('token_used_at', 'bigint').execute();
  await db.schema.alterTable('advocates').addColumn('access_ended_at', 'bigint').execute();
  // 'removed' (by an admin), 'signed-out' (by the advocate) or 'expired' (unused too long).
  await db.schema.alterTable('advocates').addColumn('access_ended', 'varchar(16)').execute();
  // Tokens in use when this runs get a full idle period from now, not from their last sync.
  await db
    .updateTable('advocates' as never)
    .set({ token_used_at: Date.now() } as never)
    .execute();

  // No foreign key: an erased advocate's revoked token stays recognised after the advocate row is
  // gone (advocate_id is then null), so the extension learns why it is refused.
  await db.schema
    .createTable('revoked_tokens')
    .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('advocate_id', 'varchar(32)')
    .addColumn('reason', 'varchar(16)', (c) => c.notNull())
    .addColumn('revoked_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('revoked_tokens_advocate').on('revoked_tokens').column('advocate_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('revoked_tokens').ifExists().execute();
  await db.schema.alterTable('advocates').dropColumn('access_ended').execute();
  await db.schema.alterTable('advocates').dropColumn('access_ended_at').execute();
  await db.schema.alterTable('advocates').dropColumn('token_used_at').execute();
}
