/** The leaderboard suite's board scenario: 500,000 advocates, re-scores and no vacuum, the caller near the bottom. */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../server/db/schema';
import { isoWeekKey, monthKey } from '../lib/scoring';
import { readBoard } from '../server/services/leaderboard';
import { expectStatus, type BenchServer } from './server';
import { seedBoard, type SeedShape } from './leaderboard-seed';
import {
  countedRank,
  enrolCaller,
  log,
  measure,
  seconds,
  startBoardServer,
  tableState,
  type Kind,
} from './leaderboard-run';

/** 4 shares each (2 this week, 2 over the year): 2,000,000 events, every advocate on every board of this week. */
export const BOARD_SHAPE: SeedShape = { advocates: 500_000, sharesPerAdvocate: 4, weekEvery: 2 };
export const BOARD_TARGET_P99_MS = 20;
const RUNS = 500;

export interface Timed {
  name: string;
  times: number[];
  target?: number;
}

export interface BoardResult {
  seedSeconds: number;
  scoreSeconds: number;
  churn: number;
  churnSeconds: number;
  stateBefore: string;
  stateAfter: string;
  measured: Timed[];
}

/**
 * Points for every advocate from their shares in one statement (PostgreSQL): 10 a share on LinkedIn
 * and X, 5 more when personalised, per ISO week, month and all time. Not lib/scoring's exact
 * numbers (no first-share or cap rules), but the same rows and spread for the board to read; the
 * rank counts follow through their trigger, and the re-scored advocates get lib/scoring's points.
 */
async function seedPoints(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`set local statement_timeout = 0`.execute(trx);
    await sql`insert into advocate_points (advocate_id, bucket, points, listed, team)
      select s.advocate_id, b.bucket, sum(s.points), max(a.leaderboard), max(a.team)
      from (select advocate_id, shared_at,
              case network when 'facebook' then 0 else 10 end + 5 * personalized as points,
              to_timestamp(shared_at / 1000.0) at time zone 'UTC' as at from shares) as s
      join advocates as a on a.id = s.advocate_id
      cross join lateral (values ('all'), (to_char(s.at, 'YYYY-MM')), (to_char(s.at, 'IYYY-"W"IW'))) as b(bucket)
      group by s.advocate_id, b.bucket having sum(s.points) > 0`.execute(trx);
  });
}

export async function boardScenario(kind: Kind, shape: SeedShape, errors: string[]): Promise<BoardResult | undefined> {
  let server: BenchServer | undefined;
  try {
    const n = shape.advocates.toLocaleString('en-US');
    log(
      `${kind} board: seeding ${n} advocates, ${(shape.advocates * shape.sharesPerAdvocate).toLocaleString('en-US')} share events`,
    );
    server = await startBoardServer(kind);
    const { db, scores } = server.running.deps;
    const now = Date.now();
    const seedSeconds = await seconds(() => seedBoard(db, kind, now, shape));
    log(`${kind} board: seeded in ${seedSeconds.toFixed(1)} s; scoring every advocate (the score keeper's pass)`);
    // PostgreSQL: the first points in one set-based statement (the keeper's pass over 500,000
    // advocates is the recompute scenario's subject, not this one's); SQLite: the keeper's pass.
    const scoreSeconds = await seconds(() => (kind === 'postgres' ? seedPoints(db) : scores.rescoreStale()));
    log(`${kind} board: first points in ${scoreSeconds.toFixed(1)} s`);
    const { token, you } = await enrolCaller(server);

    // A busy spell: a tenth of the advocates share again and are re-scored through the score keeper,
    // leaving dead row versions in this week's, this month's and the all-time buckets. No VACUUM
    // or ANALYZE follows: autovacuum may come by, as it would in production.
    const churn = Math.floor(shape.advocates / 10);
    const churned = Array.from({ length: churn }, (_, i) => `adv${String(1 + i * 5).padStart(6, '0')}`);
    for (let i = 0; i < churned.length; i += 1000) {
      await db
        .insertInto('shares')
        .values(
          churned.slice(i, i + 1000).map((advocateId, k) => ({
            id: `churn-${i + k}`,
            advocate_id: advocateId,
            content_id: 'cnt00001',
            network: 'linkedin',
            shared_at: now - 1000,
            personalized: 1,
            received_at: now,
          })),
        )
        .execute();
    }
    const churnSeconds = await seconds(() => scores.recompute(churned));
    log(`${kind} board: ${churn.toLocaleString('en-US')} advocates re-scored in ${churnSeconds.toFixed(1)} s`);

    const week = isoWeekKey(now);
    const check = await readBoard(db, { bucket: week, limit: 50 }, you);
    const counted = await countedRank(db, week, you.id);
    if (check.entries.length !== 50 || check.you.rank !== counted)
      throw new Error(`the caller's rank is ${check.you.rank}, counted ${counted} (entries: ${check.entries.length})`);
    log(`${kind} board: the caller ranks ${counted.toLocaleString('en-US')} this week`);
    const http = await server.call('/v1/leaderboard?period=week', { token });
    await expectStatus(http, 200, 'GET /v1/leaderboard');

    const board = (bucket: string, team?: string) => () =>
      readBoard(db, { bucket, limit: 50, ...(team ? { team } : {}) }, team ? { ...you, team } : you);
    const target = BOARD_TARGET_P99_MS;
    const stateBefore = await tableState(db, kind);
    const measured: Timed[] = [
      {
        name: 'baseline: select count(*) from advocates',
        times: await measure(() => sql`select count(*) from advocates`.execute(db), RUNS),
      },
      {
        name: 'baseline: advocate by primary key',
        times: await measure(
          () => db.selectFrom('advocates').selectAll().where('id', '=', 'adv025000').execute(),
          RUNS,
        ),
      },
      { name: 'leaderboard: this week (top 50 + your rank)', times: await measure(board(week), RUNS), target },
      { name: 'leaderboard: this month', times: await measure(board(monthKey(now)), RUNS), target },
      { name: 'leaderboard: all time', times: await measure(board('all'), RUNS), target },
      { name: 'leaderboard: this week, one team', times: await measure(board(week, 'Team 5'), RUNS), target },
      {
        name: 'GET /v1/leaderboard?period=week over HTTP (auth, rules, board)',
        times: await measure(async () => {
          const response = await server!.call('/v1/leaderboard?period=week', { token });
          await response.arrayBuffer();
        }, RUNS),
        target,
      },
    ];
    const stateAfter = await tableState(db, kind);
    return { seedSeconds, scoreSeconds, churn, churnSeconds, stateBefore, stateAfter, measured };
  } catch (error) {
    errors.push(`${kind} board: ${(error as Error).message}`);
    log(`${kind} board: FAILED: ${(error as Error).stack ?? String(error)}`);
    return undefined;
  } finally {
    await server?.close().catch((error: unknown) => errors.push(`${kind} board: closing: ${(error as Error).message}`));
  }
}
