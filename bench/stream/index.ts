/**
 * The stream suite: N WebSocket clients on GET /v1/stream (each pinging every 20 s), then an admin
 * publishes and every client times the sync message it causes.
 *
 * - Latency, publish → all N received: the orchestrator notes Date.now() just before POSTing
 *   /v1/admin/content (publish: true); each client notes Date.now() when the resulting sync
 *   arrives. Pooled over BENCH_STREAM_PUBLISHES publishes (default 5) after one unmeasured one.
 * - Resident memory per idle connection: the server's RSS after a full GC with N idle clients,
 *   minus the same with none, divided by N.
 *
 * Every API instance runs in its own child process (bench/stream/server.ts) and the clients in two
 * more (bench/stream/clients.ts), so each RSS and event loop is its own; the children raise their
 * open-file limit first (bench/stream/ipc.ts). Scenarios: SQLite with one instance at 1,000 and
 * 10,000 clients; PostgreSQL with one instance and with two (clients split half and half, the
 * publish made through the first, reaching the second through LISTEN/NOTIFY) at 10,000.
 * BENCH_STREAM_CLIENTS (default 1000,10000) sets the sizes: SQLite runs each, PostgreSQL the
 * largest. Advocates are inserted straight into the database, one token per client.
 *
 * Targets on the 2-core machine: p99 ≤ 1 s at 10,000 clients, and ≤ 30 KB per idle connection.
 */
import { readSizes, scenariosFor } from './config';
import { runScenario, type ScenarioResult } from './scenario';
import { report } from './report';
import type { Suite, SuiteOutcome } from '../suite';

export { TARGET_KB_PER_CONNECTION, TARGET_P99_FROM_CLIENTS, TARGET_P99_MS } from './config';

export const streamSuite: Suite = {
  name: 'stream',
  summary:
    'GET /v1/stream: publish → sync latency to 1,000 and 10,000 clients and memory per idle connection, 1 and 2 instances',
  async run(settings) {
    const outcome: SuiteOutcome = { errors: [], missed: [] };
    let config: { sizes: number[]; publishes: number };
    try {
      config = readSizes(process.env);
    } catch (error) {
      outcome.errors.push((error as Error).message);
      process.stderr.write(`${(error as Error).message}\n`);
      return outcome;
    }
    const results: ScenarioResult[] = [];
    for (const scenario of scenariosFor(settings, config.sizes))
      results.push(await runScenario(scenario, config.publishes));
    process.stdout.write(report(results, config.publishes, outcome));
    return outcome;
  },
};
