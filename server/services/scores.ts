/**
 * Points kept in step with events. The leaderboard reads `advocate_points` (points per advocate
 * and period bucket: 'all', each UTC month, each ISO week), never the raw events. Those rows are
 * recomputed for an advocate, with the one scoring module in lib/scoring/, whenever their shares
 * (POST /v1/shares) or clicks (each click flush) change: `schedule` queues them and a background
 * queue recomputes them moments later, off the request path; when the scoring rules change, a
 * background pass recomputes every advocate whose rows were made under other rules.
 *
 * Each recomputation reads the rules and the events after locking the advocates' rows (PostgreSQL;
 * SQLite runs one transaction at a time), so the last writer always wrote from the latest data.
 */
import { createHash } from 'node:crypto';
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import { scoreShares, type RulesForScoring, type Score, type ScoredClick, type ScoredShare } from '../../lib/scoring';
import type { Network } from '../../lib/schemas';
import type { DialectName } from '../db';
import type { Database } from '../db/schema';
import { CoalescingQueue } from './coalescing-queue';
import { settledWithin } from '../deadline';
import { readDocuments, scoringRulesOf } from './documents';
import { writePoints, type PointsRow } from './points-writer';
import { clearRebuildLeftovers, rebuildPoints } from './points-rebuild';
import { markRebuildDirty } from './points-rebuild-tables';

const HOUR_MS = 3_600_000;
/** Advocates per recomputation transaction. */
const CHUNK = 250;
/**
 * Advocates per transaction of the pass after a rules change: fewer, larger statements (about
 * 40,000 events and 45,000 point rows each at 40 shares per advocate), each held briefly.
 */
const PASS_CHUNK = 1000;
/**
 * Stale advocates from which PostgreSQL rebuilds advocate_points beside the live table
 * (points-rebuild.ts) rather than re-scoring it in place, which rewrites rows one by one.
 */
const REBUILD_FROM = 5000;
/** Bump when lib/scoring/ changes how points are computed: every advocate is then recomputed. */
const SCORING_ALGORITHM = 2;
/** How long close() lets queued recomputations finish before it abandons them. */
export const SCORES_CLOSE_TIMEOUT_MS = 3_000;
/** The least time close() gives marking abandoned advocates for the start-up pass (one quick update). */
const MARKING_MS = 1_000;

export interface ShareRow {
  id?: string;
  content_id: string;
  network: string;
  shared_at: number;
  personalized: number;
  publish_at: number | null;
}

export interface ClickCountRow {
  content_id: string;
  network: string;
  hour: number;
  clicks: number;
}

/** Stored share events as the scoring module takes them. */
export function scoredSharesFromRows(rows: readonly ShareRow[]): ScoredShare[] {
  return rows.map(scoredShareFromRow);
}

/** One stored share event as the scoring module takes it (its id only if the row has one). */
function scoredShareFromRow(row: ShareRow): ScoredShare {
  const share: ScoredShare = {
    contentId: row.content_id,
    network: row.network as Network,
    sharedAt: Number(row.shared_at),
    personalized: Number(row.personalized) === 1,
    publishedAt: row.publish_at === null ? null : Number(row.publish_at),
  };
  if (row.id !== undefined) share.id = row.id;
  return share;
}

/** Stored hourly click counts as the scoring module takes them (each hour's clicks at its start). */
export function scoredClicksFromRows(rows: readonly ClickCountRow[]): ScoredClick[] {
  return rows.map(scoredClickFromRow);
}

function scoredClickFromRow(row: ClickCountRow): ScoredClick {
  return {
    contentId: row.content_id,
    network: row.network as Network,
    at: Number(row.hour) * HOUR_MS,
    count: Number(row.clicks),
  };
}

export interface ScoreInputs {
  shares: ScoredShare[];
  clicks: ScoredClick[];
}

/**
 * Every share and click count of these advocates, converted for the scoring module. Share ids,
 * which scoring does not use, only when asked for (GET /v1/me lists them).
 */
