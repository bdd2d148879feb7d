/**
 * The sync suite: requests per second and p99 latency of GET /v1/sync answered 304 (the client is
 * current) and answered 200 with a full snapshot of 500 items, each beside the constant baseline
 * route of the same server in the same run, on SQLite and on PostgreSQL.
 *
 * Target: the 304 path within 2× of the baseline (baseline req/s ÷ 304 req/s ≤ 2).
 */
import { sql } from 'kysely';
import {
  cpuPerRequestMicros,
  errorCount,
  mergeLoads,
  percentile,
  requestsPerSecond,
  runLoad,
  type LoadOptions,
  type LoadResult,
} from './load';
import { BASELINE_PATH, expectStatus, startBenchServer, type BenchServer } from './server';
import type { BenchSettings, Suite, SuiteOutcome } from './suite';
import { formatMs, formatRate, formatRatio, renderTable } from './table';

export const SYNC_ITEMS = 500;
/** The 304 path may cost at most this many baselines. */
export const TARGET_304_RATIO = 2;
const SEED_BATCH = 25;
const NETWORKS = ['linkedin', 'x', 'facebook'] as const;

interface Scenario {
  name: string;
  target: LoadOptions;
  /** The highest acceptable baseline-to-scenario throughput ratio, when there is a target. */
  maxRatio?: number;
}

interface Row {
  database: string;
  scenario: string;
  result?: LoadResult;
  baseline?: LoadResult;
  maxRatio?: number;
  setupError?: string;
}

const log = (message: string) => process.stderr.write(`[bench sync] ${message}\n`);

function contentInput(i: number) {
  const topic = ['product launch', 'hiring', 'engineering blog', 'customer story', 'event recap'][i % 5] ?? 'news';
  return {
    title: `Bench item ${i}: our latest ${topic}`,
    url: `https://example.com/news/${i}?ref=bench#section-${i % 7}`,
    note: i % 3 === 0 ? `Share this ${topic} with your network this week.` : undefined,
    campaign: i % 4 === 0 ? `Campaign ${i % 12}` : undefined,
    tags: ['bench', topic.replace(/\s+/g, '-')],
    variants: {
      linkedin: [
        `We just published a new ${topic}. Item ${i} covers what changed and why it matters to our customers.`,
        `Proud of the team behind this ${topic} (item ${i}). Have a look and tell me what you think.`,
      ],
      x: [`New ${topic}, item ${i}: worth a read.`],
    },
    publish: true,
  };
}

async function seed(server: BenchServer): Promise<void> {
  const token = await server.adminToken();
  for (let start = 0; start < SYNC_ITEMS; start += SEED_BATCH) {
    const batch = Array.from({ length: Math.min(SEED_BATCH, SYNC_ITEMS - start) }, (_, k) => start + k);
    await Promise.all(
      batch.map(async (i) => {
        const response = await server.call('/v1/admin/content', { method: 'POST', json: contentInput(i), token });
        await expectStatus(response, 201, `create content item ${i}`);
      }),
    );
  }
}

interface SyncBody {
  content: { id: string; links: Partial<Record<(typeof NETWORKS)[number], string>> }[];
}

/** The first sync makes the advocate's tracked links; checks the snapshot and the 304 answer. */
async function warmUpSync(server: BenchServer, token: string): Promise<{ etag: string; snapshotBytes: number }> {
  const first = await server.call('/v1/sync', { token });
  await expectStatus(first, 200, 'first sync');
  const text = await first.text();
  const body = JSON.parse(text) as SyncBody;
  if (body.content.length !== SYNC_ITEMS)
    throw new Error(`the snapshot holds ${body.content.length} items, expected ${SYNC_ITEMS}`);
  const linkless = body.content.filter((item) => NETWORKS.some((network) => !item.links[network]?.includes('/r/')));
  if (linkless.length > 0) throw new Error(`${linkless.length} snapshot items lack a tracked link for every network`);

  const second = await server.call('/v1/sync', { token });
  await expectStatus(second, 200, 'second sync');
  const etag = second.headers.get('etag');
  if (!etag) throw new Error('GET /v1/sync sent no ETag');
  const secondBytes = Buffer.byteLength(await second.text());

  const notModified = await server.call('/v1/sync', { token, headers: { 'if-none-match': etag } });
  await expectStatus(notModified, 304, 'sync with If-None-Match');
  return { etag, snapshotBytes: Math.min(Buffer.byteLength(text), secondBytes) };
}

/**
 * Measures a scenario and the baseline in alternating slices (A B, B A, …) so drift and noise on
 * the shared machine hit both alike; each side's slices are pooled into one result.
 */
