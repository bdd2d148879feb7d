/**
 * A full re-score on PostgreSQL (after a rules change reaches many advocates): every advocate's
 * point rows are written into a bare new table, indexed once at the end, and swapped in within
 * one transaction. Writing millions of rows into the live table instead updates three indexes
 * and the rank counts row by row, several times slower. The leaderboard reads the old rows until
 * the swap. Changes made meanwhile (new shares, clicks, opt-outs, team changes, deletions) are
 * noted by migration 0016's triggers and the keeper, and those advocates are scored again just
 * before the swap and, for the last ones, inside it, so nothing written during the rebuild is lost.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { PointsRow } from './points-writer';
import type { ListedAdvocate } from './scores';
import {
  createNext,
  dropLeftovers,
  dropNext,
  dropOld,
  indexNext,
  insertNext,
  liveShape,
  lockForSwap,
  nextIsOurs,
  swapNext,
  validateKeys,
  withLockTimeout,
  type LiveShape,
} from './points-rebuild-tables';

/** Advocates read, scored and written per step; one step's write overlaps the next one's reading. */
const CHUNK = 2000;
/** Advocates per update marking them scored, after the swap. */
const MARK_CHUNK = 5000;
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
  /** Whether, once this instance may rebuild (rules unchanged), a rebuild is still worth it. */
  stillNeeded(): Promise<boolean>;
  closed(): boolean;
}

export type RebuildOutcome = 'rebuilt' | 'not-needed' | 'rules-changed' | 'closed';

/** Rebuilds every advocate's rows, one instance at a time: others wait, then find nothing left to do. */
export async function rebuildPoints(db: Kysely<Database>, plan: RebuildPlan): Promise<RebuildOutcome> {
  return holdingRebuildLock(
    db,
    'wait',
    async () => {
      // Whatever an interrupted rebuild left goes first (its old table, its list of changes).
      await dropLeftovers(db);
      if ((await plan.currentVersion(db)) !== plan.version) return 'rules-changed';
      if (!(await plan.stillNeeded())) return 'not-needed';
      try {
        return await rebuild(db, plan);
      } catch (error) {
        await dropNext(db).catch(() => undefined);
        throw error;
      }
    },
    plan.closed,
  ).then((outcome) => outcome ?? 'closed');
}

/**
 * Drops what an interrupted rebuild left (a crash, a shutdown that could not finish), unless a
 * rebuild is running: its triggers would otherwise keep noting changed advocates.
 */
export async function clearRebuildLeftovers(db: Kysely<Database>): Promise<void> {
  await holdingRebuildLock(db, 'skip', () => dropLeftovers(db));
}

/** Runs `work` holding the rebuild lock ('wait' for it, or 'skip' when another instance holds it). */
async function holdingRebuildLock<T>(
  db: Kysely<Database>,
  mode: 'wait' | 'skip',
  work: () => Promise<T>,
  closed: () => boolean = () => false,
): Promise<T | undefined> {
  return db.connection().execute(async (holder) => {
    const lock = sql<{ got: boolean }>`select pg_try_advisory_lock(${LOCK_KEY}, hashtext(current_schema())) as got`;
    while (!(await lock.execute(holder)).rows[0]!.got) {
      if (mode === 'skip' || closed()) return undefined;
      await new Promise((resolve) => setTimeout(resolve, WAIT_MS));
    }
    try {
      return await work();
    } finally {
      await sql`select pg_advisory_unlock(${LOCK_KEY}, hashtext(current_schema()))`.execute(holder);
    }
  });
}

async function rebuild(db: Kysely<Database>, plan: RebuildPlan): Promise<RebuildOutcome> {
  const shape = await liveShape(db);
  const oid = await createNext(db);
  const scored = await fillNext(db, plan);
  if (!scored) {
    await dropNext(db);
    return 'closed';
  }
  await indexNext(db, shape);
  const swapped = await swapIn(db, plan, shape, oid);
  if (swapped !== 'rebuilt') {
    await dropNext(db);
    return swapped;
  }
  // The new rows are live: from here a failure must not send the pass to re-score in place.
  try {
    for (let i = 0; i < scored.length; i += MARK_CHUNK) {
      await db
        .updateTable('advocates')
        .set({ scored_with: plan.version })
        .where('id', '=', sql<string>`any(${scored.slice(i, i + MARK_CHUNK)}::text[])`)
        .where((eb) => eb.or([eb('scored_with', 'is', null), eb('scored_with', '<>', plan.version)]))
        .execute();
    }
    await validateKeys(db, shape);
    await dropOld(db);
  } catch (error) {
    // Advocates left unmarked are re-scored by the next pass; a table left aside, by the next rebuild.
    console.error('finishing the points rebuild failed:', (error as Error).message);
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

/**
 * Swaps the filled table in. The changed advocates are scored again once before the locks (the
 * most of them, while reads go on), then only those noted since, inside the swap's transaction.
 */
async function swapIn(db: Kysely<Database>, plan: RebuildPlan, shape: LiveShape, oid: number): Promise<RebuildOutcome> {
  await rescoreDirty(db, plan);
  return withLockTimeout(db, async (trx) => {
    await lockForSwap(trx);
    if (!(await nextIsOurs(trx, oid))) throw new Error('the table being rebuilt was replaced by another rebuild');
    if ((await plan.currentVersion(trx)) !== plan.version) return 'rules-changed';
    await rescoreDirty(trx, plan);
    await swapNext(trx, shape);
    return 'rebuilt';
  });
}

/** Scores again into advocate_points_next the advocates noted as changed, and takes them off the list. */
async function rescoreDirty(db: Kysely<Database>, plan: RebuildPlan): Promise<void> {
  const dirty = (await db.deleteFrom('points_rebuild_dirty').returning('advocate_id').execute()).map(
    (row) => row.advocate_id,
  );
  if (dirty.length === 0) return;
  await sql`delete from advocate_points_next where advocate_id = any(${dirty}::text[])`.execute(db);
  const advocates = await db
    .selectFrom('advocates')
    .select(['id', 'leaderboard', 'team', 'access_ended'])
    .where('id', '=', sql<string>`any(${dirty}::text[])`)
    .orderBy('id')
    .execute();
  await insertNext(db, await plan.rowsOf(db, advocates));
}