export async function loadScoreInputs(
  db: Kysely<Database>,
  advocateIds: readonly string[],
  options: { shareIds?: boolean } = {},
): Promise<Map<string, ScoreInputs>> {
  const inputs = new Map<string, ScoreInputs>(advocateIds.map((id) => [id, { shares: [], clicks: [] }]));
  if (advocateIds.length === 0) return inputs;
  const ids = [...advocateIds];
  // PostgreSQL takes the ids as one array parameter: one plan, whatever their number.
  const among = db.getExecutor().adapter instanceof PostgresAdapter ? sql<string>`any(${ids}::text[])` : undefined;
  const [shares, clicks] = await Promise.all([
    db
      .selectFrom('shares')
      .leftJoin('content', 'content.id', 'shares.content_id')
      .select([
        ...(options.shareIds ? (['shares.id'] as const) : []),
        'shares.advocate_id',
        'shares.content_id',
        'shares.network',
        'shares.shared_at',
        'shares.personalized',
        'content.publish_at',
      ])
      .where((eb) => (among ? eb('shares.advocate_id', '=', among) : eb('shares.advocate_id', 'in', ids)))
      .execute(),
    db
      .selectFrom('click_counts')
      .innerJoin('links', 'links.code', 'click_counts.code')
      .select(['links.advocate_id', 'links.content_id', 'links.network', 'click_counts.hour', 'click_counts.clicks'])
      .where((eb) => (among ? eb('links.advocate_id', '=', among) : eb('links.advocate_id', 'in', ids)))
      .execute(),
  ]);
  // Straight into each advocate's lists, one pass per table (a full re-score reads millions).
  for (const row of shares) inputs.get(row.advocate_id)?.shares.push(scoredShareFromRow(row));
  for (const row of clicks) inputs.get(row.advocate_id)?.clicks.push(scoredClickFromRow(row));
  return inputs;
}

/** The version of the scoring rules stored now. */
async function storedRulesVersion(db: Kysely<Database>): Promise<string> {
  return rulesVersion(scoringRulesOf(await readDocuments(db)));
}

/** The server's path from stored events to a score: the same module the extension runs. */
export function scoreInputs(inputs: ScoreInputs, rules: RulesForScoring, now?: number): Score {
  return scoreShares(inputs.shares, rules, { clicks: inputs.clicks, ...(now === undefined ? {} : { now }) });
}

/**
 * The version of the rules stored points were computed with. `enabled` is left out: rows are kept
 * with gamification on, so turning it off and on again needs no recomputation.
 */
export function rulesVersion(rules: RulesForScoring): string {
  const { enabled: _enabled, ...rest } = rules;
  return createHash('sha256')
    .update(JSON.stringify({ algorithm: SCORING_ALGORITHM, rules: rest }))
    .digest('base64url')
    .slice(0, 22);
}

/** The advocate_points rows of a score: 'all', then each month and each week with points. */
export function bucketRows(score: Score): { bucket: string; points: number }[] {
  if (score.points <= 0) return [];
  return [
    { bucket: 'all', points: score.points },
    ...Object.entries(score.months).map(([bucket, points]) => ({ bucket, points })),
    ...Object.entries(score.weeks).map(([bucket, points]) => ({ bucket, points })),
  ].filter((row) => row.points > 0);
}

/** An advocate as their point rows list them: on the board by their choice while their access lasts. */
export interface ListedAdvocate {
  id: string;
  leaderboard: number;
  team: string | null;
  access_ended: string | null;
}

/** The advocate_points rows of these advocates under `rules`, from their loaded events. */
export function pointsRowsOf(
  advocates: readonly ListedAdvocate[],
  inputs: ReadonlyMap<string, ScoreInputs>,
  rules: RulesForScoring,
): PointsRow[] {
  return advocates.flatMap((advocate) =>
    bucketRows(scoreInputs(inputs.get(advocate.id)!, { ...rules, enabled: true })).map((row) => ({
      advocate_id: advocate.id,
      bucket: row.bucket,
      points: row.points,
      listed: advocate.leaderboard === 1 && advocate.access_ended === null ? 1 : 0,
      team: advocate.team,
    })),
  );
}