export async function measurePair(
  settings: BenchSettings,
  baseline: LoadOptions,
  scenario: Scenario,
): Promise<{ result: LoadResult; baseline: LoadResult }> {
  if (settings.warmupSeconds > 0) {
    await runLoad({ ...baseline, durationSeconds: settings.warmupSeconds });
    await runLoad({ ...scenario.target, durationSeconds: settings.warmupSeconds });
  }
  const slice = settings.durationSeconds / settings.rounds;
  const scenarioRuns: LoadResult[] = [];
  const baselineRuns: LoadResult[] = [];
  for (let round = 0; round < settings.rounds; round++) {
    const runScenario = async () => scenarioRuns.push(await runLoad({ ...scenario.target, durationSeconds: slice }));
    const runBaseline = async () => baselineRuns.push(await runLoad({ ...baseline, durationSeconds: slice }));
    if (round % 2 === 0) {
      await runBaseline();
      await runScenario();
    } else {
      await runScenario();
      await runBaseline();
    }
  }
  return { result: mergeLoads(scenarioRuns), baseline: mergeLoads(baselineRuns) };
}

async function runDatabase(
  settings: BenchSettings,
  kind: BenchSettings['databases'][number],
  rows: Row[],
  outcome: SuiteOutcome,
): Promise<void> {
  const scenarioNames = ['sync 304', `sync 200 (${SYNC_ITEMS} items)`];
  let server: BenchServer | undefined;
  try {
    log(`${kind}: starting the server on a fresh database`);
    server = await startBenchServer(kind);
    log(`${kind}: seeding ${SYNC_ITEMS} published items`);
    await seed(server);
    const token = await server.enroll('Bench Advocate');
    const { etag, snapshotBytes } = await warmUpSync(server, token);
    if (kind === 'postgres') {
      // Steady state: autovacuum would have gathered statistics on a table that has lived a while.
      // Without them the planner takes a freshly seeded table for empty and scans it whole.
      await sql`analyze content, links, advocates, counters, documents`.execute(server.running.deps.db);
    }
    log(`${kind}: snapshot ${(snapshotBytes / 1024).toFixed(0)} KiB, ETag ${etag}`);

    const common = { connections: settings.connections, durationSeconds: settings.durationSeconds };
    const baseline: LoadOptions = { ...common, url: server.url + BASELINE_PATH, expectStatus: 200 };
    const scenarios: Scenario[] = [
      {
        name: scenarioNames[0] ?? 'sync 304',
        target: {
          ...common,
          url: `${server.url}/v1/sync`,
          headers: { authorization: `Bearer ${token}`, 'if-none-match': etag },
          expectStatus: 304,
        },
        maxRatio: TARGET_304_RATIO,
      },
      {
        name: scenarioNames[1] ?? 'sync 200',
        target: {
          ...common,
          url: `${server.url}/v1/sync`,
          headers: { authorization: `Bearer ${token}` },
          expectStatus: 200,
          minResponseBytes: snapshotBytes,
          timeoutSeconds: 30,
        },
      },
    ];
    for (const scenario of scenarios) {
      log(
        `${kind}: measuring ${scenario.name} beside the baseline (${settings.rounds} × 2 slices of ${(settings.durationSeconds / settings.rounds).toFixed(2)} s)`,
      );
      const measured = await measurePair(settings, baseline, scenario);
      rows.push({ database: kind, scenario: scenario.name, ...measured, maxRatio: scenario.maxRatio });
    }

    // Nothing the benchmark did may have changed what the advocate sees.
    const after = await server.call('/v1/sync', { token, headers: { 'if-none-match': etag } });
    if (after.status !== 304)
      outcome.errors.push(`${kind}: the ETag changed during the run (HTTP ${after.status} after it)`);
  } catch (error) {
    const message = (error as Error).message;
    outcome.errors.push(`${kind}: ${message}`);
    log(`${kind}: FAILED: ${message}`);
    scenarioNames.forEach((name, i) => {
      if (rows.some((row) => row.database === kind && row.scenario === name)) return;
      rows.push({
        database: kind,
        scenario: name,
        setupError: message,
        maxRatio: i === 0 ? TARGET_304_RATIO : undefined,
      });
    });
  } finally {
    await server
      ?.close()
      .catch((error: unknown) => outcome.errors.push(`${kind}: closing the server: ${(error as Error).message}`));
  }
}

