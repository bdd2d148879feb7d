/**
 * Admin roles and the audit log (issue 19). Every admin gets a role; those already there are owners,
 * as they could do everything before. The audit log is append-only: rows are only ever inserted,
 * except when retention drops old ones or an advocate's erasure blanks their personal fields.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('admins')
    .addColumn('role', 'varchar(16)', (c) => c.notNull().defaultTo('owner'))
    .execute();
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('at', 'bigint', (c) => c.notNull())
    // 'admin', 'scim' (a provisioning token), 'cli' or 'system'.
    .addColumn('actor_type', 'varchar(16)', (c) => c.notNull())
    .addColumn('actor_id', 'varchar(64)')
    // The actor's email or label when it happened: a personal field.
    .addColumn('actor_label', 'varchar(320)')
    // A dotted verb such as content.publish (lib/audit-actions.ts).
    .addColumn('action', 'varchar(64)', (c) => c.notNull())
    .addColumn('target_type', 'varchar(32)')
    .addColumn('target_id', 'varchar(64)')
    // The target's title, name or email when it happened: personal when the target is a person.
    .addColumn('target_label', 'varchar(500)')
    // JSON: what changed ({before, after}, the reason, the comment...).
    .addColumn('change', 'text', (c) => c.notNull())
    // The advocate an entry is about, if any: their erasure blanks the entry's personal fields.
    .addColumn('advocate_id', 'varchar(32)')
    .execute();
  await db.schema.createIndex('audit_log_at').on('audit_log').columns(['at']).execute();
  await db.schema.createIndex('audit_log_advocate').on('audit_log').columns(['advocate_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_log').ifExists().execute();
  await db.schema.alterTable('admins').dropColumn('role').execute();
}
