/**
 * Writes a chunk of recomputed advocate_points rows (the score keeper's last step): rows that
 * changed are upserted, rows the new score no longer has are deleted, untouched rows stay as they
 * are (fewer dead rows for PostgreSQL, fewer rank-count changes). PostgreSQL does it in one
 * statement from the rows as one JSON text, compared there; SQLite compares in process.
 */
import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../db';
import type { Database } from '../db/schema';

export interface PointsRow {
  advocate_id: string;
  bucket: string;
  points: number;
  listed: number;
  team: string | null;
}

/**
 * Point rows as a PostgreSQL row source, sent as one JSON text: native to build, where array
 * parameters are escaped element by element by the driver.
 */
export function pointsRecordset(rows: readonly PointsRow[]) {
  return sql<PointsRow>`(select advocate_id, bucket, points, listed, team from json_to_recordset(${JSON.stringify(rows)}::json)
    as r(advocate_id text, bucket text, points integer, listed integer, team text))`;
}

/** Rows per multi-row insert on SQLite (5 columns: well under its parameter limit). */
const INSERT_ROWS = 1000;
/** (advocate, bucket) pairs per delete statement on SQLite (2 parameters each). */
const DELETE_PAIRS = 400;

/** Makes `advocateIds`' stored rows exactly `rows` (every row belongs to one of them). */
export async function writePoints(
  trx: Kysely<Database>,
  dialect: DialectName,
  advocateIds: readonly string[],
  rows: readonly PointsRow[],
): Promise<void> {
  if (advocateIds.length === 0) return;
  if (dialect === 'postgres') await writePostgres(trx, advocateIds, rows);
  else await writeCompared(trx, advocateIds, rows);
}

async function writePostgres(trx: Kysely<Database>, advocateIds: readonly string[], rows: readonly PointsRow[]) {
  // One statement: the delete and the upsert touch different rows (a key is in `incoming` or not).
  await sql`
    with incoming (advocate_id, bucket, points, listed, team) as ${pointsRecordset(rows)}, gone as (
      delete from advocate_points as p where p.advocate_id = any(${[...advocateIds]}::text[])
        and not exists (select 1 from incoming as i where i.advocate_id = p.advocate_id and i.bucket = p.bucket)
    )
    insert into advocate_points (advocate_id, bucket, points, listed, team)
    select advocate_id, bucket, points, listed, team from incoming
    on conflict (advocate_id, bucket) do update
      set points = excluded.points, listed = excluded.listed, team = excluded.team
      where (advocate_points.points, advocate_points.listed, advocate_points.team)
        is distinct from (excluded.points, excluded.listed, excluded.team)`.execute(trx);
}

async function writeCompared(trx: Kysely<Database>, advocateIds: readonly string[], rows: readonly PointsRow[]) {
  const stored = await trx
    .selectFrom('advocate_points')
    .select(['advocate_id', 'bucket', 'points', 'listed', 'team'])
    .where('advocate_id', 'in', [...advocateIds])
    .execute();
  const stale = new Map(stored.map((row) => [`${row.advocate_id} ${row.bucket}`, row]));
  const changed = rows.filter((row) => {
    const key = `${row.advocate_id} ${row.bucket}`;
    const before = stale.get(key);
    stale.delete(key);
    return (
      !before ||
      Number(before.points) !== row.points ||
      Number(before.listed) !== row.listed ||
      before.team !== row.team
    );
  });
  const gone = [...stale.values()];
  for (let i = 0; i < gone.length; i += DELETE_PAIRS) {
    const pairs = gone.slice(i, i + DELETE_PAIRS);
    await trx
      .deleteFrom('advocate_points')
      .where((eb) =>
        eb.or(pairs.map((row) => eb.and([eb('advocate_id', '=', row.advocate_id), eb('bucket', '=', row.bucket)]))),
      )
      .execute();
  }
  for (let i = 0; i < changed.length; i += INSERT_ROWS) {
    await trx
      .insertInto('advocate_points')
      .values(changed.slice(i, i + INSERT_ROWS))
      .onConflict((oc) =>
        oc.columns(['advocate_id', 'bucket']).doUpdateSet((eb) => ({
          points: eb.ref('excluded.points'),
          listed: eb.ref('excluded.listed'),
          team: eb.ref('excluded.team'),
        })),
      )
      .execute();
  }
}