function describe(label: string, result: LoadResult): string {
  const statuses = Object.entries(result.statuses)
    .map(([status, count]) => `${count} × ${status}`)
    .join(', ');
  const perResponse = result.requests > 0 ? Math.round(result.bytes / result.requests) : 0;
  const cpu = cpuPerRequestMicros(result);
  return (
    `${label}: ${result.requests} responses in ${result.durationSeconds.toFixed(2)} s (${statuses || 'none'}), ` +
    `p50 ${formatMs(percentile(result, 50))} ms, p99 ${formatMs(percentile(result, 99))} ms, ` +
    `max ${formatMs(percentile(result, 100))} ms, ${perResponse.toLocaleString('en-US')} B/response` +
    (cpu === undefined ? '' : `, server thread CPU ${cpu.toFixed(0)} µs/response`)
  );
}

export const syncSuite: Suite = {
  name: 'sync',
  summary: `GET /v1/sync answered 304 and answered 200 with ${SYNC_ITEMS} items, against a constant JSON baseline`,
  async run(settings) {
    const outcome: SuiteOutcome = { errors: [], missed: [] };
    const rows: Row[] = [];
    for (const kind of settings.databases) await runDatabase(settings, kind, rows, outcome);

    const table: string[][] = [];
    const details: string[] = [];
    for (const row of rows) {
      const target = row.maxRatio !== undefined ? `≤ ${row.maxRatio}×` : '—';
      if (!row.result || !row.baseline) {
        table.push([row.database, row.scenario, '—', '—', '—', '—', '—', target, 'ERROR']);
        continue;
      }
      const rps = requestsPerSecond(row.result);
      const baselineRps = requestsPerSecond(row.baseline);
      const ratio = rps > 0 ? baselineRps / rps : Number.POSITIVE_INFINITY;
      const errors = errorCount(row.result) + errorCount(row.baseline);
      let verdict = '—';
      if (errors > 0) {
        verdict = 'ERROR';
        const problems = [
          ...row.result.problems.map((p) => `${row.scenario}: ${p}`),
          ...row.baseline.problems.map((p) => `baseline: ${p}`),
        ];
        outcome.errors.push(`${row.database} ${row.scenario}: ${problems.join('; ')}`);
      } else if (row.maxRatio !== undefined) {
        verdict = ratio <= row.maxRatio ? 'ok' : 'MISSED';
        if (verdict === 'MISSED')
          outcome.missed.push(
            `${row.database} ${row.scenario}: ${formatRatio(ratio)} of the baseline, target ≤ ${row.maxRatio}×`,
          );
      }
      table.push([
        row.database,
        row.scenario,
        formatRate(rps),
        formatMs(percentile(row.result, 99)),
        formatRate(baselineRps),
        formatMs(percentile(row.baseline, 99)),
        formatRatio(ratio),
        target,
        verdict,
      ]);
      details.push(`- ${row.database} ${describe(row.scenario, row.result)}`);
      details.push(`- ${row.database} ${describe('baseline', row.baseline)}`);
      const cpu = cpuPerRequestMicros(row.result);
      const baselineCpu = cpuPerRequestMicros(row.baseline);
      if (cpu !== undefined && baselineCpu !== undefined && baselineCpu > 0) {
        details.push(
          `  - ${row.database} ${row.scenario}: server thread CPU per response ${formatRatio(cpu / baselineCpu)} the baseline's (less noise-sensitive than req/s)`,
        );
      }
    }

    const lines = [
      '',
      `## GET /v1/sync (${settings.durationSeconds} s per scenario and per baseline, ${settings.rounds} alternating rounds, ` +
        `${settings.connections} connections, ${settings.warmupSeconds} s warm-up)`,
      '',
      renderTable(
        [
          { header: 'database' },
          { header: 'scenario' },
          { header: 'req/s', align: 'right' },
          { header: 'p99 ms', align: 'right' },
          { header: 'baseline req/s', align: 'right' },
          { header: 'baseline p99', align: 'right' },
          { header: 'ratio', align: 'right' },
          { header: 'target' },
          { header: 'ok?' },
        ],
        table,
      ),
      '',
      'ratio = baseline req/s ÷ scenario req/s; the baseline is GET /bench/constant on the same server, measured in alternating slices beside each scenario.',
      '',
      ...details,
    ];
    if (outcome.missed.length > 0) lines.push('', ...outcome.missed.map((miss) => `MISSED ${miss}`));
    if (outcome.errors.length > 0) lines.push('', ...outcome.errors.map((error) => `ERROR ${error}`));
    process.stdout.write(`${lines.join('\n')}\n`);
    return outcome;
  },
};
