/**
 * Runs one autocannon measurement inside a worker thread, so the load generator has its own event
 * loop and never competes with the server's. Records every response's latency (sub-millisecond,
 * unlike autocannon's integer histogram), status and size, and posts them back to load.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';
import type { WorkerRequest, WorkerReply } from './load';

const request = workerData as WorkerRequest;
const port = parentPort;
if (!port) throw new Error('bench/load-worker.ts must run as a worker thread (see bench/load.ts)');

let latencies = new Float64Array(1 << 16);
let count = 0;
const statuses: Record<string, number> = {};
let bytes = 0;
let minBytes = Number.POSITIVE_INFINITY;
let maxBytes = 0;
const requestErrors: string[] = [];

/** A draw from the Zipf distribution over `paths` (rank k weighted 1/k^s), by binary search of the cumulative weights. */
function zipfPicker(paths: string[], exponent: number): () => string {
  const cumulative = new Float64Array(paths.length);
  let total = 0;
  for (let rank = 0; rank < paths.length; rank++) cumulative[rank] = total += 1 / (rank + 1) ** exponent;
  return () => {
    const target = Math.random() * total;
    let low = 0;
    let high = paths.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return paths[low]!;
  };
}

const pick = request.paths.length > 0 ? zipfPicker(request.paths, request.zipfExponent) : undefined;

const instance = autocannon(
  {
    url: request.url,
    ...(pick
      ? { requests: [{ method: request.method, setupRequest: (req: { path?: string }) => ({ ...req, path: pick() }) }] }
      : {}),
    method: request.method,
    headers: request.headers,
    connections: request.connections,
    pipelining: 1,
    duration: request.durationSeconds,
    timeout: request.timeoutSeconds,
    idReplacement: request.idReplacement,
    // autocannon stops at the first sample tick after the duration: sample often so slices end on time.
    sampleInt: 100,
  },
  (error, result) => {
    const sample = latencies.slice(0, count);
    const reply: WorkerReply = error
      ? { ok: false, error: String((error as Error)?.message ?? error) }
      : {
          ok: true,
          durationSeconds: result.duration,
          latencies: sample,
          statuses,
          bytes,
          minBytes: count === 0 ? 0 : minBytes,
          maxBytes,
          connectionErrors: result.errors,
          timeouts: result.timeouts,
          requestErrors: requestErrors.slice(0, 5),
        };
    if (reply.ok) port.postMessage(reply, [sample.buffer]);
    else port.postMessage(reply);
  },
);

instance.on('response', (_client, statusCode, resBytes, responseTime) => {
  if (count === latencies.length) {
    const grown = new Float64Array(latencies.length * 2);
    grown.set(latencies);
    latencies = grown;
  }
  latencies[count++] = responseTime;
  const key = String(statusCode);
  statuses[key] = (statuses[key] ?? 0) + 1;
  bytes += resBytes;
  if (resBytes < minBytes) minBytes = resBytes;
  if (resBytes > maxBytes) maxBytes = resBytes;
});

instance.on('reqError', (error: unknown) => {
  const message = String((error as Error)?.message ?? error);
  if (requestErrors.length < 5 && !requestErrors.includes(message)) requestErrors.push(message);
});
