/**
 * The tables of a full re-score on PostgreSQL (points-rebuild.ts): advocate_points_next made like
 * the live advocate_points but bare while it fills, then given the live table's indexes, and
 * swapped in with its constraints, triggers and storage options. Everything is copied from the
 * catalog, so a later migration's index or trigger comes along without a change here.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { countsOf } from '../db/migrations/0015_rank_counts';
import type { Database } from '../db/schema';
import type { PointsRow } from './points-writer';

export const NEXT_TABLE = 'advocate_points_next';
/** Memory for each index build: a 2-million-row table then sorts in memory. */
const INDEX_MEMORY = '1GB';

/** What the live advocate_points has beyond its columns, read from the catalog. */
export interface LiveShape {
  indexes: { name: string; definition: string; constraint: { name: string; kind: 'PRIMARY KEY' | 'UNIQUE' } | null }[];
  foreignKeys: { name: string; definition: string }[];
  triggers: string[];
  options: string[];
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
/** The name an index has on the table being built (the live one's until the swap). */
const nextName = (name: string) => `${name.slice(0, 50)}_next`;

export async function liveShape(db: Kysely<Database>): Promise<LiveShape> {
  const { rows: indexes } = await sql<{
    name: string;
    definition: string;
    constraint: string | null;
    kind: string | null;
  }>`
    select c.relname as name, pg_get_indexdef(i.indexrelid) as definition, con.conname as constraint, con.contype as kind
    from pg_index as i join pg_class as c on c.oid = i.indexrelid
    left join pg_constraint as con on con.conindid = i.indexrelid and con.conrelid = i.indrelid and con.contype in ('p', 'u')
    where i.indrelid = 'advocate_points'::regclass order by c.relname`.execute(db);
  const { rows: foreignKeys } = await sql<{ name: string; definition: string }>`
    select conname as name, pg_get_constraintdef(oid) as definition from pg_constraint
    where conrelid = 'advocate_points'::regclass and contype = 'f' order by conname`.execute(db);
  const { rows: triggers } = await sql<{ definition: string }>`
    select pg_get_triggerdef(oid) as definition from pg_trigger
    where tgrelid = 'advocate_points'::regclass and not tgisinternal order by tgname`.execute(db);
  const { rows: options } = await sql<{ options: string[] | null }>`
    select reloptions as options from pg_class where oid = 'advocate_points'::regclass`.execute(db);
  return {
    indexes: indexes.map((row) => ({
      name: row.name,
      definition: row.definition,
      constraint: row.constraint ? { name: row.constraint, kind: row.kind === 'p' ? 'PRIMARY KEY' : 'UNIQUE' } : null,
    })),
    foreignKeys,
    triggers: triggers.map((row) => row.definition),
    options: options[0]?.options ?? [],
  };
}

/**
 * A fresh, bare advocate_points_next (columns, defaults and checks, no index, no vacuum while it
 * fills) and an empty list of advocates changed meanwhile. From its commit on, the triggers of
 * migration 0016 note every change to live point rows and listings.
 */
export async function createNext(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`drop table if exists advocate_points_next`.execute(trx);
    await sql`delete from points_rebuild_dirty`.execute(trx);
    await sql`create table advocate_points_next (like advocate_points including defaults including constraints)
      with (autovacuum_enabled = false)`.execute(trx);
  });
  // Writers that started before the table existed saw no rebuild: wait until each has committed
  // (a SHARE lock waits for every open writer of the table; it is released at once).
  for (const table of ['advocates', 'advocate_points']) {
    await db.transaction().execute(async (trx) => {
      await sql`lock table ${sql.table(table)} in share mode`.execute(trx);
    });
  }
}

/** Notes advocates as changed if a rebuild is running (the score keeper, whose writes may change no row). */
export async function markRebuildDirty(db: Kysely<Database>, advocateIds: readonly string[]): Promise<void> {
  await sql`insert into points_rebuild_dirty (advocate_id)
    select unnest(${[...advocateIds]}::text[]) where to_regclass('advocate_points_next') is not null
    on conflict do nothing`.execute(db);
}

