/**
 * New link rows written at once, returning how many were new. Rows travel as one JSON text per
 * statement (PostgreSQL: any number; SQLite: 5,000 at a time), so there is one parameter to bind
 * and one statement to plan instead of five per row. A row whose advocate already has a link to
 * that post on that network is skipped (another sync made it first). Nothing is read back: when
 * every row was new, the caller knows the codes already.
 */
import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../db';
import type { Database } from '../db/schema';

export interface LinkRow {
  code: string;
  advocate_id: string;
  content_id: string;
  network: string;
  created_at: number;
}

/** SQLite: rows per statement at most (a publish's batches bring 2,000: about a fifth less time than multi-row inserts of 500). */
const ROWS_PER_SQLITE_INSERT = 5_000;

export async function insertLinks(
  db: Kysely<Database>,
  dialect: DialectName,
  rows: readonly LinkRow[],
): Promise<number> {
  if (rows.length === 0) return 0;
  if (dialect === 'postgres') {
    // One JSON text rather than five arrays: the driver escapes each array element in JavaScript,
    // JSON.stringify is native (tens of ms less CPU for the 20,000 links of a large publish).
    const { numAffectedRows } = await sql`
      insert into links (code, advocate_id, content_id, network, created_at)
      select code, advocate_id, content_id, network, created_at from json_to_recordset(${JSON.stringify(rows)}::json)
        as r(code text, advocate_id text, content_id text, network text, created_at bigint)
      on conflict (advocate_id, content_id, network) do nothing`.execute(db);
    return Number(numAffectedRows ?? 0);
  }
  let written = 0;
  for (let i = 0; i < rows.length; i += ROWS_PER_SQLITE_INSERT) {
    // `where true`: SQLite needs a WHERE before ON CONFLICT in an INSERT … SELECT.
    const { numAffectedRows } = await sql`
      insert into links (code, advocate_id, content_id, network, created_at)
      select json_extract(value, '$.code'), json_extract(value, '$.advocate_id'),
        json_extract(value, '$.content_id'), json_extract(value, '$.network'), json_extract(value, '$.created_at')
      from json_each(${JSON.stringify(rows.slice(i, i + ROWS_PER_SQLITE_INSERT))}) where true
      on conflict (advocate_id, content_id, network) do nothing`.execute(db);
    written += Number(numAffectedRows ?? 0);
  }
  return written;
}
