/**
 * A full re-score builds advocate_points anew beside the live table and swaps it in
 * (services/points-rebuild.ts, PostgreSQL). While the new table, advocate_points_next, exists,
 * triggers note in points_rebuild_dirty every advocate whose live point rows, listing or team
 * change, whoever changes them: the swap re-scores those again so nothing written meanwhile is lost.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';

/** True while a rebuild's table exists in the trigger's schema. */
const REBUILDING = `to_regclass(quote_ident(tg_table_schema) || '.advocate_points_next') is not null`;

const POINTS_FUNCTION = `
  create function points_rebuild_mark_points() returns trigger language plpgsql as $$
  begin
    if ${REBUILDING} then
      if tg_op = 'INSERT' then
        insert into points_rebuild_dirty (advocate_id) select distinct advocate_id from added on conflict do nothing;
      elsif tg_op = 'UPDATE' then
        insert into points_rebuild_dirty (advocate_id)
          select advocate_id from added union select advocate_id from removed on conflict do nothing;
      else
        insert into points_rebuild_dirty (advocate_id) select distinct advocate_id from removed on conflict do nothing;
      end if;
    end if;
    return null;
  end $$`;

const ADVOCATE_FUNCTION = `
  create function points_rebuild_mark_advocate() returns trigger language plpgsql as $$
  begin
    if ${REBUILDING} then
      insert into points_rebuild_dirty (advocate_id)
        values (case when tg_op = 'DELETE' then old.id else new.id end) on conflict do nothing;
    end if;
    return null;
  end $$`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('points_rebuild_dirty')
    .addColumn('advocate_id', 'varchar(32)', (c) => c.primaryKey())
    .execute();
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql.raw(POINTS_FUNCTION).execute(db);
  await sql.raw(ADVOCATE_FUNCTION).execute(db);
  await sql`create trigger points_rebuild_dirty_insert after insert on advocate_points
    referencing new table as added for each statement execute function points_rebuild_mark_points()`.execute(db);
  await sql`create trigger points_rebuild_dirty_update after update on advocate_points
    referencing old table as removed new table as added for each statement execute function points_rebuild_mark_points()`.execute(
    db,
  );
  await sql`create trigger points_rebuild_dirty_delete after delete on advocate_points
    referencing old table as removed for each statement execute function points_rebuild_mark_points()`.execute(db);
  // A listing or team change, or a deletion, of an advocate who has no point rows yet.
  await sql`create trigger points_rebuild_dirty_advocate after update of leaderboard, team, access_ended or delete
    on advocates for each row execute function points_rebuild_mark_advocate()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    for (const event of ['insert', 'update', 'delete']) {
      await sql.raw(`drop trigger if exists points_rebuild_dirty_${event} on advocate_points`).execute(db);
    }
    await sql`drop trigger if exists points_rebuild_dirty_advocate on advocates`.execute(db);
    await sql`drop function if exists points_rebuild_mark_points()`.execute(db);
    await sql`drop function if exists points_rebuild_mark_advocate()`.execute(db);
    await sql`drop table if exists advocate_points_next`.execute(db);
  }
  await db.schema.dropTable('points_rebuild_dirty').ifExists().execute();
}
