/**
 * The scoring suite: the extension's scoring of a 100,000-share local log in which every share is
 * a post of its own (lib/scoring scoreLocalLog, exactly as the background calls it: ISO times
 * parsed, publish times looked up in the synced content, a daily cap of ten), cold (the first call
 * in a fresh process, as after the browser restarts the service worker) and warm, beside sorting
 * the same array. Also the server's path with 50,000 hourly click counts.
 *
 * Target: the extension's scoring of 100,000 shares of distinct posts in ≤ 50 ms, cold and warm (median).
 */
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { isScored, scoreLocalLog, scoreShares } from '../lib/scoring';
import { CLICK_ROWS, LOG_SIZE, NOW, RULES, scoringFixture } from './scoring-fixture';
import type { Suite, SuiteOutcome } from './suite';
import { formatMs, renderTable } from './table';

export { LOG_SIZE };
export const TARGET_MS = 50;
const WARMUP = 5;
const RUNS = 40;
/** Fresh processes per cold figure. */
const COLD_RUNS = 7;
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The first call in fresh processes (bench/scoring-cold.entry.ts), in ms, sorted. */
async function cold(mode: 'score' | 'sort'): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'bench/scoring-cold.entry.ts'), mode],
      { cwd: ROOT },
    );
    times.push((JSON.parse(stdout) as { ms: number }).ms);
  }
  return times.sort((a, b) => a - b);
}

interface Timing {
  /** Wall-clock milliseconds per run, sorted. */
  wall: number[];
  /** Process CPU milliseconds per run (user + system), sorted: less sensitive to a busy machine. */
  cpu: number[];
}

function measure(run: () => unknown): Timing {
  for (let i = 0; i < WARMUP; i++) run();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    run();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall: wall.sort((a, b) => a - b), cpu: cpu.sort((a, b) => a - b) };
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;

export const scoringSuite: Suite = {
  name: 'scoring',
  summary: `the extension's scoring of a ${LOG_SIZE.toLocaleString('en-US')}-share local log, against sorting the same array`,
  async run() {
    const outcome: SuiteOutcome = { errors: [], missed: [] };
    const now = NOW;
    const { content, shares, clicks } = scoringFixture();
    const rules = RULES;
    const converted = shares.map((share) => ({
      contentId: share.contentId,
      network: share.network,
      sharedAt: Date.parse(share.sharedAt),
      personalized: share.personalized === true,
      publishedAt: null,
    }));

    // Cold first: nothing of scoring has run in those processes, and nothing here warms them.
    const coldSort = await cold('sort');
    const coldScore = await cold('score');
    const check = scoreLocalLog(shares, content, rules, { now });
    // Every share is a post of its own, so each on a scored network counts.
    const scored = shares.filter((share) => isScored(share.network, rules)).length;
    if (!(check.points > 0 && check.shares === scored)) {
      outcome.errors.push(
        `the log scored ${check.shares} shares and ${check.points} points; ${scored} shares should count`,
      );
    }

    const scenarios: { name: string; times: Timing; target?: number; cold?: true }[] = [
      {
        name: `baseline: sort ${LOG_SIZE.toLocaleString('en-US')} shares by time`,
        times: measure(() =>
          [...shares].sort((a, b) => (a.sharedAt < b.sharedAt ? -1 : a.sharedAt > b.sharedAt ? 1 : 0)),
        ),
      },
      {
        name: `baseline, cold: the first sort in a fresh process`,
        times: { wall: coldSort, cpu: [] },
        cold: true,
      },
      {
        name: `extension, cold: the first scoreLocalLog in a fresh process`,
        times: { wall: coldScore, cpu: [] },
        target: TARGET_MS,
        cold: true,
      },
      {
        name: `extension, warm: scoreLocalLog, ${LOG_SIZE.toLocaleString('en-US')} shares`,
        times: measure(() => scoreLocalLog(shares, content, rules, { now })),
        target: TARGET_MS,
      },
      {
        name: `scoreShares only (times already parsed), ${LOG_SIZE.toLocaleString('en-US')} shares`,
        times: measure(() => scoreShares(converted, rules, { now })),
      },
      {
        name: `server path: ${LOG_SIZE.toLocaleString('en-US')} shares + ${CLICK_ROWS.toLocaleString('en-US')} click rows`,
        times: measure(() => scoreShares(converted, rules, { now, clicks })),
      },
    ];
    // Warm figures are compared with the warm sort, cold ones with the cold sort.
    const baselineMedian = quantile(scenarios[0]!.times.wall, 0.5);
    const coldBaselineMedian = quantile(coldSort, 0.5);
    const rows = scenarios.map((scenario) => {
      const median = quantile(scenario.times.wall, 0.5);
      let verdict = '—';
      if (scenario.target !== undefined) {
        verdict = median <= scenario.target ? 'ok' : 'MISSED';
        if (verdict === 'MISSED')
          outcome.missed.push(`${scenario.name}: median ${formatMs(median)} ms, target ≤ ${scenario.target} ms`);
      }
      return [
        scenario.name,
        formatMs(median),
        formatMs(quantile(scenario.times.wall, 0.99)),
        scenario.times.cpu.length > 0 ? formatMs(quantile(scenario.times.cpu, 0.5)) : '—',
        `${(median / (scenario.cold ? coldBaselineMedian : baselineMedian)).toFixed(2)}×`,
        scenario.target !== undefined ? `≤ ${scenario.target} ms` : '—',
        verdict,
      ];
    });
    const lines = [
      '',
      `## Scoring a local share log of ${LOG_SIZE.toLocaleString('en-US')} distinct posts (warm: ${RUNS} runs after ${WARMUP} warm-up runs; cold: the first call in ${COLD_RUNS} fresh processes; ${check.points.toLocaleString('en-US')} points)`,
      'Measures: the time scoreLocalLog takes from the raw log and synced content to the score, one thread, daily cap 10.',
      '',
      renderTable(
        [
          { header: 'scenario' },
          { header: 'median ms', align: 'right' },
          { header: 'p99 ms', align: 'right' },
          { header: 'CPU ms (median)', align: 'right' },
          { header: '× baseline', align: 'right' },
          { header: 'target' },
          { header: 'ok?' },
        ],
        rows,
      ),
      '',
      'baseline = sorting the same 100,000-entry array by its ISO time strings (cold rows: the first such sort in a fresh',
      'process). Times are wall-clock; the CPU column is the process CPU time per warm run (user + system).',
    ];
    if (outcome.missed.length > 0) lines.push('', ...outcome.missed.map((miss) => `MISSED ${miss}`));
    if (outcome.errors.length > 0) lines.push('', ...outcome.errors.map((error) => `ERROR ${error}`));
    process.stdout.write(`${lines.join('\n')}\n`);
    return outcome;
  },
};
