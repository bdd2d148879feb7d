/** What migration data is made of: rows, snapshots, an entry's seeder and transform, and the times the seeds use. */
import type { Kysely } from 'kysely';

export type Row = Record<string, unknown>;
/** Every table's rows, by table name. */
export type Snapshot = Record<string, Row[]>;

export interface MigrationData {
  /** Writes representative rows right after this migration ran (nulls, Unicode, large times). */
  seed(db: Kysely<unknown>): Promise<void>;
  /**
   * The rows expected after this migration, from those before it (every table's rows). Tables it
   * creates are expected empty unless this adds them; return `before` when it changes no row.
   */
  transform(before: Snapshot): Snapshot;
}

/** Inserts rows into a table that the typed schema may not know yet (or any more). */
export async function insert(db: Kysely<unknown>, table: string, rows: Row[]): Promise<void> {
  for (const row of rows)
    await db
      .insertInto(table as never)
      .values(row as never)
      .execute();
}

// Times are milliseconds; one far in the future checks the bigint columns hold more than 32 bits.
export const T = 1_767_225_600_000; // 2026-01-01T00:00:00Z
export const FAR = 4_102_444_800_000; // 2100-01-01
