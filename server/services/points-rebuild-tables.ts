/**
 * The tables of a full re-score on PostgreSQL (points-rebuild.ts): advocate_points_next made like
 * the live advocate_points but bare while it fills, then given the live table's indexes, and
 * swapped in with its constraints, triggers and storage options. Everything is copied from the
 * catalog, so a later migration's index or trigger comes along without a change here.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { countsOf } from '../db/migrations/0015_rank_counts';
import type { Database } from '../db/schema';
import { pointsRecordset, type PointsRow } from './points-writer';

export const NEXT_TABLE = 'advocate_points_next';
/** Memory for each index build: a 2-million-row table then sorts in memory. */
const INDEX_MEMORY = '1GB';

/** What the live advocate_points has beyond its columns, read from the catalog. */
export interface LiveShape {
  indexes: {
    name: string;
    unique: boolean;
    /** The definition from its method on: `btree (bucket, listed, points, advocate_id)`. */
    method: string;
    constraint: { name: string; kind: 'PRIMARY KEY' | 'UNIQUE' } | null;
  }[];
  /** The live table's trigger names (dropped from it when it is put aside). */
  triggerNames: string[];
  foreignKeys: { name: string; definition: string }[];
  triggers: string[];
  options: string[];
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
/** The name an index has on the table being built (the live one's until the swap). */
const nextName = (name: string) => `${name.slice(0, 40)}_next`;
/** The name an index of the old table has between the swap and its drop. */
const oldName = (name: string) => `${name.slice(0, 40)}_old`;
/** How long a step waits for a lock before giving way (and trying again) to requests. */
const STEP_LOCK_TIMEOUT = '1s';
const STEP_ATTEMPTS = 10;

export async function liveShape(db: Kysely<Database>): Promise<LiveShape> {
  // Each definition with the exact text before its method, so quoted names with spaces split right.
  const { rows: indexes } = await sql<{
    name: string;
    definition: string;
    prefix: string;
    constraint: string | null;
    kind: string | null;
  }>`
    select c.relname as name, pg_get_indexdef(i.indexrelid) as definition,
      format('CREATE %sINDEX %s ON %s USING ', case when i.indisunique then 'UNIQUE ' else '' end,
        quote_ident(c.relname), format('%I.%I', n.nspname, t.relname)) as prefix,
      con.conname as constraint, con.contype as kind
    from pg_index as i join pg_class as c on c.oid = i.indexrelid
    join pg_class as t on t.oid = i.indrelid join pg_namespace as n on n.oid = t.relnamespace
    left join pg_constraint as con on con.conindid = i.indexrelid and con.conrelid = i.indrelid and con.contype in ('p', 'u')
    where i.indrelid = 'advocate_points'::regclass order by c.relname`.execute(db);
  const { rows: foreignKeys } = await sql<{ name: string; definition: string }>`
    select conname as name, pg_get_constraintdef(oid) as definition from pg_constraint
    where conrelid = 'advocate_points'::regclass and contype = 'f' order by conname`.execute(db);
  const { rows: triggers } = await sql<{ name: string; definition: string }>`
    select tgname as name, pg_get_triggerdef(oid) as definition from pg_trigger
    where tgrelid = 'advocate_points'::regclass and not tgisinternal order by tgname`.execute(db);
  const { rows: options } = await sql<{ options: string[] | null }>`
    select reloptions as options from pg_class where oid = 'advocate_points'::regclass`.execute(db);
  return {
    indexes: indexes.map((row) => {
      if (!row.definition.startsWith(row.prefix)) throw new Error(`unexpected index definition: ${row.definition}`);
      return {
        name: row.name,
        unique: row.prefix.startsWith('CREATE UNIQUE'),
        method: row.definition.slice(row.prefix.length),
        constraint: row.constraint ? { name: row.constraint, kind: row.kind === 'p' ? 'PRIMARY KEY' : 'UNIQUE' } : null,
      };
    }),
    foreignKeys,
    triggers: triggers.map((row) => row.definition),
    triggerNames: triggers.map((row) => row.name),
    options: options[0]?.options ?? [],
  };
}

/**
 * A bare advocate_points_next (columns, defaults and checks, no index, no vacuum while it fills),
 * made once dropLeftovers has cleared the last rebuild's tables and list of changed advocates. From
 * its commit on, the triggers of migration 0016 note every change to live point rows and listings.
 */
export async function createNext(db: Kysely<Database>): Promise<number> {
  const oid = await db.transaction().execute(async (trx) => {
    await sql`create table advocate_points_next (like advocate_points including defaults including constraints)
      with (autovacuum_enabled = false)`.execute(trx);
    return (await sql<{ oid: number }>`select 'advocate_points_next'::regclass::oid as oid`.execute(trx)).rows[0]!.oid;
  });
  // Writers that started before the table existed saw no rebuild: wait until each has committed
  // (a SHARE lock waits for every open writer of the table; it is released at once).
  for (const table of ['advocates', 'advocate_points']) {
    await withLockTimeout(db, (trx) => sql`lock table ${sql.table(table)} in share mode`.execute(trx));
  }
  return oid;
}

/**
 * Runs `step` in a transaction that waits at most STEP_LOCK_TIMEOUT for each lock, again after a
 * growing pause when a lock was not granted in time (55P03) or it lost a deadlock (40P01): the
 * requests it would keep waiting go first.
 */
export async function withLockTimeout<T>(
  db: Kysely<Database>,
  step: (trx: Transaction<Database>) => Promise<T>,
  attempts = STEP_ATTEMPTS,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(async (trx) => {
        await sql.raw(`set local lock_timeout = '${STEP_LOCK_TIMEOUT}'`).execute(trx);
        return step(trx);
      });
    } catch (error) {
      const code = (error as { code?: string }).code;
      if ((code !== '55P03' && code !== '40P01') || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, attempt * 200));
    }
  }
}

