/**
 * Child process of the stream suite (bench/stream/index.ts): holds many /v1/stream WebSocket clients,
 * each pinging every 20 s (spread evenly over the 20 s), and timestamps the sync messages a
 * publish causes. Driven over the IPC channel:
 *
 * - `connect` opens clients in batches (the next batch starts once the previous one is open and
 *   greeted), so the server's accept backlog is not flooded;
 * - `arm` starts a round: from then on each client's first sync message is timed (Date.now());
 * - `collect` answers once every open client has its sync for the round, or at the timeout, with
 *   the arrival times grouped by server URL (the greeting on connect is never counted);
 * - `close` terminates every client.
 *
 * It exits on its own when the parent goes away (the IPC channel closes).
 */
import WebSocket from 'ws';
import { openFileLimit } from './ipc';

export interface StreamTarget {
  url: string;
  token: string;
}

export type ClientsCommand =
  | { type: 'connect'; targets: StreamTarget[]; batch: number; timeoutMs: number }
  | { type: 'arm'; round: number }
  | { type: 'collect'; round: number; timeoutMs: number }
  | { type: 'close' };

export interface Collected {
  round: number;
  /** Date.now() at each client's sync message, grouped by the server URL it is connected to. */
  arrivals: Record<string, number[]>;
  /** Clients without the round's sync when answering (closed ones included). */
  missing: number;
  /** Further sync messages in the round, after each client's first. */
  extra: number;
  /** Distinct cursors received in the round. */
  cursors: string[];
  /** Clients closed since they connected, by close code. */
  closeCodes: Record<string, number>;
  /** Pongs received since the previous collect. */
  pongs: number;
}

export type ClientsReply =
  | { type: 'ready'; openFiles: number }
  | { type: 'connected'; open: number; failed: number; errors: string[]; ms: number }
  | { type: 'armed'; round: number }
  | ({ type: 'collected' } & Collected)
  | { type: 'closed' }
  | { type: 'error'; message: string };

const PROTOCOL = 'relay.v1';
const PING = JSON.stringify({ type: 'ping' });
const PING_EVERY_MS = 20_000;
const PING_TICK_MS = 250;
const PING_BUCKETS = PING_EVERY_MS / PING_TICK_MS;

interface Client {
  ws: WebSocket;
  url: string;
  greeted: boolean;
  closed: boolean;
  /** Date.now() of this round's sync, NaN until it arrives. */
  arrival: number;
}

const clients: Client[] = [];
const closeCodes: Record<string, number> = {};
let round: number | undefined;
let received = 0;
let extra = 0;
let pongs = 0;
const cursors = new Set<string>();
let wakeCollector: (() => void) | undefined;

function send(reply: ClientsReply): void {
  if (process.connected) process.send?.(reply);
}

function onMessage(client: Client, data: WebSocket.RawData, at: number, greeted: () => void): void {
  let message: { type?: unknown; cursor?: unknown };
  try {
    message = JSON.parse(String(data)) as typeof message;
  } catch {
    return;
  }
  if (message.type === 'pong') {
    pongs++;
    return;
  }
  if (message.type !== 'sync') return;
  if (!client.greeted) {
    client.greeted = true;
    greeted();
    return;
  }
  if (round === undefined) return;
  if (!Number.isNaN(client.arrival)) {
    extra++;
    return;
  }
  client.arrival = at;
  received++;
  if (typeof message.cursor === 'string') cursors.add(message.cursor);
  if (wakeCollector && received >= expected) wakeCollector();
}

/** Clients that can still receive this round's message: open at arm time, minus those closed since without it. */
let expected = 0;

