/**
 * Leaderboard ranks that do not grow with advocates: advocate_rank_counts holds, per period bucket,
 * board ('' for everyone, 't:' + team for a team) and points, how many listed advocates have
 * exactly those points. A rank is 1 + the sum over the higher points (one entry per distinct score,
 * not per advocate). Triggers on advocate_points keep it exact whoever writes there (the score
 * keeper, settings, SCIM, SSO, deletions); on PostgreSQL once per statement, from transition tables.
 * And links by advocate: the keeper reads an advocate's click counts through their links.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';

/** The rows one side of a change adds to the counts: each listed row, for everyone and its team. */
const deltas = (table: string, sign: number) => `
  select bucket, '' as board, points, ${sign} as delta from ${table} where listed = 1
  union all
  select bucket, 't:' || team, points, ${sign} from ${table} where listed = 1 and team is not null`;

/** The counts the listed rows of `table` make, as rows of advocate_rank_counts (also for a table filled afresh). */
export const countsOf = (table: string) => `
  select bucket, board, points, sum(delta) as advocates from (${deltas(table, 1)}) as d
  group by bucket, board, points`;

/** Adds the summed deltas, in key order (so concurrent statements lock counts in one order). */
const apply = (parts: string) => `
  insert into advocate_rank_counts (bucket, board, points, advocates)
  select bucket, board, points, sum(delta) from (${parts}) as d
  group by bucket, board, points having sum(delta) <> 0
  order by bucket, board, points
  on conflict (bucket, board, points) do update set advocates = advocate_rank_counts.advocates + excluded.advocates`;

const POSTGRES_FUNCTION = `
  create function advocate_rank_counts_apply() returns trigger language plpgsql as $$
  begin
    -- One writer of a schema's counts at a time (until commit): transactions of several statements
    -- then never wait for each other's count rows in opposite orders (no deadlock between keepers).
    perform pg_advisory_xact_lock(4242015, hashtext(tg_table_schema));
    if tg_op = 'INSERT' then
      ${apply(deltas('added', 1))};
    elsif tg_op = 'UPDATE' then
      ${apply(`${deltas('added', 1)} union all ${deltas('removed', -1)}`)};
    else
      ${apply(deltas('removed', -1))};
    end if;
    return null;
  end $$`;

/**
 * SQLite: row triggers; a missing count row is made at 0 first, then moved (not `insert or ignore`:
 * the outer statement's conflict policy, e.g. the keeper's upsert, would override it).
 */
function sqliteTrigger(event: 'insert' | 'update' | 'delete'): string[] {
  const moves: string[] = [];
  const move = (row: 'new' | 'old', sign: string) => {
    for (const board of [`''`, `'t:' || ${row}.team`]) {
      const when = board === `''` ? `${row}.listed = 1` : `${row}.listed = 1 and ${row}.team is not null`;
      moves.push(
        `insert into advocate_rank_counts (bucket, board, points, advocates)
           select ${row}.bucket, ${board}, ${row}.points, 0 where ${when} and not exists (select 1
             from advocate_rank_counts where bucket = ${row}.bucket and board = ${board} and points = ${row}.points);`,
        `update advocate_rank_counts set advocates = advocates ${sign} 1
           where ${when} and bucket = ${row}.bucket and board = ${board} and points = ${row}.points;`,
      );
    }
  };
  if (event !== 'insert') move('old', '-');
  if (event !== 'delete') move('new', '+');
  return [
    `create trigger advocate_rank_counts_${event} after ${event} on advocate_points begin ${moves.join(' ')} end`,
  ];
}

export async function up(db: Kysely<unknown>): Promise<void> {
  // Without it, each recomputation read every link (a sequential scan per chunk of advocates).
  await db.schema.createIndex('links_advocate').on('links').column('advocate_id').execute();
  await db.schema
    .createTable('advocate_rank_counts')
    .addColumn('bucket', 'varchar(10)', (c) => c.notNull())
    .addColumn('board', 'varchar(64)', (c) => c.notNull())
    .addColumn('points', 'integer', (c) => c.notNull())
    .addColumn('advocates', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('advocate_rank_counts_pk', ['bucket', 'board', 'points'])
    .execute();
  await sql`insert into advocate_rank_counts (bucket, board, points, advocates) ${sql.raw(countsOf('advocate_points'))}`.execute(
    db,
  );
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    // Each count changes with every re-score: keep the table's dead versions few.
    await sql`alter table advocate_rank_counts set (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 500, fillfactor = 70)`.execute(
      db,
    );
    await sql.raw(POSTGRES_FUNCTION).execute(db);
    await sql`create trigger advocate_rank_counts_insert after insert on advocate_points
      referencing new table as added for each statement execute function advocate_rank_counts_apply()`.execute(db);
    await sql`create trigger advocate_rank_counts_update after update on advocate_points
      referencing old table as removed new table as added for each statement execute function advocate_rank_counts_apply()`.execute(
      db,
    );
    await sql`create trigger advocate_rank_counts_delete after delete on advocate_points
      referencing old table as removed for each statement execute function advocate_rank_counts_apply()`.execute(db);
    return;
  }
  for (const event of ['insert', 'update', 'delete'] as const) {
    for (const statement of sqliteTrigger(event)) await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const event of ['insert', 'update', 'delete']) {
    await sql
      .raw(`drop trigger if exists advocate_rank_counts_${event}${postgres ? ' on advocate_points' : ''}`)
      .execute(db);
  }
  if (postgres) await sql`drop function if exists advocate_rank_counts_apply()`.execute(db);
  await db.schema.dropTable('advocate_rank_counts').ifExists().execute();
  await db.schema.dropIndex('links_advocate').ifExists().execute();
}
