/** The stream suite's targets, timeouts and scenarios (BENCH_STREAM_CLIENTS, BENCH_STREAM_PUBLISHES). */
import type { TestDatabaseKind } from '../../tests/helpers/database';
import type { BenchSettings } from '../suite';

export const TARGET_P99_MS = 1_000;
/** The latency target applies from this many clients (the issue states it for 10,000). */
export const TARGET_P99_FROM_CLIENTS = 10_000;
export const TARGET_KB_PER_CONNECTION = 30;

export const ADMIN_EMAIL = 'stream-bench@relay.test';
export const ADMIN_PASSWORD = 'stream bench password 1234';
export const CLIENT_PROCESSES = 2;
/** Connections opening at once, over all client processes. */
export const CONNECT_BATCH = 500;
export const SEED_BATCH = 500;
/** File descriptors a process needs beside its sockets (database, IPC, libraries). */
export const SPARE_FILES = 256;

export const START_TIMEOUT_MS = 60_000;
export const CONNECT_TIMEOUT_MS = 180_000;
export const HANDSHAKE_TIMEOUT_MS = 30_000;
/** A round's collection: the herd's requests time out after REQUEST_TIMEOUT_MS, so this leaves room for them. */
export const COLLECT_TIMEOUT_MS = 20_000;
/** Measured publishes with clients that fetch after the nudge (extensions before the cursor report): the herd's baseline. */
export const FETCH_PUBLISHES = 1;
/** First syncs (snapshots) at once per client process while priming. */
export const PRIME_BATCH = 50;
export const REQUEST_TIMEOUT_MS = 15_000;
export const SETTLE_MS = 1_000;
export const BETWEEN_ROUNDS_MS = 300;

export interface Scenario {
  name: string;
  kind: TestDatabaseKind;
  instances: number;
  clients: number;
}

export function readSizes(env: Record<string, string | undefined>): { sizes: number[]; publishes: number } {
  const raw = env.BENCH_STREAM_CLIENTS?.trim() || '1000,10000';
  const sizes = raw.split(',').map((part) => Number(part.trim()));
  if (sizes.some((size) => !Number.isInteger(size) || size < 1 || size > 100_000)) {
    throw new Error(
      `BENCH_STREAM_CLIENTS lists client counts from 1 to 100000, comma-separated (got ${JSON.stringify(raw)})`,
    );
  }
  const publishesRaw = env.BENCH_STREAM_PUBLISHES?.trim() || '5';
  const publishes = Number(publishesRaw);
  if (!Number.isInteger(publishes) || publishes < 1 || publishes > 50) {
    throw new Error(`BENCH_STREAM_PUBLISHES must be a whole number from 1 to 50 (got ${JSON.stringify(publishesRaw)})`);
  }
  return { sizes: [...new Set(sizes)].sort((a, b) => a - b), publishes };
}

export function scenariosFor(settings: BenchSettings, sizes: number[]): Scenario[] {
  const scenarios: Scenario[] = [];
  const largest = sizes.at(-1) ?? 10_000;
  if (settings.databases.includes('sqlite')) {
    for (const clients of sizes) scenarios.push({ name: 'sqlite, 1 instance', kind: 'sqlite', instances: 1, clients });
  }
  if (settings.databases.includes('postgres')) {
    scenarios.push({ name: 'postgres, 1 instance', kind: 'postgres', instances: 1, clients: largest });
    scenarios.push({ name: 'postgres, 2 instances', kind: 'postgres', instances: 2, clients: largest });
  }
  return scenarios;
}
