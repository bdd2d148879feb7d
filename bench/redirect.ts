/**
 * The redirect suite: requests per second and p99 latency of GET /r/:code with click recording on,
 * over 10,000 tracked links (100 advocates × 50 shared posts × 2 networks) clicked in a Zipf
 * distribution, every request a distinct visitor (X-Forwarded-For varies per request and
 * RELAY_TRUST_PROXY is on, so every click is counted, buffered, written in batches and re-scores
 * its advocate), beside a bare 302 route on the same server (GET /bench/redirect, same headers, no
 * database), measured in alternating slices, on SQLite and on PostgreSQL. On PostgreSQL the
 * database server's own CPU is counted beside the API's.
 *
 * Target: at least 0.8× the bare redirect's throughput.
 */
import { sql } from 'kysely';
import {
  cpuPerRequestMicros,
  errorCount,
  externalCpuPerRequestMicros,
  percentile,
  requestsPerSecond,
  type LoadOptions,
  type LoadResult,
} from './load';
import { postgresCpuMs } from './postgres-cpu';
import { LINKS, seedLinks } from './redirect-links';
import { expectStatus, startBenchServer, type BenchServer } from './server';
import type { BenchSettings, Suite, SuiteOutcome } from './suite';
import { measurePair } from './sync';
import { formatMs, formatRate, formatRatio, renderTable } from './table';

export const BARE_REDIRECT_PATH = '/bench/redirect';
/** The tracked redirect must reach at least this share of the bare redirect's throughput. */
export const TARGET_RATIO = 0.8;
const USER_AGENT =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';

const log = (message: string) => process.stderr.write(`[bench redirect] ${message}\n`);

interface Row {
  database: string;
  result?: LoadResult;
  baseline?: LoadResult;
  clicks?: { recorded: number; stored: number; dropped: number };
  setupError?: string;
}

async function count(server: BenchServer, table: 'clicks'): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(
    server.running.deps.db,
  );
  return Number(rows[0]?.n ?? 0);
}

async function runDatabase(
  settings: BenchSettings,
  kind: BenchSettings['databases'][number],
  rows: Row[],
  outcome: SuiteOutcome,
) {
  let server: BenchServer | undefined;
  try {
    log(`${kind}: starting the server on a fresh database`);
    let location = '';
    server = await startBenchServer(kind, {
      config: { trustProxy: true },
      configure: (app) => {
        app.get(BARE_REDIRECT_PATH, (c) => {
          c.header('cache-control', 'private, no-store');
          c.header('referrer-policy', 'no-referrer');
          return c.redirect(location, 302);
        });
      },
    });
    log(`${kind}: publishing, enrolling and sharing for ${LINKS.toLocaleString('en-US')} tracked links`);
    const paths = await seedLinks(server);
    if (kind === 'postgres') await sql`analyze`.execute(server.running.deps.db);
    const path = paths[0]!;
    const first = await server.call(path, { headers: { 'user-agent': USER_AGENT, 'x-forwarded-for': '192.0.2.1' } });
    await expectStatus(first, 302, 'tracked redirect');
    location = first.headers.get('location') ?? '';
    if (!/utm_source=(linkedin|x)&/.test(location)) throw new Error(`unexpected redirect target ${location}`);

    const headers = { 'user-agent': USER_AGENT, 'x-forwarded-for': '[<id>]' };
    // Both sides: the same connections, headers (a new visitor each request) and database CPU count.
    const common = {
      connections: settings.connections,
      durationSeconds: settings.durationSeconds,
      idReplacement: true,
      headers,
      expectStatus: 302,
      externalCpuMs: kind === 'postgres' ? postgresCpuMs : undefined,
    };
    const baseline: LoadOptions = { ...common, url: server.url + BARE_REDIRECT_PATH };
    const target: LoadOptions = { ...common, url: server.url + path, paths, zipfExponent: 1 };
    log(`${kind}: measuring GET /r/:code beside the bare redirect (${settings.rounds} × 2 slices)`);
    const measured = await measurePair(settings, baseline, { name: 'redirect', target });

    const stats = server.running.deps.clicks.stats;
    await server.running.deps.clicks.flush();
    const stored = await count(server, 'clicks');
    rows.push({ database: kind, ...measured, clicks: { recorded: stats.recorded, stored, dropped: stats.dropped } });
    if (stats.dropped > 0) outcome.errors.push(`${kind}: ${stats.dropped} clicks were dropped`);
    // Every tracked request was a new visitor: each must have been stored (warm-up included).
    if (stored !== stats.recorded)
      outcome.errors.push(`${kind}: ${stats.recorded} clicks recorded but ${stored} stored`);
  } catch (error) {
    const message = (error as Error).message;
    outcome.errors.push(`${kind}: ${message}`);
    log(`${kind}: FAILED: ${message}`);
    if (!rows.some((row) => row.database === kind)) rows.push({ database: kind, setupError: message });
  } finally {
    await server
      ?.close()
      .catch((error: unknown) => outcome.errors.push(`${kind}: closing the server: ${(error as Error).message}`));
  }
}

