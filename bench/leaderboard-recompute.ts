/** The leaderboard suite's recompute scenario: a rules change re-scores 50,000 advocates while the board is read. */
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { isoWeekKey } from '../lib/scoring';
import type { ScoringRules } from '../lib/schemas';
import { readDocuments, scoringRulesOf } from '../server/services/documents';
import { bucketRows, loadScoreInputs, rulesVersion, scoreInputs } from '../server/services/scores';
import { expectStatus, type BenchServer } from './server';
import { seedBoard, type SeedShape } from './leaderboard-seed';
import { countedRank, enrolCaller, log, measure, seconds, startBoardServer, type Kind } from './leaderboard-run';

/** 40 shares each (4 this week): 2,000,000 events, about 45 point rows per advocate. */
export const RECOMPUTE_SHAPE: SeedShape = { advocates: 50_000, sharesPerAdvocate: 40, weekEvery: 10 };
export const RECOMPUTE_TARGET_S = 30;
/** Advocates whose stored rows are compared with lib/scoring's after the pass. */
const SAMPLE = 200;

export interface RecomputeResult {
  seedSeconds: number;
  scoreSeconds: number;
  recomputeSeconds: number;
  /** GET /v1/leaderboard before the change (sorted ms), and throughout the pass. */
  idle: number[];
  during: number[];
  failures: number;
  firstFailure?: string;
}

export async function recomputeScenario(
  kind: Kind,
  shape: SeedShape,
  errors: string[],
): Promise<RecomputeResult | undefined> {
  let server: BenchServer | undefined;
  try {
    const events = (shape.advocates * shape.sharesPerAdvocate).toLocaleString('en-US');
    log(`${kind} recompute: seeding ${shape.advocates.toLocaleString('en-US')} advocates, ${events} share events`);
    server = await startBoardServer(kind);
    const { db, scores } = server.running.deps;
    const now = Date.now();
    const seedSeconds = await seconds(() => seedBoard(db, kind, now, shape));
    log(`${kind} recompute: seeded in ${seedSeconds.toFixed(1)} s; first scoring of every advocate`);
    const scoreSeconds = await seconds(() => scores.rescoreStale());
    log(`${kind} recompute: scored in ${scoreSeconds.toFixed(1)} s`);
    const { token, you } = await enrolCaller(server);
    const read = async () => {
      const response = await server!.call('/v1/leaderboard?period=week', { token });
      if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${(await response.text()).slice(0, 200)}`);
      await response.arrayBuffer();
    };
    const idle = await measure(read, 300);

    // The rules change through the admin API; its handler starts the pass in the background.
    const admin = await server.adminToken();
    const before = (await (await server.call('/v1/admin/scoring', { token: admin })).json()) as ScoringRules;
    const changed = {
      ...before,
      personalizedBonus: before.personalizedBonus + 3,
      pointsPerClick: before.pointsPerClick + 1,
    };
    const during: number[] = [];
    let failures = 0;
    let firstFailure: string | undefined;
    let reading = true;
    const reader = (async () => {
      while (reading) {
        const start = performance.now();
        try {
          await read();
        } catch (error) {
          failures++;
          firstFailure ??= (error as Error).message;
        }
        during.push(performance.now() - start);
      }
    })();
    log(`${kind} recompute: changing the rules; reading the board throughout the pass`);
    const recomputeSeconds = await seconds(async () => {
      const put = await server!.call('/v1/admin/scoring', { method: 'PUT', token: admin, json: changed });
      await expectStatus(put, 200, 'PUT /v1/admin/scoring');
      await scores.rescoreStale();
    });
    reading = false;
    await reader;
    log(`${kind} recompute: every advocate re-scored in ${recomputeSeconds.toFixed(1)} s`);

    // The pass left every advocate scored under the new rules, exactly as lib/scoring computes.
    const rules = scoringRulesOf(await readDocuments(db));
    const version = rulesVersion(rules);
    const stale = await db
      .selectFrom('advocates')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where((eb) => eb.or([eb('scored_with', 'is', null), eb('scored_with', '<>', version)]))
      .executeTakeFirstOrThrow();
    if (Number(stale.n) !== 0) throw new Error(`${stale.n} advocates left under other rules`);
    const sample = Array.from(
      { length: SAMPLE },
      (_, i) => `adv${String(1 + ((i * 7717) % shape.advocates)).padStart(6, '0')}`,
    );
    const inputs = await loadScoreInputs(db, sample);
    const stored = await db
      .selectFrom('advocate_points')
      .select(['advocate_id', 'bucket', 'points'])
      .where('advocate_id', 'in', sample)
      .execute();
    const key = (id: string, bucket: string, points: number) => `${id} ${bucket} ${points}`;
    const expected = sample.flatMap((id) =>
      bucketRows(scoreInputs(inputs.get(id)!, { ...rules, enabled: true })).map((r) => key(id, r.bucket, r.points)),
    );
    const got = stored.map((r) => key(r.advocate_id, r.bucket, Number(r.points)));
    if (JSON.stringify(expected.sort()) !== JSON.stringify(got.sort()))
      throw new Error(`stored points differ from lib/scoring's for the sampled advocates`);
    const week = isoWeekKey(now);
    const { rows } = await sql<{
      points: number;
    }>`select points from advocate_points where advocate_id = ${you.id} and bucket = ${week}`.execute(db);
    const ranked = await server.call('/v1/leaderboard?period=week', { token });
    const rank = ((await ranked.json()) as { you: { rank: number } }).you.rank;
    const counted = await countedRank(db, week, you.id);
    if (rows.length !== 1 || rank !== counted) throw new Error(`the caller's rank is ${rank}, counted ${counted}`);
    return {
      seedSeconds,
      scoreSeconds,
      recomputeSeconds,
      idle,
      during: during.sort((a, b) => a - b),
      failures,
      ...(firstFailure ? { firstFailure } : {}),
    };
  } catch (error) {
    errors.push(`${kind} recompute: ${(error as Error).message}`);
    log(`${kind} recompute: FAILED: ${(error as Error).stack ?? String(error)}`);
    return undefined;
  } finally {
    await server
      ?.close()
      .catch((error: unknown) => errors.push(`${kind} recompute: closing: ${(error as Error).message}`));
  }
}
