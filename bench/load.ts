/**
 * HTTP load through autocannon, driven programmatically. Each measurement runs in a worker thread
 * (bench/load-worker.ts) so the load generator does not share the server's event loop; results
 * carry every latency so several short runs can be merged into one exact distribution.
 */
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

export interface LoadOptions {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  connections: number;
  durationSeconds: number;
  /** The only status a correct run answers; any other response counts as an error. */
  expectStatus: number;
  /** Responses smaller than this (headers included) count as errors: catches truncated snapshots. */
  minResponseBytes?: number;
  timeoutSeconds?: number;
  /** Replace `[<id>]` in the URL and headers with a new id on every request (distinct visitors). */
  idReplacement?: boolean;
  /**
   * Paths to spread the requests over instead of the URL's own, each request drawing one from a
   * Zipf distribution over their order (the first the most requested, the k-th 1/k^s as often).
   */
  paths?: readonly string[];
  /** The Zipf exponent s for `paths` (default 1). */
  zipfExponent?: number;
  /** CPU of another process the requests cost (the database server's), in ms, read before and after. */
  externalCpuMs?: () => number | undefined;
}

/** What load.ts sends the worker (plain data, structured-cloned). */
export interface WorkerRequest {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  connections: number;
  durationSeconds: number;
  timeoutSeconds: number;
  idReplacement: boolean;
  paths: string[];
  zipfExponent: number;
}

/** What the worker sends back. */
export type WorkerReply =
  | {
      ok: true;
      durationSeconds: number;
      latencies: Float64Array;
      statuses: Record<string, number>;
      bytes: number;
      minBytes: number;
      maxBytes: number;
      connectionErrors: number;
      timeouts: number;
      requestErrors: string[];
    }
  | { ok: false; error: string };

export interface LoadResult {
  /** Completed responses, whatever their status. */
  requests: number;
  durationSeconds: number;
  /** Latency of every completed response, milliseconds, unsorted. */
  latencies: Float64Array;
  statuses: Record<string, number>;
  bytes: number;
  minBytes: number;
  maxBytes: number;
  connectionErrors: number;
  timeouts: number;
  /**
   * CPU time the server's thread (this process's main thread: the server runs here, the load in
   * a worker) spent during the run, in milliseconds; undefined where /proc is not readable. Less
   * sensitive to a noisy machine than throughput: descheduled time does not count.
   */
  serverCpuMs: number | undefined;
  /** CPU of the external processes (externalCpuMs) during the run, in ms; undefined when not measured. */
  externalCpuMs: number | undefined;
  /** Responses with another status than expected, or smaller than minResponseBytes (bounded below). */
  unexpected: number;
  /** Human-readable problems; empty when the run was clean. */
  problems: string[];
}

/** Linux: user + system time of the main thread from /proc, in ms (clock ticks of 10 ms). */
function mainThreadCpuMs(): number | undefined {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks * 10 : undefined;
  } catch {
    return undefined;
  }
}

const workerUrl = new URL('./load-worker.ts', import.meta.url).href;

/**
 * tsx's loader hooks do not reach worker threads on Node 20, so the worker starts from a small
 * JavaScript bootstrap that registers tsx inside the thread, then imports the TypeScript worker.
 */
