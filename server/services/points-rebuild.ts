/**
 * A full re-score on PostgreSQL (after a rules change reaches many advocates): every advocate's
 * point rows are written into a bare new table, indexed once at the end, and swapped in within
 * one short transaction. Writing millions of rows into the live table instead updates three
 * indexes and the rank counts row by row, several times slower. The leaderboard reads the old
 * rows until the swap. Changes made meanwhile (new shares, clicks, opt-outs, team changes,
 * deletions) are noted by migration 0016's triggers and the keeper, and those advocates are scored
 * again inside the swap, so nothing written during the rebuild is lost.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { PointsRow } from './points-writer';
import type { ListedAdvocate } from './scores';
import {
  createNext,
  dropNext,
  indexNext,
  insertNext,
  liveShape,
  swapNext,
  validateKeys,
  type LiveShape,
} from './points-rebuild-tables';

/** Advocates read, scored and written per step; one step's write overlaps the next one's reading. */
const CHUNK = 2000;
/** Advocates per update marking them scored, after the swap. */
const MARK_CHUNK = 5000;
/** How long the swap waits for the table's readers and writers before trying again later. */
const SWAP_LOCK_TIMEOUT = '1s';
const SWAP_ATTEMPTS = 10;
/** How often an instance waiting for another's rebuild looks again. */
const WAIT_MS = 1000;
/** The advisory lock one rebuild at a time holds (with the schema's hash). */
const LOCK_KEY = 4242016;

export interface RebuildPlan {
  /** The version of the rules the rows are scored under. */
  version: string;
  /** These advocates' rows under those rules, read from their events through `db`. */
  rowsOf(db: Kysely<Database>, advocates: readonly ListedAdvocate[]): Promise<PointsRow[]>;
  /** The version of the rules stored now (a change during the rebuild makes it start again). */
  currentVersion(db: Kysely<Database>): Promise<string>;
  /** Whether, once this instance may rebuild, a rebuild is still worth it. */
  stillNeeded(): Promise<boolean>;
  closed(): boolean;
}

export type RebuildOutcome = 'rebuilt' | 'not-needed' | 'rules-changed' | 'closed';

/** Rebuilds every advocate's rows, one instance at a time: others wait, then find nothing left. */
export async function rebuildPoints(db: Kysely<Database>, plan: RebuildPlan): Promise<RebuildOutcome> {
  return db.connection().execute(async (holder) => {
    const lock = sql<{ got: boolean }>`select pg_try_advisory_lock(${LOCK_KEY}, hashtext(current_schema())) as got`;
    while (!(await lock.execute(holder)).rows[0]!.got) {
      if (plan.closed()) return 'closed';
      await new Promise((resolve) => setTimeout(resolve, WAIT_MS));
    }
    try {
      if (!(await plan.stillNeeded())) return 'not-needed';
      return await rebuild(db, plan);
    } catch (error) {
      await dropNext(db).catch(() => undefined);
      throw error;
    } finally {
      await sql`select pg_advisory_unlock(${LOCK_KEY}, hashtext(current_schema()))`.execute(holder);
    }
  });
}

async function rebuild(db: Kysely<Database>, plan: RebuildPlan): Promise<RebuildOutcome> {
  const shape = await liveShape(db);
  await createNext(db);
  const scored = await fillNext(db, plan);
  if (!scored) {
    await dropNext(db);
    return 'closed';
  }
  await indexNext(db, shape);
  const swapped = await swapWithRetries(db, plan, shape);
  if (swapped !== 'rebuilt') {
    await dropNext(db);
    return swapped;
  }
  await validateKeys(db, shape);
  for (let i = 0; i < scored.length; i += MARK_CHUNK) {
    await db
      .updateTable('advocates')
      .set({ scored_with: plan.version })
      .where('id', '=', sql<string>`any(${scored.slice(i, i + MARK_CHUNK)}::text[])`)
      .where((eb) => eb.or([eb('scored_with', 'is', null), eb('scored_with', '<>', plan.version)]))
      .execute();
  }
  return 'rebuilt';
}

/**
 * Scores every advocate into advocate_points_next; the ids scored, or undefined once closed. Three
 * steps overlap: one chunk's events load while the one before is scored and the one before that
 * is written.
 */
async function fillNext(db: Kysely<Database>, plan: RebuildPlan): Promise<string[] | undefined> {
  const scored: string[] = [];
  const chunkAfter = (after: string) =>
    db
      .selectFrom('advocates')
      .select(['id', 'leaderboard', 'team', 'access_ended'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(CHUNK)
      .execute();
  let writing: Promise<void> = Promise.resolve();
  let advocates = await chunkAfter('');
  let rows = advocates.length > 0 ? plan.rowsOf(db, advocates) : undefined;
  try {
    while (rows) {
      if (plan.closed()) return undefined;
      const following = await chunkAfter(advocates[advocates.length - 1]!.id);
      const followingRows = following.length > 0 ? plan.rowsOf(db, following) : undefined;
      // Settled later in this loop or in `finally`: not an unhandled rejection meanwhile.
      followingRows?.catch(() => undefined);
      const ready = await rows;
      await writing;
      writing = insertNext(db, ready);
      for (const advocate of advocates) scored.push(advocate.id);
      advocates = following;
      rows = followingRows;
    }
  } finally {
    // Whatever is still running is awaited (its failure is the pass's) before anything else happens.
    await writing;
    await rows;
  }
  return scored;
}

async function swapWithRetries(db: Kysely<Database>, plan: RebuildPlan, shape: LiveShape): Promise<RebuildOutcome> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute((trx) => swap(trx, plan, shape));
    } catch (error) {
      // A lock not granted in time (55P03) or a deadlock (40P01): the readers and writers go on.
      const code = (error as { code?: string }).code;
      if ((code !== '55P03' && code !== '40P01') || attempt === SWAP_ATTEMPTS || plan.closed()) throw error;
      await new Promise((resolve) => setTimeout(resolve, attempt * 200));
    }
  }
}

async function swap(trx: Transaction<Database>, plan: RebuildPlan, shape: LiveShape): Promise<RebuildOutcome> {
  await sql.raw(`set local lock_timeout = '${SWAP_LOCK_TIMEOUT}'`).execute(trx);
  await sql`lock table advocate_points in access exclusive mode`.execute(trx);
  if ((await plan.currentVersion(trx)) !== plan.version) return 'rules-changed';
  // Everyone whose rows, listing or team changed since the table was made, scored again now.
  const dirty = (await trx.selectFrom('points_rebuild_dirty').select('advocate_id').execute()).map(
    (row) => row.advocate_id,
  );
  if (dirty.length > 0) {
    await sql`delete from advocate_points_next where advocate_id = any(${dirty}::text[])`.execute(trx);
    const advocates = await trx
      .selectFrom('advocates')
      .select(['id', 'leaderboard', 'team', 'access_ended'])
      .where('id', '=', sql<string>`any(${dirty}::text[])`)
      .orderBy('id')
      .execute();
    await insertNext(trx, await plan.rowsOf(trx, advocates));
  }
  await swapNext(trx, shape);
  return 'rebuilt';
}
