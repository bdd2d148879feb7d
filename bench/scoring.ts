/**
 * The scoring suite: the extension's scoring of a 100,000-share local log (lib/scoring/
 * scoreLocalLog, exactly as the background calls it: ISO times parsed, publish times looked up in
 * the synced content), beside sorting the same array by time, measured repeatedly in this process.
 * Also the server's path for one advocate with the same log plus 50,000 hourly click counts.
 *
 * Target: the extension's scoring of 100,000 shares in ≤ 50 ms (median).
 */
import { performance } from 'node:perf_hooks';
import { scoreLocalLog, scoreShares, type LoggedShare, type ScoredClick } from '../lib/scoring';
import { DEFAULT_SCORING, NETWORKS } from '../lib/schemas';
import type { Suite, SuiteOutcome } from './suite';
import { formatMs, renderTable } from './table';

export const LOG_SIZE = 100_000;
export const TARGET_MS = 50;
const CONTENT_ITEMS = 5_000;
const CLICK_ROWS = 50_000;
const WARMUP = 5;
const RUNS = 40;

/** A deterministic pseudo-random sequence (mulberry32), so every run scores the same log. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function fixtures(now: number) {
  const next = random(42);
  const span = 2 * 365 * 86_400_000;
  const content = Array.from({ length: CONTENT_ITEMS }, (_, i) => ({
    id: `content-${i}`,
    publishAt: new Date(now - Math.floor(next() * span)).toISOString(),
  }));
  const shares: LoggedShare[] = Array.from({ length: LOG_SIZE }, () => ({
    contentId: content[Math.floor(next() * CONTENT_ITEMS)]!.id,
    network: NETWORKS[Math.floor(next() * NETWORKS.length)]!,
    sharedAt: new Date(now - Math.floor(next() * span)).toISOString(),
    personalized: next() < 0.3,
  }));
  const clicks: ScoredClick[] = Array.from({ length: CLICK_ROWS }, () => ({
    contentId: content[Math.floor(next() * CONTENT_ITEMS)]!.id,
    network: NETWORKS[Math.floor(next() * NETWORKS.length)]!,
    at: Math.floor((now - next() * span) / 3_600_000) * 3_600_000,
    count: 1 + Math.floor(next() * 20),
  }));
  return { content, shares, clicks };
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
    const now = Date.UTC(2026, 5, 15, 12);
    const { content, shares, clicks } = fixtures(now);
    const rules = DEFAULT_SCORING;
    const converted = shares.map((share) => ({
      contentId: share.contentId,
      network: share.network,
      sharedAt: Date.parse(share.sharedAt),
      personalized: share.personalized === true,
      publishedAt: null,
    }));

    const check = scoreLocalLog(shares, content, rules, { now });
    if (!(check.points > 0 && check.shares > 0)) outcome.errors.push('the benchmark log scored no points');

    const scenarios: { name: string; times: Timing; target?: number }[] = [
      {
        name: `baseline: sort ${LOG_SIZE.toLocaleString('en-US')} shares by time`,
        times: measure(() =>
          [...shares].sort((a, b) => (a.sharedAt < b.sharedAt ? -1 : a.sharedAt > b.sharedAt ? 1 : 0)),
        ),
      },
      {
        name: `extension: scoreLocalLog, ${LOG_SIZE.toLocaleString('en-US')} shares`,
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
    const baselineMedian = quantile(scenarios[0]!.times.wall, 0.5);
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
        formatMs(quantile(scenario.times.cpu, 0.5)),
        `${(median / baselineMedian).toFixed(2)}×`,
        scenario.target !== undefined ? `≤ ${scenario.target} ms` : '—',
        verdict,
      ];
    });
    const lines = [
      '',
      `## Scoring a local share log (${RUNS} runs after ${WARMUP} warm-up runs, one thread; ${check.shares.toLocaleString('en-US')} counted shares, ${check.points.toLocaleString('en-US')} points)`,
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
      'baseline = sorting the same 100,000-entry array by its ISO time strings. Times are wall-clock; the CPU column is',
      'the process CPU time per run (user + system), which a busy machine inflates less.',
    ];
    if (outcome.missed.length > 0) lines.push('', ...outcome.missed.map((miss) => `MISSED ${miss}`));
    if (outcome.errors.length > 0) lines.push('', ...outcome.errors.map((error) => `ERROR ${error}`));
    process.stdout.write(`${lines.join('\n')}\n`);
    return outcome;
  },
};
