/** The stream suite's report: the table of scenarios against the targets, then each scenario's details. */
import { cpus } from 'node:os';
import type { SuiteOutcome } from '../suite';
import { formatMs, renderTable } from '../table';
import { TARGET_KB_PER_CONNECTION, TARGET_P99_FROM_CLIENTS, TARGET_P99_MS } from './config';
import { herdReport } from './herd-report';
import { WANTED_OPEN_FILES } from './ipc';
import type { ScenarioResult } from './scenario';
import { summarize } from './stats';

function kbPerConnection(result: ScenarioResult): number {
  if (result.before.length === 0 || result.after.length !== result.before.length) return Number.NaN;
  const grown = result.after.reduce((sum, memory, i) => sum + memory.rss - (result.before[i]?.rss ?? 0), 0);
  return grown / 1024 / result.scenario.clients;
}

function heapKbPerConnection(result: ScenarioResult): number {
  if (result.before.length === 0 || result.after.length !== result.before.length) return Number.NaN;
  const grown = result.after.reduce(
    (sum, memory, i) =>
      sum + memory.heapUsed + memory.external - ((result.before[i]?.heapUsed ?? 0) + (result.before[i]?.external ?? 0)),
    0,
  );
  return grown / 1024 / result.scenario.clients;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function report(results: ScenarioResult[], publishes: number, outcome: SuiteOutcome): string {
  const rows: string[][] = [];
  const details: string[] = [];
  for (const result of results) {
    const { scenario } = result;
    // The nudge's latency as extensions now meet it; the baseline's publish (GETs after it) is in the herd table.
    const rounds = result.rounds.filter((round) => round.mode === 'inline');
    const n = scenario.clients;
    const latencyTarget = n >= TARGET_P99_FROM_CLIENTS;
    const target = `${latencyTarget ? `p99 ≤ ${TARGET_P99_MS} ms, ` : ''}≤ ${TARGET_KB_PER_CONNECTION} KB`;
    const name = `${scenario.name}, N=${n.toLocaleString('en-US')}`;
    const kb = kbPerConnection(result);
    const all = rounds.flatMap((round) => round.latencies);
    const { p50, p99, max } = summarize(all);
    const leastReceived = rounds.length ? Math.min(...rounds.map((round) => round.latencies.length)) : 0;
    let verdict: string;
    if (result.error) {
      verdict = 'ERROR';
      outcome.errors.push(`${name}: ${result.error}`);
    } else if (rounds.some((round) => round.missing > 0 || round.latencies.length !== n)) {
      verdict = 'ERROR';
      const short = rounds
        .map((round, i) => ({ i: i + 1, missing: n - round.latencies.length }))
        .filter((round) => round.missing > 0);
      outcome.errors.push(
        `${name}: clients never received the sync: ${short.map((round) => `publish ${round.i}: ${round.missing} missing`).join(', ')}`,
      );
    } else {
      const misses: string[] = [];
      if (latencyTarget && !(p99 <= TARGET_P99_MS)) misses.push(`p99 ${formatMs(p99)} ms > ${TARGET_P99_MS} ms`);
      if (!(kb <= TARGET_KB_PER_CONNECTION))
        misses.push(`${kb.toFixed(1)} KB per idle connection > ${TARGET_KB_PER_CONNECTION} KB`);
      verdict = misses.length ? 'MISSED' : 'ok';
      if (misses.length) outcome.missed.push(`${name}: ${misses.join('; ')}`);
    }
    rows.push([
      scenario.name,
      n.toLocaleString('en-US'),
      rounds.length ? `${leastReceived.toLocaleString('en-US')}/${n.toLocaleString('en-US')}` : '—',
      all.length ? formatMs(p50) : '—',
      all.length ? formatMs(p99) : '—',
      all.length ? formatMs(max) : '—',
      Number.isFinite(kb) ? kb.toFixed(1) : '—',
      target,
      verdict,
    ]);

    if (result.error && result.rounds.length === 0 && result.after.length === 0) continue;
    const load = result.load.length
      ? `; load average ${result.load.map((value) => value.average.toFixed(1)).join(' → ')} on ${cpus().length} cores` +
        (result.load.every((value) => Number.isFinite(value.cpuPressure))
          ? `, CPU pressure ${result.load.map((value) => `${value.cpuPressure.toFixed(0)} %`).join(' → ')}`
          : '')
      : '';
    details.push(
      `- ${name}: connected in ${(result.connectMs / 1000).toFixed(1)} s, first syncs in ${(result.primeMs / 1000).toFixed(1)} s; open-file limit servers ${result.openFiles.servers.join('/')}, ` +
        `client processes ${result.openFiles.clients.join('/')}${load}`,
    );
    result.before.forEach((before, i) => {
      const after = result.after[i];
      if (!after) return;
      details.push(
        `  - instance ${String.fromCharCode(65 + i)}: RSS ${mb(before.rss)} idle → ${mb(after.rss)} with ${after.clients.toLocaleString('en-US')} streams; ` +
          `heap used ${mb(before.heapUsed)} → ${mb(after.heapUsed)} (of ${mb(before.heapTotal)} → ${mb(after.heapTotal)}), external ${mb(before.external)} → ${mb(after.external)}`,
      );
    });
    if (Number.isFinite(kb))
      details.push(
        `  - per connection: ${kb.toFixed(1)} KB RSS, of which ${heapKbPerConnection(result).toFixed(1)} KB JS heap + external`,
      );
    if (result.rounds.length > 1) {
      const p99s = result.rounds.map((round) => summarize(round.latencies).p99);
      const cpu = result.rounds.flatMap((round) => round.broadcasts.map((timing) => timing?.cpuMs ?? Number.NaN));
      details.push(
        `  - per publish p99 ${p99s.map(formatMs).join(', ')} ms (median ${formatMs(summarize(p99s).p50)} ms); ` +
          `fan-out CPU per instance ${formatMs(summarize(cpu).p50)} ms median`,
      );
    }
    result.rounds.forEach((round, i) => {
      const summary = summarize(round.latencies);
      const perInstance =
        round.byInstance.length > 1
          ? `; by instance ${round.byInstance.map((values, k) => `${String.fromCharCode(65 + k)} p99 ${formatMs(summarize(values).p99)}`).join(', ')}`
          : '';
      const broadcasts = round.broadcasts
        .map((timing, k) =>
          timing
            ? `${String.fromCharCode(65 + k)} at +${timing.startedAt} ms, ${formatMs(timing.durationMs)} ms (CPU ${formatMs(timing.cpuMs)} ms) for ${timing.sent.toLocaleString('en-US')}`
            : `${String.fromCharCode(65 + k)} none seen`,
        )
        .join(', ');
      const loopsEnd = Math.max(
        ...round.broadcasts.map((timing) => (timing ? timing.startedAt + timing.durationMs : Number.NaN)),
      );
      const tail = Number.isFinite(loopsEnd)
        ? `; last client ${formatMs(summary.max - loopsEnd)} ms after the fan-out ended`
        : '';
      const oddities = [
        round.extra ? `${round.extra} extra syncs` : '',
        round.cursors > result.scenario.instances ? `${round.cursors} distinct cursors` : '',
      ]
        .filter(Boolean)
        .join(', ');
      details.push(
        `  - publish ${i + 1} (${round.mode}): ${round.latencies.length.toLocaleString('en-US')} received, p50 ${formatMs(summary.p50)}, p99 ${formatMs(summary.p99)}, ` +
          `max ${formatMs(summary.max)} ms${perInstance}; POST took ${round.postMs} ms; fan-out ${broadcasts}${tail}${oddities ? `; ${oddities}` : ''}`,
      );
    });
  }

  const lines = [
    '',
    `## GET /v1/stream: publish → sync latency and memory per idle connection (${publishes} publish${publishes === 1 ? '' : 'es'} per scenario after 1 unmeasured; clients ping every 20 s)`,
    '',
    renderTable(
      [
        { header: 'scenario' },
        { header: 'N', align: 'right' },
        { header: 'received', align: 'right' },
        { header: 'p50 ms', align: 'right' },
        { header: 'p99 ms', align: 'right' },
        { header: 'max ms', align: 'right' },
        { header: 'KB/conn', align: 'right' },
        { header: 'target' },
        { header: 'ok?' },
      ],
      rows,
    ),
    '',
    'Latency: Date.now() before POST /v1/admin/content (publish) → Date.now() in the client process when its sync arrives, pooled over ' +
      'the publishes; "received" is the least any publish reached. KB/conn: server RSS after a forced GC with N idle streams, minus ' +
      `with none, ÷ N. Two instances: half the clients on each, published through A. Open-file limit asked: ${WANTED_OPEN_FILES.toLocaleString('en-US')}.`,
    ...herdReport(results, outcome),
    '',
    ...details,
  ];
  if (outcome.missed.length > 0) lines.push('', ...outcome.missed.map((miss) => `MISSED ${miss}`));
  if (outcome.errors.length > 0) lines.push('', ...outcome.errors.map((error) => `ERROR ${error}`));
  return `${lines.join('\n')}\n`;
}
