/** One measured publish: arm the clients, publish, collect every client's arrival and each instance's broadcast. */
import type { Collected } from './clients';
import type { ClientsChild, ServerChild } from './children';
import { COLLECT_TIMEOUT_MS, REQUEST_TIMEOUT_MS } from './config';
import { publish } from './http';
import type { BroadcastTiming } from './server';

export interface Round {
  /** Publish → sync latency of every client that got it, milliseconds. */
  latencies: number[];
  /** The same by instance (index into the scenario's servers). */
  byInstance: number[][];
  missing: number;
  extra: number;
  cursors: number;
  /** How long POST /v1/admin/content took. */
  postMs: number;
  /** Per instance: the broadcast loop, relative to the publish start. */
  broadcasts: (BroadcastTiming | undefined)[];
}

export async function runRound(
  label: string,
  servers: ServerChild[],
  urls: string[],
  clients: ClientsChild[],
  adminToken: string,
  round: number,
): Promise<Round> {
  await Promise.all(servers.map((server) => server.request({ type: 'broadcasts' }, 'broadcasts', REQUEST_TIMEOUT_MS)));
  await Promise.all(clients.map((child) => child.request({ type: 'arm', round }, 'armed', REQUEST_TIMEOUT_MS)));
  const collecting = clients.map((child) =>
    child.request(undefined, 'collected', COLLECT_TIMEOUT_MS + REQUEST_TIMEOUT_MS),
  );
  // Awaited below; if the publish fails first, their later rejection must not go unhandled.
  for (const pending of collecting) pending.catch(() => undefined);
  const startedAt = Date.now();
  await publish(urls[0] ?? '', adminToken, `${label} round ${round}`);
  const postMs = Date.now() - startedAt;
  for (const child of clients) child.send({ type: 'collect', round, timeoutMs: COLLECT_TIMEOUT_MS });
  const collected: Collected[] = await Promise.all(collecting);
  const timings = await Promise.all(
    servers.map((server) => server.request({ type: 'broadcasts' }, 'broadcasts', REQUEST_TIMEOUT_MS)),
  );

  const byInstance = urls.map(() => [] as number[]);
  const cursors = new Set<string>();
  let missing = 0;
  let extra = 0;
  for (const part of collected) {
    missing += part.missing;
    extra += part.extra;
    part.cursors.forEach((cursor) => cursors.add(cursor));
    for (const [url, arrivals] of Object.entries(part.arrivals)) {
      const bucket = byInstance[urls.indexOf(url)];
      if (!bucket) throw new Error(`a client reported an unknown server ${url}`);
      for (const at of arrivals) bucket.push(at - startedAt);
    }
    const closed = Object.entries(part.closeCodes);
    if (closed.length > 0)
      throw new Error(`clients were closed: ${closed.map(([code, count]) => `${count} × ${code}`).join(', ')}`);
  }
  return {
    latencies: byInstance.flat(),
    byInstance,
    missing,
    extra,
    cursors: cursors.size,
    postMs,
    broadcasts: timings.map((reply) => {
      const first = reply.broadcasts.find((timing) => timing.startedAt >= startedAt);
      return first && { ...first, startedAt: first.startedAt - startedAt };
    }),
  };
}
