/** The stream suite's herd table: publish → the post stored by every client, through the sync each nudge causes. */
import type { SuiteOutcome } from '../suite';
import { formatMs, renderTable } from '../table';
import { TARGET_P99_FROM_CLIENTS, TARGET_P99_MS } from './config';
import type { HerdMode } from './clients';
import type { Round } from './round';
import type { ScenarioResult } from './scenario';
import { summarize } from './stats';

const MODE = { fetch: 'GET after the nudge (before)', inline: 'answer in the nudge (now)' };

/** One scenario's row for one way of syncing; only the current way is judged. */
function herdRow(result: ScenarioResult, mode: HerdMode, rounds: Round[], outcome: SuiteOutcome): string[] {
  const { scenario } = result;
  const n = scenario.clients;
  const name = `${scenario.name}, N=${n.toLocaleString('en-US')}, ${MODE[mode]}`;
  const stored = rounds.flatMap((round) => round.stored);
  const nudged = rounds.flatMap((round) => round.latencies);
  const { p50, p99, max } = summarize(stored);
  const notStored: Record<string, number> = {};
  for (const round of rounds)
    for (const [what, count] of Object.entries(round.notStored)) notStored[what] = (notStored[what] ?? 0) + count;
  const failures = Object.entries(notStored);
  const judged = mode === 'inline';
  const sizeJudged = judged && n >= TARGET_P99_FROM_CLIENTS;
  let verdict = judged ? 'ok' : '(baseline)';
  if (judged && failures.length > 0) {
    verdict = 'ERROR';
    outcome.errors.push(
      `${name}: the post did not arrive: ${failures.map(([what, count]) => `${count} × ${what}`).join(', ')}`,
    );
  } else if (sizeJudged && !(p99 <= TARGET_P99_MS)) {
    verdict = 'MISSED';
    outcome.missed.push(`${name}: publish → post stored p99 ${formatMs(p99)} ms > ${TARGET_P99_MS} ms`);
  }
  const inline = rounds.reduce((sum, round) => sum + round.inline, 0);
  return [
    scenario.name,
    n.toLocaleString('en-US'),
    MODE[mode],
    `${Math.min(...rounds.map((round) => round.stored.length)).toLocaleString('en-US')}/${n.toLocaleString('en-US')}`,
    `${Math.round((100 * inline) / Math.max(1, stored.length + failures.reduce((sum, [, count]) => sum + count, 0)))} %`,
    formatMs(summarize(nudged).p99),
    formatMs(p50),
    formatMs(p99),
    formatMs(max),
    failures.length ? failures.map(([what, count]) => `${count} × ${what}`).join(', ') : 'none',
    sizeJudged ? `p99 ≤ ${TARGET_P99_MS} ms, none failed` : judged ? 'none failed' : '—',
    verdict,
  ];
}

/** The herd's table and its line of method, above it; targets missed and errors go to `outcome`. */
export function herdReport(results: ScenarioResult[], outcome: SuiteOutcome): string[] {
  const rows: string[][] = [];
  for (const result of results) {
    for (const mode of ['fetch', 'inline'] as const) {
      const rounds = result.rounds.filter((round) => round.mode === mode);
      if (rounds.length > 0) rows.push(herdRow(result, mode, rounds, outcome));
    }
  }
  if (rows.length === 0) return [];
  return [
    '',
    '## Publish → the post in every extension: each client does what the extension does with the nudge (before: GET /v1/sync with its cursor and ETag; now: takes the answer the nudge carries for its cursor, else that GET)',
    '',
    renderTable(
      [
        { header: 'scenario' },
        { header: 'N', align: 'right' },
        { header: 'extensions' },
        { header: 'stored', align: 'right' },
        { header: 'in msg', align: 'right' },
        { header: 'nudge p99 ms', align: 'right' },
        { header: 'p50 ms', align: 'right' },
        { header: 'p99 ms', align: 'right' },
        { header: 'max ms', align: 'right' },
        { header: 'not stored' },
        { header: 'target' },
        { header: 'ok?' },
      ],
      rows,
    ),
    '',
    'Stored: Date.now() before the publish → Date.now() in the client process when its sync answer (200, parsed) holds the post, ' +
      'pooled over the publishes; "stored" is the least any publish reached; "in msg": stored from the answer in the nudge. ' +
      'Baselines in the same run: the nudge alone (nudge p99), and the same publish answered by GETs (before). ' +
      'Every client synced once before (a snapshot), so it sends a cursor and an ETag as an installed extension does.',
  ];
}