/** Drops what an interrupted rebuild left (its new table, the old one, the list of changed advocates). */
export async function dropLeftovers(db: Kysely<Database>): Promise<void> {
  await sql`drop table if exists advocate_points_next`.execute(db);
  await dropOld(db);
  await sql`delete from points_rebuild_dirty`.execute(db);
}

/**
 * Drops the table put aside by a swap. Dropping its foreign key needs `advocates` to itself for a
 * moment, so it waits briefly for the lock and gives way to requests between tries.
 */
export async function dropOld(db: Kysely<Database>): Promise<void> {
  await withLockTimeout(
    db,
    async (trx) => {
      await sql`set local lock_timeout = '200ms'`.execute(trx);
      await sql`drop table if exists advocate_points_old`.execute(trx);
    },
    30,
  );
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
    await sql`insert into advocate_points_next (advocate_id, bucket, points, listed, team)
      select * from ${pointsRecordset(rows.slice(i, i + INSERT_ROWS))} as r`.execute(db);
  }
}

/** Builds the live table's indexes on advocate_points_next, two at a time, with statistics. */
export async function indexNext(db: Kysely<Database>, shape: LiveShape): Promise<void> {
  const pending = [...shape.indexes];
  const build = async () => {
    for (let index = pending.shift(); index; index = pending.shift()) {
      const statement = `create ${index.unique ? 'unique ' : ''}index ${quote(nextName(index.name))} on advocate_points_next using ${index.method}`;
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

/** Locks for the swap, in the order the application takes them: advocates, then their points. */
export async function lockForSwap(trx: Transaction<Database>): Promise<void> {
  await sql`lock table advocates in share row exclusive mode`.execute(trx);
  await sql`lock table advocate_points in access exclusive mode`.execute(trx);
}

/** The table being filled is still the one this rebuild made (another instance did not replace it). */
export async function nextIsOurs(trx: Transaction<Database>, oid: number): Promise<boolean> {
  const { rows } = await sql<{ oid: number | null }>`select to_regclass('advocate_points_next')::oid as oid`.execute(
    trx,
  );
  return rows[0]?.oid === oid;
}

/**
 * Inside the swap's transaction, holding both locks: recounts the ranks from the new rows, puts the
 * live table aside as advocate_points_old (its indexes renamed, its triggers dropped so a cascade
 * into it counts nothing), puts the new table in its place with its indexes' names, constraints
 * (foreign keys not yet validated), triggers and options, and ends the rebuild (the list of
 * changed advocates emptied). The old table is dropped after the commit (dropOld).
 */
export async function swapNext(trx: Transaction<Database>, shape: LiveShape): Promise<void> {
  await sql`delete from advocate_rank_counts`.execute(trx);
  await sql`insert into advocate_rank_counts (bucket, board, points, advocates) ${sql.raw(countsOf(NEXT_TABLE))}`.execute(
    trx,
  );
  await sql`alter table advocate_points rename to advocate_points_old`.execute(trx);
  for (const name of shape.triggerNames) {
    await sql.raw(`drop trigger ${quote(name)} on advocate_points_old`).execute(trx);
  }
  for (const index of shape.indexes) {
    const statement = index.constraint
      ? `alter table advocate_points_old rename constraint ${quote(index.constraint.name)} to ${quote(oldName(index.constraint.name))}`
      : `alter index ${quote(index.name)} rename to ${quote(oldName(index.name))}`;
    await sql.raw(statement).execute(trx);
  }
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

/**
 * Checks the swapped-in rows against the foreign keys (no lock that stops readers or writers; no
 * statement timeout, it reads the whole table). A failure leaves the key unvalidated, still enforced
 * for every new row: logged, not thrown, since the rows are live already.
 */
export async function validateKeys(db: Kysely<Database>, shape: LiveShape): Promise<void> {
  for (const key of shape.foreignKeys) {
    try {
      await db.transaction().execute(async (trx) => {
        await sql`set local statement_timeout = 0`.execute(trx);
        await sql.raw(`alter table advocate_points validate constraint ${quote(key.name)}`).execute(trx);
      });
    } catch (error) {
      console.error(`validating ${key.name} after the points rebuild failed:`, (error as Error).message);
    }
  }
}
