/**
 * The audit log is append-only in the database too (issue 19): a trigger refuses any UPDATE of
 * audit_log except the erasure of an advocate's personal fields (target_label, actor_label and
 * change of an entry about an advocate, advocate_id set); id, time, actor, action, target ids and
 * advocate_id never change. DELETE stays possible for retention (services/audit-retention.ts).
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';

const MESSAGE = 'audit_log is append-only: only the personal fields of entries about an advocate may be erased';

export async function up(db: Kysely<unknown>): Promise<void> {
  // The console filters by action (or a group of them), newest first.
  await db.schema.createIndex('audit_log_action').on('audit_log').columns(['action', 'at']).execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`
      create function audit_log_append_only() returns trigger language plpgsql as $$
      begin
        if new.id is distinct from old.id or new.at is distinct from old.at
          or new.actor_type is distinct from old.actor_type or new.actor_id is distinct from old.actor_id
          or new.action is distinct from old.action or new.target_type is distinct from old.target_type
          or new.target_id is distinct from old.target_id or new.advocate_id is distinct from old.advocate_id
          or old.advocate_id is null then
          raise exception '${sql.raw(MESSAGE)}' using errcode = 'P0001';
        end if;
        return new;
      end $$`.execute(db);
    await sql`create trigger audit_log_append_only before update on audit_log for each row execute function audit_log_append_only()`.execute(
      db,
    );
    return;
  }
  await sql`
    create trigger audit_log_append_only before update on audit_log
    when new.id is not old.id or new.at is not old.at or new.actor_type is not old.actor_type
      or new.actor_id is not old.actor_id or new.action is not old.action
      or new.target_type is not old.target_type or new.target_id is not old.target_id
      or new.advocate_id is not old.advocate_id or old.advocate_id is null
    begin select raise(abort, '${sql.raw(MESSAGE)}'); end`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger if exists audit_log_append_only${sql.raw(db.getExecutor().adapter instanceof PostgresAdapter ? ' on audit_log' : '')}`.execute(
    db,
  );
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`drop function if exists audit_log_append_only()`.execute(db);
  }
  await db.schema.dropIndex('audit_log_action').ifExists().execute();
}
