/** Writing a batch of hashed clicks: new (link, visitor, hour) rows, and the hourly counts of those that were new. */
import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../../db';
import type { Database } from '../../db/schema';

/** Rows per multi-row insert (4 columns). */
const INSERT_ROWS = 1000;

/** A click as it waits in the spool: no address, no user agent. Short keys: it is written to disk. */
export interface SpooledClick {
  /** Link code. */
  c: string;
  /** The link owner's advocate id. */
  a: string;
  /** Visitor hash (services/clicks/visitors.ts). */
  v: string;
  /** Hours since the epoch. */
  h: number;
  /** Epoch ms. */
  t: number;
}

export interface StoreOutcome {
  /** Rows offered to the database (the first visit of a visitor in an hour is new, repeats are not). */
  written: number;
  /** Clicks newly counted. */
  counted: number;
  /** Owners of links whose counts moved. */
  advocates: string[];
}

interface ClickRow {
  code: string;
  visitor: string;
  hour: number;
  clicked_at: number;
}

interface ClickCount {
  code: string;
  hour: number;
  clicks: number;
}

export async function storeClicks(
  db: Kysely<Database>,
  dialect: DialectName,
  batch: readonly SpooledClick[],
): Promise<StoreOutcome> {
  const rows = new Map<string, ClickRow>();
  const owners = new Map<string, string>();
  for (const click of batch) {
    const key = `${click.c} ${click.v} ${click.h}`;
    if (!rows.has(key)) rows.set(key, { code: click.c, visitor: click.v, hour: click.h, clicked_at: click.t });
    owners.set(click.c, click.a);
  }
  // Whoever turned click tracking off since (on any instance), or is gone, gets no clicks recorded.
  const tracking = new Set(
    (
      await db
        .selectFrom('advocates')
        .select('id')
        .where('id', 'in', [...new Set(owners.values())])
        .where('click_tracking', '=', 1)
        .execute()
    ).map((row) => row.id),
  );
  const values = [...rows.values()].filter((row) => tracking.has(owners.get(row.code) ?? ''));
  if (values.length === 0) return { written: 0, counted: 0, advocates: [] };
  const counts = dialect === 'postgres' ? await insertPostgres(db, values) : await insertPortable(db, values);
  return {
    written: values.length,
    counted: counts.reduce((sum, row) => sum + row.clicks, 0),
    advocates: [...new Set(counts.map((row) => owners.get(row.code)!))],
  };
}

/**
 * PostgreSQL: one statement, four array parameters. New clicks are inserted, those inserted are
 * counted per link and hour and added to click_counts (in key order, so instances adding to the
 * same hours cannot deadlock), and the counts come back.
 */
async function insertPostgres(db: Kysely<Database>, values: ClickRow[]): Promise<ClickCount[]> {
  const { rows } = await sql<ClickCount>`
    with input as (
      select * from unnest(
        ${values.map((row) => row.code)}::varchar[], ${values.map((row) => row.visitor)}::varchar[],
        ${values.map((row) => row.hour)}::integer[], ${values.map((row) => row.clicked_at)}::bigint[]
      ) as t(code, visitor, hour, clicked_at)
    ), inserted as (
      insert into clicks (code, visitor, hour, clicked_at)
      select code, visitor, hour, clicked_at from input
      on conflict do nothing
      returning code, hour
    ), counts as (
      select code, hour, count(*)::integer as clicks from inserted group by code, hour
    ), added as (
      insert into click_counts (code, hour, clicks)
      select code, hour, clicks from counts order by code, hour
      on conflict (code, hour) do update set clicks = click_counts.clicks + excluded.clicks
      returning 1
    )
    select code, hour, clicks from counts`.execute(db);
  return rows.map((row) => ({ code: row.code, hour: Number(row.hour), clicks: Number(row.clicks) }));
}

/** SQLite (one writer at a time): multi-row inserts in a transaction. */
async function insertPortable(db: Kysely<Database>, values: ClickRow[]): Promise<ClickCount[]> {
  return db.transaction().execute(async (trx) => {
    const counts = new Map<string, ClickCount>();
    for (let i = 0; i < values.length; i += INSERT_ROWS) {
      const inserted = await trx
        .insertInto('clicks')
        .values(values.slice(i, i + INSERT_ROWS))
        .onConflict((oc) => oc.columns(['code', 'visitor', 'hour']).doNothing())
        .returning(['code', 'hour'])
        .execute();
      for (const row of inserted) {
        const key = `${row.code} ${row.hour}`;
        const entry = counts.get(key);
        if (entry) entry.clicks++;
        else counts.set(key, { code: row.code, hour: Number(row.hour), clicks: 1 });
      }
    }
    const sorted = [...counts.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.hour - b.hour));
    for (let i = 0; i < sorted.length; i += INSERT_ROWS) {
      await trx
        .insertInto('click_counts')
        .values(sorted.slice(i, i + INSERT_ROWS))
        .onConflict((oc) =>
          oc.columns(['code', 'hour']).doUpdateSet({ clicks: sql<number>`click_counts.clicks + excluded.clicks` }),
        )
        .execute();
    }
    return sorted;
  });
}