export async function dropNext(db: Kysely<Database>): Promise<void> {
  await sql`drop table if exists advocate_points_next`.execute(db);
}

/** Rows per statement filling advocate_points_next. */
const INSERT_ROWS = 10_000;

/**
 * Adds rows to advocate_points_next, a slice per statement, sent as one JSON text: building it is
 * native, where five array parameters cost the driver an escape per element (a quarter of a
 * rebuild's CPU when measured).
 */
export async function insertNext(db: Kysely<Database>, rows: readonly PointsRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_ROWS) {
    const slice = JSON.stringify(rows.slice(i, i + INSERT_ROWS));
    await sql`insert into advocate_points_next (advocate_id, bucket, points, listed, team)
      select advocate_id, bucket, points, listed, team from json_to_recordset(${slice}::json)
        as r(advocate_id text, bucket text, points integer, listed integer, team text)`.execute(db);
  }
}

/** Builds the live table's indexes on advocate_points_next, two at a time, with statistics. */
export async function indexNext(db: Kysely<Database>, shape: LiveShape): Promise<void> {
  const pending = [...shape.indexes];
  const build = async () => {
    for (let index = pending.shift(); index; index = pending.shift()) {
      const parts = /^CREATE (UNIQUE )?INDEX \S+ ON \S+ USING (.+)$/s.exec(index.definition);
      if (!parts) throw new Error(`unexpected index definition: ${index.definition}`);
      const statement = `create ${parts[1] ?? ''}index ${quote(nextName(index.name))} on advocate_points_next using ${parts[2]}`;
      await db.transaction().execute(async (trx) => {
        await sql.raw(`set local maintenance_work_mem = '${INDEX_MEMORY}'`).execute(trx);
        await sql`set local statement_timeout = 0`.execute(trx);
        await sql.raw(statement).execute(trx);
      });
    }
  };
  await Promise.all([build(), build()]);
  await sql`analyze advocate_points_next`.execute(db);
}

/**
 * Inside the swap's transaction, holding advocate_points exclusively (no reader or writer runs):
 * recounts the ranks from the new rows, puts the new table in the live one's place with its
 * indexes' names, constraints (foreign keys not yet validated), triggers and options, and ends
 * the rebuild (the list of changed advocates emptied).
 */
export async function swapNext(trx: Transaction<Database>, shape: LiveShape): Promise<void> {
  await sql`delete from advocate_rank_counts`.execute(trx);
  await sql`insert into advocate_rank_counts (bucket, board, points, advocates) ${sql.raw(countsOf(NEXT_TABLE))}`.execute(
    trx,
  );
  await sql`drop table advocate_points`.execute(trx);
  await sql`alter table advocate_points_next rename to advocate_points`.execute(trx);
  for (const index of shape.indexes) {
    const built = quote(nextName(index.name));
    const statement = index.constraint
      ? `alter table advocate_points add constraint ${quote(index.constraint.name)} ${index.constraint.kind} using index ${built}`
      : `alter index ${built} rename to ${quote(index.name)}`;
    await sql.raw(statement).execute(trx);
  }
  for (const key of shape.foreignKeys) {
    await sql
      .raw(`alter table advocate_points add constraint ${quote(key.name)} ${key.definition} not valid`)
      .execute(trx);
  }
  for (const trigger of shape.triggers) await sql.raw(trigger).execute(trx);
  await sql`alter table advocate_points reset (autovacuum_enabled)`.execute(trx);
  if (shape.options.length > 0) {
    await sql.raw(`alter table advocate_points set (${shape.options.join(', ')})`).execute(trx);
  }
  await sql`delete from points_rebuild_dirty`.execute(trx);
}

/** Checks the swapped-in rows against the foreign keys (no lock that stops readers or writers). */
export async function validateKeys(db: Kysely<Database>, shape: LiveShape): Promise<void> {
  for (const key of shape.foreignKeys) {
    await sql.raw(`alter table advocate_points validate constraint ${quote(key.name)}`).execute(db);
  }
}