function connectOne(target: StreamTarget, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${target.url.replace(/^http/, 'ws')}/v1/stream`, [PROTOCOL, target.token], {
      perMessageDeflate: false,
      handshakeTimeout: timeoutMs,
    });
    const client: Client = { ws, url: target.url, greeted: false, closed: false, arrival: Number.NaN };
    const timer = setTimeout(() => {
      reject(new Error(`no greeting within ${timeoutMs} ms`));
      ws.terminate();
    }, timeoutMs);
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(error);
    };
    ws.on('message', (data) => {
      const at = Date.now();
      onMessage(client, data, at, () => {
        clearTimeout(timer);
        clients.push(client);
        resolve();
      });
    });
    ws.on('error', (error) => fail(error));
    ws.once('unexpected-response', (_request, response) => {
      fail(new Error(`refused: HTTP ${response.statusCode}`));
      response.resume();
      ws.terminate();
    });
    ws.once('close', (code) => {
      client.closed = true;
      if (client.greeted) {
        closeCodes[code] = (closeCodes[code] ?? 0) + 1;
        if (round !== undefined && Number.isNaN(client.arrival)) expected--;
        if (wakeCollector && received >= expected) wakeCollector();
      } else {
        fail(new Error(`closed (${code}) before the greeting`));
      }
    });
  });
}

async function connect(targets: StreamTarget[], batch: number, timeoutMs: number): Promise<ClientsReply> {
  const started = Date.now();
  const errors = new Map<string, number>();
  let failed = 0;
  for (let start = 0; start < targets.length; start += batch) {
    const results = await Promise.allSettled(
      targets.slice(start, start + batch).map((target) => connectOne(target, timeoutMs)),
    );
    for (const result of results) {
      if (result.status === 'fulfilled') continue;
      failed++;
      const message = (result.reason as Error).message;
      errors.set(message, (errors.get(message) ?? 0) + 1);
    }
  }
  return {
    type: 'connected',
    open: clients.filter((client) => !client.closed).length,
    failed,
    errors: [...errors].map(([message, count]) => `${count} × ${message}`),
    ms: Date.now() - started,
  };
}

async function collect(which: number, timeoutMs: number): Promise<ClientsReply> {
  if (round !== which) throw new Error(`collect for round ${which}, but round ${String(round)} is armed`);
  if (received < expected) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      wakeCollector = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    wakeCollector = undefined;
  }
  const arrivals: Record<string, number[]> = {};
  let missing = 0;
  for (const client of clients) {
    if (Number.isNaN(client.arrival)) missing++;
    else (arrivals[client.url] ??= []).push(client.arrival);
  }
  const reply: ClientsReply = {
    type: 'collected',
    round: which,
    arrivals,
    missing,
    extra,
    cursors: [...cursors],
    closeCodes: { ...closeCodes },
    pongs,
  };
  round = undefined;
  pongs = 0;
  return reply;
}

function arm(which: number): void {
  round = which;
  received = 0;
  extra = 0;
  cursors.clear();
  expected = 0;
  for (const client of clients) {
    client.arrival = Number.NaN;
    if (!client.closed) expected++;
  }
}

let tick = 0;
const pinger = setInterval(() => {
  const bucket = tick++ % PING_BUCKETS;
  for (let i = bucket; i < clients.length; i += PING_BUCKETS) {
    const client = clients[i];
    if (client && !client.closed && client.ws.readyState === WebSocket.OPEN) client.ws.send(PING);
  }
}, PING_TICK_MS);

function closeAll(): void {
  clearInterval(pinger);
  for (const client of clients) client.ws.terminate();
}

process.on('message', (command: ClientsCommand) => {
  const answer = (work: () => Promise<ClientsReply> | ClientsReply) =>
    Promise.resolve()
      .then(work)
      .then(send, (error: unknown) => send({ type: 'error', message: (error as Error).message }));
  if (command.type === 'connect') void answer(() => connect(command.targets, command.batch, command.timeoutMs));
  else if (command.type === 'arm') void answer(() => (arm(command.round), { type: 'armed', round: command.round }));
  else if (command.type === 'collect') void answer(() => collect(command.round, command.timeoutMs));
  else if (command.type === 'close') void answer(() => (closeAll(), { type: 'closed' }));
});
process.on('disconnect', () => {
  closeAll();
  process.exit(0);
});

if (!process.send) {
  process.stderr.write('bench/stream/clients.ts runs as a child of bench/stream/index.ts (it needs an IPC channel)\n');
  process.exit(1);
}
send({ type: 'ready', openFiles: openFileLimit() });
