/** One measured publish: arm the clients, publish, collect every client's nudge and synced post, and each instance's fan-out. */
import type { Collected, HerdMode } from './clients';
import type { ClientsChild, ServerChild } from './children';
import { COLLECT_TIMEOUT_MS, REQUEST_TIMEOUT_MS } from './config';
import { publish } from './http';
import type { BroadcastTiming } from './server';

export interface Round {
  /** Publish → sync latency of every client that got it, milliseconds. */
  latencies: number[];
  /** The same by instance (index into the scenario's servers). */
  byInstance: number[][];
  /** Publish → the client's sync answer holding the post (the herd the nudge causes), milliseconds. */
  stored: number[];
  /** Syncs that did not deliver the post, by outcome. */
  notStored: Record<string, number>;
  /** How the clients synced: as extensions before the cursor report (fetch), or current ones (inline). */
  mode: HerdMode;
  /** Clients that took the answer the message carried. */
  inline: number;
  missing: number;
  extra: number;
  cursors: number;
  /** How long POST /v1/admin/content took. */
  postMs: number;
  /** Per instance: the fan-out, relative to the publish start. */
  broadcasts: (BroadcastTiming | undefined)[];
}

export async function runRound(
  label: string,
  servers: ServerChild[],
  urls: string[],
  clients: ClientsChild[],
  adminToken: string,
  round: number,
  mode: HerdMode,
): Promise<Round> {
  await Promise.all(servers.map((server) => server.request({ type: 'broadcasts' }, 'broadcasts', REQUEST_TIMEOUT_MS)));
  const title = `${label} round ${round}`;
  await Promise.all(
    clients.map((child) => child.request({ type: 'arm', round, mode, title }, 'armed', REQUEST_TIMEOUT_MS)),
  );
  const collecting = clients.map((child) =>
    child.request(undefined, 'collected', COLLECT_TIMEOUT_MS + REQUEST_TIMEOUT_MS),
  );
  // Awaited below; if the publish fails first, their later rejection must not go unhandled.
  for (const pending of collecting) pending.catch(() => undefined);
  const startedAt = Date.now();
  await publish(urls[0] ?? '', adminToken, title);
  const postMs = Date.now() - startedAt;
  for (const child of clients) child.send({ type: 'collect', round, timeoutMs: COLLECT_TIMEOUT_MS });
  const collected: Collected[] = await Promise.all(collecting);
  const timings = await Promise.all(
    servers.map((server) => server.request({ type: 'broadcasts' }, 'broadcasts', REQUEST_TIMEOUT_MS)),
  );

  const byInstance = urls.map(() => [] as number[]);
  const cursors = new Set<string>();
  const stored: number[] = [];
  let inline = 0;
  const notStored: Record<string, number> = {};
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
    inline += part.inline;
    for (const times of Object.values(part.stored)) for (const at of times) stored.push(at - startedAt);
    for (const [label, count] of Object.entries(part.notStored)) notStored[label] = (notStored[label] ?? 0) + count;
    const closed = Object.entries(part.closeCodes);
    // The baseline's herd can starve pings until the server closes streams (4408): part of its result.
    if (closed.length > 0 && mode === 'fetch')
      for (const [code, count] of closed) notStored[`stream closed (${code})`] = count;
    else if (closed.length > 0)
      throw new Error(`clients were closed: ${closed.map(([code, count]) => `${count} × ${code}`).join(', ')}`);
  }
  return {
    latencies: byInstance.flat(),
    byInstance,
    stored,
    notStored,
    mode,
    inline,
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