export const redirectSuite: Suite = {
  name: 'redirect',
  summary:
    'GET /r/:code over 10,000 links clicked Zipf-distributed (every request a new visitor), against a bare 302 route',
  async run(settings) {
    const outcome: SuiteOutcome = { errors: [], missed: [] };
    const rows: Row[] = [];
    for (const kind of settings.databases) await runDatabase(settings, kind, rows, outcome);

    const table: string[][] = [];
    const details: string[] = [];
    for (const row of rows) {
      const target = `≥ ${TARGET_RATIO}×`;
      if (!row.result || !row.baseline) {
        table.push([row.database, '—', '—', '—', '—', '—', target, 'ERROR', '—']);
        continue;
      }
      const rps = requestsPerSecond(row.result);
      const baselineRps = requestsPerSecond(row.baseline);
      const ratio = baselineRps > 0 ? rps / baselineRps : 0;
      const errors = errorCount(row.result) + errorCount(row.baseline);
      let verdict: string;
      if (errors > 0) {
        verdict = 'ERROR';
        outcome.errors.push(
          `${row.database}: ${[...row.result.problems.map((p) => `redirect: ${p}`), ...row.baseline.problems.map((p) => `baseline: ${p}`)].join('; ')}`,
        );
      } else {
        verdict = ratio >= TARGET_RATIO ? 'ok' : 'MISSED';
        if (verdict === 'MISSED')
          outcome.missed.push(`${row.database}: ${formatRatio(ratio)} of the bare redirect, target ≥ ${TARGET_RATIO}×`);
      }
      table.push([
        row.database,
        formatRate(rps),
        formatMs(percentile(row.result, 99)),
        formatRate(baselineRps),
        formatMs(percentile(row.baseline, 99)),
        formatRatio(ratio),
        target,
        verdict,
        row.clicks ? row.clicks.stored.toLocaleString('en-US') : '—',
      ]);
      const cpu = cpuPerRequestMicros(row.result);
      const baselineCpu = cpuPerRequestMicros(row.baseline);
      const database = externalCpuPerRequestMicros(row.result);
      const baselineDatabase = externalCpuPerRequestMicros(row.baseline);
      if (cpu !== undefined && baselineCpu !== undefined) {
        const withDatabase =
          database !== undefined && baselineDatabase !== undefined
            ? `; with PostgreSQL's own processes ${(cpu + database).toFixed(0)} µs against ${(baselineCpu + baselineDatabase).toFixed(0)} µs ` +
              `(${formatRatio((baselineCpu + baselineDatabase) / (cpu + database))})`
            : ' (the database is in-process)';
        details.push(
          `- ${row.database}: API thread CPU per response ${cpu.toFixed(0)} µs, bare 302 ${baselineCpu.toFixed(0)} µs ` +
            `(${formatRatio(baselineCpu / cpu)}; flushes and re-scoring included)${withDatabase}`,
        );
      }
      if (row.clicks) {
        details.push(
          `- ${row.database}: ${row.clicks.recorded.toLocaleString('en-US')} clicks recorded (warm-up included), ` +
            `${row.clicks.stored.toLocaleString('en-US')} stored, ${row.clicks.dropped} dropped`,
        );
      }
    }
    const lines = [
      '',
      `## GET /r/:code with click recording (${settings.durationSeconds} s per side, ${settings.rounds} alternating rounds, ` +
        `${settings.connections} connections, ${settings.warmupSeconds} s warm-up; X-Forwarded-For new per request)`,
      `Measures: tracked-redirect throughput over ${LINKS.toLocaleString('en-US')} links clicked Zipf-distributed (s = 1), each click a new visitor, against a bare 302.`,
      '',
      renderTable(
        [
          { header: 'database' },
          { header: 'req/s', align: 'right' },
          { header: 'p99 ms', align: 'right' },
          { header: 'bare 302 req/s', align: 'right' },
          { header: 'bare p99', align: 'right' },
          { header: 'ratio', align: 'right' },
          { header: 'target' },
          { header: 'ok?' },
          { header: 'clicks stored', align: 'right' },
        ],
        table,
      ),
      '',
      `ratio = redirect req/s ÷ bare 302 req/s (GET ${BARE_REDIRECT_PATH} on the same server, same headers, no database).`,
      '',
      ...details,
    ];
    if (outcome.missed.length > 0) lines.push('', ...outcome.missed.map((miss) => `MISSED ${miss}`));
    if (outcome.errors.length > 0) lines.push('', ...outcome.errors.map((error) => `ERROR ${error}`));
    process.stdout.write(`${lines.join('\n')}\n`);
    return outcome;
  },
};
