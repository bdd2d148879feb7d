/**
 * The leaderboard suite, two scenarios on fresh databases, each seeded in bulk with SQL and scored
 * through the real path (the score keeper's pass with lib/scoring/ into advocate_points):
 * - board: 500,000 advocates with 2,000,000 share events, first points in one SQL statement; a
 *   tenth re-scored through the score keeper and no VACUUM or ANALYZE after it (autovacuum may run, as in production). The
 *   leaderboard read (top 50 plus the caller's rank, the caller near the bottom so the rank is the
 *   longest) per period and for a team, and GET /v1/leaderboard, beside a count over advocates and
 *   a primary-key lookup. Target: p99 ≤ 20 ms on PostgreSQL.
 * - recompute: 50,000 advocates with 2,000,000 share events; the scoring rules change through
 *   PUT /v1/admin/scoring and every advocate is re-scored while GET /v1/leaderboard is read without
 *   pause; the pass beside the first scoring, the reads beside the same reads before the change.
 *   Target: the pass ≤ 30 s on PostgreSQL, the board answering throughout.
 * BENCH_LEADERBOARD_SCALE (default 1) divides the advocates, for a quick try of the suite itself.
 */
import { BOARD_SHAPE, boardScenario, type BoardResult } from './leaderboard-board';
import { RECOMPUTE_SHAPE, RECOMPUTE_TARGET_S, recomputeScenario, type RecomputeResult } from './leaderboard-recompute';
import { quantile, type Kind } from './leaderboard-run';
import type { SeedShape } from './leaderboard-seed';
import { SettingsError, type Suite, type SuiteOutcome } from './suite';
import { formatMs, renderTable } from './table';

function scaled(shape: SeedShape): SeedShape {
  const raw = process.env.BENCH_LEADERBOARD_SCALE ?? '1';
  const scale = Number(raw);
  if (!Number.isInteger(scale) || scale < 1 || scale > 1000)
    throw new SettingsError(
      `BENCH_LEADERBOARD_SCALE must be a whole number from 1 to 1000 (got ${JSON.stringify(raw)})`,
    );
  return { ...shape, advocates: Math.max(100, Math.floor(shape.advocates / scale)) };
}

const count = (n: number) => n.toLocaleString('en-US');
const events = (shape: SeedShape) => count(shape.advocates * shape.sharesPerAdvocate);

function boardRows(kind: Kind, result: BoardResult, outcome: SuiteOutcome): string[][] {
  return result.measured.map((entry) => {
    const p99 = quantile(entry.times, 0.99);
    const applies = entry.target !== undefined && kind === 'postgres';
    const verdict = !applies ? '—' : p99 <= entry.target! ? 'ok' : 'MISSED';
    if (verdict === 'MISSED')
      outcome.missed.push(`${kind} ${entry.name}: p99 ${formatMs(p99)} ms, target ≤ ${entry.target} ms`);
    return [
      kind,
      'board',
      entry.name,
      formatMs(quantile(entry.times, 0.5)),
      formatMs(p99),
      formatMs(quantile(entry.times, 1)),
      applies ? `p99 ≤ ${entry.target} ms` : '—',
      verdict,
    ];
  });
}

function recomputeRows(kind: Kind, result: RecomputeResult, outcome: SuiteOutcome): string[][] {
  const pg = kind === 'postgres';
  const passOk = result.recomputeSeconds <= RECOMPUTE_TARGET_S && result.failures === 0;
  if (pg && !passOk)
    outcome.missed.push(
      `${kind} full recompute: ${result.recomputeSeconds.toFixed(1)} s with ${result.failures} failed reads, target ≤ ${RECOMPUTE_TARGET_S} s and none`,
    );
  const reads = (name: string, times: number[]) => [
    kind,
    'recompute',
    name,
    formatMs(quantile(times, 0.5)),
    formatMs(quantile(times, 0.99)),
    formatMs(quantile(times, 1)),
    '—',
    '—',
  ];
  return [
    [
      kind,
      'recompute',
      'baseline: first scoring of every advocate, empty board (s)',
      result.scoreSeconds.toFixed(1),
      '',
      '',
      '—',
      '—',
    ],
    [
      kind,
      'recompute',
      'full recompute after a rules change, PUT to last row (s)',
      result.recomputeSeconds.toFixed(1),
      '',
      '',
      pg ? `≤ ${RECOMPUTE_TARGET_S} s, no failed read` : '—',
      pg ? (passOk ? 'ok' : 'MISSED') : '—',
    ],
    reads(`baseline: GET /v1/leaderboard?period=week before the change (${result.idle.length} reads)`, result.idle),
    reads(
      `GET /v1/leaderboard?period=week during the recompute (${result.during.length} reads, ${result.failures} failed)`,
      result.during,
    ),
  ];
}

export const leaderboardSuite: Suite = {
  name: 'leaderboard',
  summary: `the leaderboard at ${count(BOARD_SHAPE.advocates)} advocates without a fresh vacuum, and a full recompute of ${count(RECOMPUTE_SHAPE.advocates)} advocates while it is read`,
  async run(settings) {
    const outcome: SuiteOutcome = { errors: [], missed: [] };
    const board = scaled(BOARD_SHAPE);
    const recompute = scaled(RECOMPUTE_SHAPE);
    const rows: string[][] = [];
    const details: string[] = [];
    for (const kind of settings.databases) {
      const boardResult = await boardScenario(kind, board, outcome.errors);
      if (boardResult) {
        rows.push(...boardRows(kind, boardResult, outcome));
        details.push(
          `- ${kind} board: seeded in ${boardResult.seedSeconds.toFixed(1)} s, first points (one SQL statement on PostgreSQL) in ${boardResult.scoreSeconds.toFixed(1)} s, ` +
            `${count(boardResult.churn)} re-scored in ${boardResult.churnSeconds.toFixed(1)} s; before measuring: ${boardResult.stateBefore}; after: ${boardResult.stateAfter}`,
        );
      }
      const recomputeResult = await recomputeScenario(kind, recompute, outcome.errors);
      if (recomputeResult) {
        rows.push(...recomputeRows(kind, recomputeResult, outcome));
        details.push(
          `- ${kind} recompute: seeded in ${recomputeResult.seedSeconds.toFixed(1)} s` +
            (recomputeResult.firstFailure ? `; first failed read: ${recomputeResult.firstFailure}` : ''),
        );
      }
    }
    const lines = [
      '',
      `## Leaderboard: board at ${count(board.advocates)} advocates (${events(board)} share events, a tenth re-scored, no vacuum; 500 sequential reads each), full recompute of ${count(recompute.advocates)} advocates (${events(recompute)} share events) while the board is read`,
      '',
      renderTable(
        [
          { header: 'database' },
          { header: 'scenario' },
          { header: 'measure' },
          { header: 'median ms (or s)', align: 'right' },
          { header: 'p99 ms', align: 'right' },
          { header: 'max ms', align: 'right' },
          { header: 'target' },
          { header: 'ok?' },
        ],
        rows,
      ),
      '',
      'The board reads are server/services/leaderboard.ts readBoard: the top 50 of a period bucket and the rank of an advocate near the bottom (from advocate_rank_counts).',
      '',
      ...details,
    ];
    if (outcome.missed.length > 0) lines.push('', ...outcome.missed.map((miss) => `MISSED ${miss}`));
    if (outcome.errors.length > 0) lines.push('', ...outcome.errors.map((error) => `ERROR ${error}`));
    process.stdout.write(`${lines.join('\n')}\n`);
    return outcome;
  },
};