function workerBootstrap(): string {
  const tsxApi = import.meta.resolve('tsx/esm/api');
  return `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(workerUrl)}); });`;
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const request: WorkerRequest = {
    url: options.url,
    method: options.method ?? 'GET',
    headers: options.headers ?? {},
    connections: options.connections,
    durationSeconds: options.durationSeconds,
    timeoutSeconds: options.timeoutSeconds ?? 10,
    idReplacement: options.idReplacement ?? false,
    paths: [...(options.paths ?? [])],
    zipfExponent: options.zipfExponent ?? 1,
  };
  const externalBefore = options.externalCpuMs?.();
  const cpuBefore = mainThreadCpuMs();
  const reply = await new Promise<WorkerReply>((resolve, reject) => {
    const worker = new Worker(workerBootstrap(), { eval: true, workerData: request });
    let settled = false;
    worker.once('message', (message: WorkerReply) => {
      settled = true;
      resolve(message);
      void worker.terminate();
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the load worker exited with code ${code} before reporting`));
    });
  });
  const cpuAfter = mainThreadCpuMs();
  const externalAfter = options.externalCpuMs?.();
  if (!reply.ok) throw new Error(`autocannon failed: ${reply.error}`);

  const requests = reply.latencies.length;
  const problems: string[] = [];
  let unexpected = 0;
  for (const [status, count] of Object.entries(reply.statuses)) {
    if (Number(status) !== options.expectStatus) {
      unexpected += count;
      problems.push(`${count} × HTTP ${status} (expected only ${options.expectStatus})`);
    }
  }
  if (options.minResponseBytes !== undefined && requests > 0 && reply.minBytes < options.minResponseBytes) {
    unexpected = Math.max(unexpected, 1);
    problems.push(`a response of ${reply.minBytes} bytes, expected at least ${options.minResponseBytes}`);
  }
  if (reply.connectionErrors > 0) {
    problems.push(
      `${reply.connectionErrors} connection errors (${reply.timeouts} timeouts)` +
        (reply.requestErrors.length > 0 ? `: ${reply.requestErrors.join('; ')}` : ''),
    );
  }
  if (requests === 0) problems.push('no response completed');
  return {
    requests,
    durationSeconds: reply.durationSeconds,
    latencies: reply.latencies,
    statuses: reply.statuses,
    bytes: reply.bytes,
    minBytes: reply.minBytes,
    maxBytes: reply.maxBytes,
    connectionErrors: reply.connectionErrors,
    timeouts: reply.timeouts,
    serverCpuMs: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore,
    externalCpuMs:
      externalBefore === undefined || externalAfter === undefined ? undefined : externalAfter - externalBefore,
    unexpected,
    problems,
  };
}

/** Several runs of the same target as one: counts and durations add, latencies pool. */
export function mergeLoads(results: LoadResult[]): LoadResult {
  const total = results.reduce((sum, result) => sum + result.latencies.length, 0);
  const latencies = new Float64Array(total);
  let offset = 0;
  const statuses: Record<string, number> = {};
  for (const result of results) {
    latencies.set(result.latencies, offset);
    offset += result.latencies.length;
    for (const [status, count] of Object.entries(result.statuses)) statuses[status] = (statuses[status] ?? 0) + count;
  }
  const sum = (pick: (result: LoadResult) => number) => results.reduce((acc, result) => acc + pick(result), 0);
  return {
    requests: sum((r) => r.requests),
    durationSeconds: sum((r) => r.durationSeconds),
    latencies,
    statuses,
    bytes: sum((r) => r.bytes),
    minBytes: results.length === 0 ? 0 : Math.min(...results.map((r) => r.minBytes)),
    maxBytes: results.length === 0 ? 0 : Math.max(...results.map((r) => r.maxBytes)),
    connectionErrors: sum((r) => r.connectionErrors),
    timeouts: sum((r) => r.timeouts),
    serverCpuMs: results.some((r) => r.serverCpuMs === undefined) ? undefined : sum((r) => r.serverCpuMs ?? 0),
    externalCpuMs: results.some((r) => r.externalCpuMs === undefined) ? undefined : sum((r) => r.externalCpuMs ?? 0),
    unexpected: sum((r) => r.unexpected),
    problems: results.flatMap((r) => r.problems),
  };
}

export function requestsPerSecond(result: LoadResult): number {
  return result.durationSeconds > 0 ? result.requests / result.durationSeconds : 0;
}

/** The q-th percentile (0–100) of the latencies, nearest-rank; NaN without samples. */
export function percentile(result: LoadResult, q: number): number {
  const n = result.latencies.length;
  if (n === 0) return Number.NaN;
  const sorted = Float64Array.from(result.latencies).sort();
  const rank = Math.min(n, Math.max(1, Math.ceil((q / 100) * n)));
  return sorted[rank - 1] ?? Number.NaN;
}

/** Server main-thread CPU per completed response, microseconds; undefined when not measured. */
export function cpuPerRequestMicros(result: LoadResult): number | undefined {
  if (result.serverCpuMs === undefined || result.requests === 0) return undefined;
  return (result.serverCpuMs * 1000) / result.requests;
}

/** External (database server) CPU per completed response, microseconds; undefined when not measured. */
export function externalCpuPerRequestMicros(result: LoadResult): number | undefined {
  if (result.externalCpuMs === undefined || result.requests === 0) return undefined;
  return (result.externalCpuMs * 1000) / result.requests;
}

/** Errors of a run: unexpected answers plus connection errors. Zero for a clean run. */
export function errorCount(result: LoadResult): number {
  return result.unexpected + result.connectionErrors + (result.requests === 0 ? 1 : 0);
}
