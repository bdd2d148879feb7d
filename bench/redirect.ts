/**
 * The redirect suite: requests per second and p99 latency of GET /r/:code with click recording on
 * (every request a distinct visitor: X-Forwarded-For varies per request and RELAY_TRUST_PROXY is
 * on, so every click is counted, buffered, written in batches and re-scores the advocate), beside
 * a bare 302 route on the same server (GET /bench/redirect, same headers, no database), measured
 * in alternating slices, on SQLite and on PostgreSQL.
 *
 * Target: at least 0.7× the bare redirect's throughput.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import {
  cpuPerRequestMicros,
  errorCount,
  percentile,
  requestsPerSecond,
  type LoadOptions,
  type LoadResult,
} from './load';
import { expectStatus, startBenchServer, type BenchServer } from './server';
import type { BenchSettings, Suite, SuiteOutcome } from './suite';
import { measurePair } from './sync';
import { formatMs, formatRate, formatRatio, renderTable } from './table';

export const BARE_REDIRECT_PATH = '/bench/redirect';
/** The tracked redirect must reach at least this share of the bare redirect's throughput. */
export const TARGET_RATIO = 0.7;
const USER_AGENT =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';

const log = (message: string) => process.stderr.write(`[bench redirect] ${message}\n`);

interface Row {
  database: string;
  result?: LoadResult;
  baseline?: LoadResult;
  clicks?: { recorded: number; stored: number; dropped: number; points: number };
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
    const admin = await server.adminToken();
    const created = await server.call('/v1/admin/content', {
      method: 'POST',
      token: admin,
      json: {
        title: 'Bench launch',
        url: 'https://example.com/launch?ref=bench#top',
        campaign: 'Bench 2026',
        variants: { linkedin: ['We launched.'], x: ['Launched!'] },
        publish: true,
      },
    });
    await expectStatus(created, 201, 'create content');
    const contentId = ((await created.json()) as { id: string }).id;
    const token = await server.enroll('Bench Advocate');
    const synced = await server.call('/v1/sync', { token });
    await expectStatus(synced, 200, 'sync');
    const link = ((await synced.json()) as { content: { links: { linkedin: string } }[] }).content[0]!.links.linkedin;
    const path = new URL(link).pathname;
    // A share, so every counted click earns points and each flush re-scores the advocate.
    const shared = await server.call('/v1/shares', {
      method: 'POST',
      token,
      json: { events: [{ id: randomUUID(), contentId, network: 'linkedin', sharedAt: new Date().toISOString() }] },
    });
    await expectStatus(shared, 200, 'share');
    const first = await server.call(path, { headers: { 'user-agent': USER_AGENT, 'x-forwarded-for': '192.0.2.1' } });
    await expectStatus(first, 302, 'tracked redirect');
    location = first.headers.get('location') ?? '';
    if (!location.includes('utm_source=linkedin')) throw new Error(`unexpected redirect target ${location}`);

    const headers = { 'user-agent': USER_AGENT, 'x-forwarded-for': '[<id>]' };
    const common = {
      connections: settings.connections,
      durationSeconds: settings.durationSeconds,
      idReplacement: true,
    };
    const baseline: LoadOptions = { ...common, url: server.url + BARE_REDIRECT_PATH, headers, expectStatus: 302 };
    const target: LoadOptions = { ...common, url: server.url + path, headers, expectStatus: 302 };
    log(`${kind}: measuring GET /r/:code beside the bare redirect (${settings.rounds} × 2 slices)`);
    const measured = await measurePair(settings, baseline, { name: 'redirect', target });

    const stats = server.running.deps.clicks.stats;
    await server.running.deps.clicks.flush();
    const stored = await count(server, 'clicks');
    const me = await server.call('/v1/me', { token });
    const points = ((await me.json()) as { points: number }).points;
    rows.push({
      database: kind,
      ...measured,
      clicks: { recorded: stats.recorded, stored, dropped: stats.dropped, points },
    });
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
  summary: 'GET /r/:code with click recording (every request a new visitor), against a bare 302 route',
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
      if (cpu !== undefined && baselineCpu !== undefined) {
        details.push(
          `- ${row.database}: server thread CPU per response ${cpu.toFixed(0)} µs, bare 302 ${baselineCpu.toFixed(0)} µs ` +
            `(${formatRatio(baselineCpu / cpu)}; flushes and re-scoring included, the database server's own CPU not)`,
        );
      }
      if (row.clicks) {
        details.push(
          `- ${row.database}: ${row.clicks.recorded.toLocaleString('en-US')} clicks recorded (warm-up included), ` +
            `${row.clicks.stored.toLocaleString('en-US')} stored, ${row.clicks.dropped} dropped; the advocate's points afterwards: ` +
            `${row.clicks.points} (click points capped per share)`,
        );
      }
    }
    const lines = [
      '',
      `## GET /r/:code with click recording (${settings.durationSeconds} s per side, ${settings.rounds} alternating rounds, ` +
        `${settings.connections} connections, ${settings.warmupSeconds} s warm-up; X-Forwarded-For new per request)`,
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