/** Advocates scored between turns of the event loop in a long pass (about 10 ms of work). */
const SCORE_SLICE = 100;

/** pointsRowsOf in slices, letting requests in between (a full re-score takes seconds of scoring). */
async function pointsRowsYielding(
  advocates: readonly ListedAdvocate[],
  inputs: ReadonlyMap<string, ScoreInputs>,
  rules: RulesForScoring,
): Promise<PointsRow[]> {
  const rows: PointsRow[] = [];
  for (let i = 0; i < advocates.length; i += SCORE_SLICE) {
    if (i > 0) await new Promise((resolve) => setImmediate(resolve));
    for (const row of pointsRowsOf(advocates.slice(i, i + SCORE_SLICE), inputs, rules)) rows.push(row);
  }
  return rows;
}

export class ScoreKeeper {
  private running: Promise<void> | undefined;
  private again = false;
  private closed = false;
  /** Advocates whose events changed, recomputed in the background one batch at a time. */
  private readonly queue: CoalescingQueue;
  /** Advocates whose links were clicked: the same, at most one batch per `clickSpacingMs`. */
  private readonly clickQueue: CoalescingQueue;
  /** Stale advocates from which a pass rebuilds the table instead of re-scoring in place (PostgreSQL). */
  private readonly rebuildFrom: number;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: DialectName,
    options: { clickSpacingMs?: number; rebuildFrom?: number } = {},
  ) {
    this.rebuildFrom = options.rebuildFrom ?? REBUILD_FROM;
    const onError = (error: unknown, ids: readonly string[], retryInMs: number) =>
      console.error(
        `recomputing points of ${ids.length} advocate(s) failed, retrying in ${retryInMs} ms:`,
        (error as Error)?.message ?? error,
      );
    this.queue = new CoalescingQueue((ids) => this.recompute(ids), { onError });
    // Clicks come in a steady stream while links are shared: their points are merged into one
    // recomputation per interval instead of one per click flush.
    this.clickQueue = new CoalescingQueue((ids) => this.recompute(ids), {
      onError,
      spacingMs: options.clickSpacingMs ?? 0,
    });
  }

  /**
   * Queues these advocates for recomputation and returns at once: the leaderboard catches up
   * moments later. Ids queued while a batch runs are merged into the next one.
   */
  schedule(advocateIds: Iterable<string>): void {
    this.queue.add(advocateIds);
  }

  /** Queues the advocates whose clicks were counted: recomputed within `clickSpacingMs`. */
  scheduleClicks(advocateIds: Iterable<string>): void {
    this.clickQueue.add(advocateIds);
  }

  /** Settles once every scheduled recomputation has run (for tests, benchmarks and shutdown). */
  async idle(): Promise<void> {
    await Promise.all([this.queue.idle(), this.clickQueue.idle()]);
  }

  /** Recomputes these advocates' advocate_points rows from their events, under the current rules. */
  async recompute(advocateIds: Iterable<string>): Promise<void> {
    const ids = [...new Set(advocateIds)].sort();
    for (let i = 0; i < ids.length; i += CHUNK) await this.recomputeChunk(ids.slice(i, i + CHUNK));
  }

  /** Advocates whose rows were made under other rules than `version`. */
  private async staleCount(version: string): Promise<number> {
    const row = await this.db
      .selectFrom('advocates')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where((eb) => eb.or([eb('scored_with', 'is', null), eb('scored_with', '<>', version)]))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  private async recomputeChunk(ids: string[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      let lock = trx
        .selectFrom('advocates')
        .select(['id', 'leaderboard', 'team', 'access_ended'])
        .where('id', 'in', ids)
        .orderBy('id');
      if (this.dialect === 'postgres') lock = lock.forUpdate();
      const advocates = await lock.execute();
      if (advocates.length === 0) return;
      const rules = scoringRulesOf(await readDocuments(trx));
      const present = advocates.map((advocate) => advocate.id);
      const rows = pointsRowsOf(advocates, await loadScoreInputs(trx, present), rules);
      // A full rebuild running beside this scores these advocates again at its swap, even if
      // nothing below changes a row (its triggers see only rows that change).
      if (this.dialect === 'postgres') await markRebuildDirty(trx, ids);
      // advocates before advocate_points, as every writer of both (and a rebuild's swap) locks them.
      const version = rulesVersion(rules);
      await trx
        .updateTable('advocates')
        .set({ scored_with: version })
        .where('id', 'in', present)
        .where((eb) => eb.or([eb('scored_with', 'is', null), eb('scored_with', '<>', version)]))
        .execute();
      await writePoints(trx, this.dialect, present, rows);
    });
  }

  /**
   * Recomputes, in the background, every advocate whose points were computed under other rules
   * (after a scoring change, or at start-up after an interrupted pass). Calls during a pass make
   * it run once more; the promise settles when no pass is left to run.
   */
  rescoreStale(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.rescorePass();
      } while (this.again && !this.closed);
    })()
      .catch((error: unknown) => console.error('rescoring failed:', error))
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  private async rescorePass(): Promise<void> {
    const rules = scoringRulesOf(await readDocuments(this.db));
    const version = rulesVersion(rules);
    if (this.dialect === 'postgres' && (await this.staleCount(version)) >= this.rebuildFrom) {
      try {
        const outcome = await rebuildPoints(this.db, {
          version,
          rowsOf: async (db, advocates) =>
            pointsRowsYielding(
              advocates,
              await loadScoreInputs(
                db,
                advocates.map((advocate) => advocate.id),
              ),
              rules,
            ),
          currentVersion: storedRulesVersion,
          // Not if another instance has rebuilt meanwhile.
          stillNeeded: async () => (await this.staleCount(version)) >= this.rebuildFrom,
          closed: () => this.closed,
        });
        // Rules changed meanwhile: the pass runs again under them (their change asked for it).
        if (outcome === 'rules-changed') this.again = true;
        if (outcome !== 'not-needed') return;
      } catch (error) {
        console.error("rebuilding every advocate's points failed; re-scoring them in place:", (error as Error).message);
      }
    } else if (this.dialect === 'postgres') {
      // (A rebuild clears them itself.)
      await clearRebuildLeftovers(this.db).catch((error: unknown) =>
        console.error('clearing an interrupted points rebuild failed:', (error as Error).message),
      );
    }
    let after = '';
    while (!this.closed) {
      const rows = await this.db
        .selectFrom('advocates')
        .select('id')
        .where('id', '>', after)
        .where((eb) => eb.or([eb('scored_with', 'is', null), eb('scored_with', '<>', version)]))
        .orderBy('id')
        .limit(PASS_CHUNK)
        .execute();
      if (rows.length === 0) return;
      await this.recomputeChunk(rows.map((row) => row.id));
      after = rows[rows.length - 1]!.id;
    }
  }

  /**
   * Lets scheduled recomputations finish for at most `timeoutMs`, and stops a rescoring pass after
   * its current chunk. Advocates it abandons are marked as scored under no rules (best effort, in
   * the time left but at least MARKING_MS), so the start-up pass recomputes them.
   */
  async close(timeoutMs = SCORES_CLOSE_TIMEOUT_MS): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    this.closed = true;
    const abandoned = [
      ...new Set((await Promise.all([this.queue.close(timeoutMs), this.clickQueue.close(timeoutMs)])).flat()),
    ];
    const remaining = () => Math.max(0, deadline - Date.now());
    await settledWithin(remaining(), this.running);
    if (abandoned.length === 0) return;
    console.error(`shutting down: points of ${abandoned.length} advocate(s) left to the next start`);
    const marking = this.db.updateTable('advocates').set({ scored_with: null }).where('id', 'in', abandoned).execute();
    await settledWithin(Math.max(remaining(), MARKING_MS), marking);
  }
}
