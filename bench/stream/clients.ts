/**
 * Child process of the stream suite (bench/stream/index.ts): holds many /v1/stream WebSocket clients,
 * each pinging every 20 s (spread evenly over the 20 s), and timestamps the sync messages a
 * publish causes. Driven over the IPC channel:
 *
 * - `connect` opens clients in batches (the next batch starts once the previous one is open and
 *   greeted), so the server's accept backlog is not flooded;
 * - `prime` makes every client's first sync (GET /v1/sync without a cursor), in batches, so each
 *   holds a cursor and an ETag as an installed extension does;
 * - `arm` starts a round: from then on each client's first sync message is timed (Date.now()), and
 *   with `herd` each client then syncs as the extension does (bench/stream/sync-replay.ts) and times
 *   the answer that holds the round's post;
 * - `collect` answers once every open client has its sync message (and, with `herd`, its sync
 *   answered) for the round, or at the timeout, with the times grouped by server URL (the greeting
 *   on connect is never counted);
 * - `close` terminates every client.
 *
 * It exits on its own when the parent goes away (the IPC channel closes).
 */
import WebSocket from 'ws';
import { openFileLimit } from './ipc';
import {
  cursorReport,
  outcomeLabel,
  replaySync,
  takeInline,
  type SyncReplayOutcome,
  type SyncReplayState,
} from './sync-replay';

/**
 * How clients answer a round's nudge: `fetch` as extensions before the cursor report (GET /v1/sync
 * at once), `inline` as current ones (they report their cursor and take an answer the message
 * carries, fetching only when there is none for their cursor).
 */
export type HerdMode = 'fetch' | 'inline';

export interface StreamTarget {
  url: string;
  token: string;
}

export type ClientsCommand =
  | { type: 'connect'; targets: StreamTarget[]; batch: number; timeoutMs: number }
  | { type: 'prime'; batch: number }
  | { type: 'arm'; round: number; mode: HerdMode; title: string }
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
  /** With `herd`: Date.now() when each client's sync answer held the round's post, by server URL. */
  stored: Record<string, number[]>;
  /** With `herd`: syncs that did not deliver the post, by outcome ("HTTP 429", "HTTP 304", "failed: …"). */
  notStored: Record<string, number>;
  /** Clients that took the answer the message carried (the rest fetched). */
  inline: number;
}

export type ClientsReply =
  | { type: 'ready'; openFiles: number }
  | { type: 'connected'; open: number; failed: number; errors: string[]; ms: number }
  | { type: 'primed'; synced: number; failed: Record<string, number>; ms: number }
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
  /** Date.now() when this round's sync answer held the post, NaN until then. */
  stored: number;
  /** This round's sync request has ended (delivered or not). */
  settled: boolean;
  sync: SyncReplayState;
}

const clients: Client[] = [];
const closeCodes: Record<string, number> = {};
let round: number | undefined;
let herd = false;
let mode: HerdMode = 'fetch';
let inlineTaken = 0;
let title = '';
let settled = 0;
const notStored: Record<string, number> = {};
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
  if (!herd) return wakeIfDone();
  const carried = mode === 'inline' ? takeInline(client.sync, message as Record<string, unknown>) : undefined;
  // Applied: the server takes the answer's cursor as held (the extension does not report it).
  if (carried) {
    inlineTaken++;
    settle(client, carried);
  } else void syncAfterNudge(client);
}

function wakeIfDone(): void {
  if (wakeCollector && received >= expected && (!herd || settled >= expected)) wakeCollector();
}

/** What the extension does on a sync message: sync at once. Timed when the answer holds the post. */
async function syncAfterNudge(client: Client): Promise<void> {
  const which = round;
  const outcome = await replaySync(client.sync);
  if (round !== which) return;
  settle(client, outcome);
  if (mode === 'inline') report(client);
}

/** A current extension tells its stream which cursor it now holds. */
function report(client: Client): void {
  const message = cursorReport(client.sync);
  if (message && client.ws.readyState === WebSocket.OPEN) client.ws.send(message);
}

function settle(client: Client, outcome: SyncReplayOutcome): void {
  if (outcome.kind === 'answer' && outcome.status === 200 && outcome.titles.includes(title)) client.stored = Date.now();
  else {
    const label =
      outcome.kind === 'answer' && outcome.status === 200 ? 'HTTP 200 without the post' : outcomeLabel(outcome);
    notStored[label] = (notStored[label] ?? 0) + 1;
  }
  client.settled = true;
  settled++;
  wakeIfDone();
}

async function prime(batch: number): Promise<ClientsReply> {
  const started = Date.now();
  const failed: Record<string, number> = {};
  let synced = 0;
  // Setup, not measured: a client whose first sync fails (a timeout on a loaded machine) tries twice more.
  let pending = clients;
  for (let attempt = 1; attempt <= 3 && pending.length > 0; attempt++) {
    const retry: Client[] = [];
    for (let start = 0; start < pending.length; start += batch) {
      const group = pending.slice(start, start + batch);
      const outcomes = await Promise.all(group.map((client) => replaySync(client.sync)));
      outcomes.forEach((outcome, k) => {
        if (outcome.kind === 'answer' && outcome.status === 200) synced++;
        else if (attempt < 3) retry.push(group[k]!);
        else failed[outcomeLabel(outcome)] = (failed[outcomeLabel(outcome)] ?? 0) + 1;
      });
    }
    pending = retry;
  }
  return { type: 'primed', synced, failed, ms: Date.now() - started };
}

/** Clients that can still receive this round's message: open at arm time, minus those closed since without it. */
let expected = 0;

function connectOne(target: StreamTarget, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${target.url.replace(/^http/, 'ws')}/v1/stream`, [PROTOCOL, target.token], {
      perMessageDeflate: false,
      handshakeTimeout: timeoutMs,
    });
    const client: Client = {
      ws,
      url: target.url,
      greeted: false,
      closed: false,
      arrival: Number.NaN,
      stored: Number.NaN,
      settled: false,
      sync: { url: target.url, token: target.token },
    };
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
        wakeIfDone();
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
  if (received < expected || (herd && settled < expected)) {
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
  const stored: Record<string, number[]> = {};
  let missing = 0;
  for (const client of clients) {
    if (Number.isNaN(client.arrival)) missing++;
    else (arrivals[client.url] ??= []).push(client.arrival);
    if (!Number.isNaN(client.stored)) (stored[client.url] ??= []).push(client.stored);
    else if (herd && !Number.isNaN(client.arrival) && !client.settled)
      notStored['no answer in time'] = (notStored['no answer in time'] ?? 0) + 1;
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
    stored,
    notStored: { ...notStored },
    inline: inlineTaken,
  };
  round = undefined;
  pongs = 0;
  return reply;
}

function arm(which: number, herdMode: HerdMode, roundTitle: string): void {
  // Becoming current extensions: each tells its stream the cursor it holds.
  if (herdMode === 'inline' && mode !== 'inline') for (const client of clients) report(client);
  round = which;
  herd = true;
  mode = herdMode;
  inlineTaken = 0;
  title = roundTitle;
  received = 0;
  settled = 0;
  extra = 0;
  cursors.clear();
  for (const key of Object.keys(notStored)) delete notStored[key];
  expected = 0;
  for (const client of clients) {
    client.arrival = Number.NaN;
    client.stored = Number.NaN;
    client.settled = false;
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
  else if (command.type === 'prime') void answer(() => prime(command.batch));
  else if (command.type === 'arm')
    void answer(() => (arm(command.round, command.mode, command.title), { type: 'armed', round: command.round }));
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
