/**
 * The connected extensions of one API instance. Everything sent to a client (the greeting, pongs,
 * broadcasts) goes through `send`, which never waits on it: a message is queued on the socket, and
 * a client whose unsent data would grow past the limit is dropped, so one slow reader cannot hold
 * up the others or grow the server's memory. A ping flood gets at most one pong per interval, and a
 * client sending far more messages than pings call for is dropped. Clients that stop pinging are
 * closed by one sweep timer. A client may say which sync cursor its extension holds, so a publish
 * can carry its answer (fan-out.ts).
 */
import { WebSocket } from 'ws';

export interface HubOptions {
  /** Close a connection that sent nothing (no ping) for this long. */
  idleMs: number;
  /** Drop a client whose socket holds more unsent bytes than this. */
  maxBufferedBytes: number;
  /** Connections allowed per advocate token at once. */
  maxPerToken: number;
  /** At most one pong per this many ms per client (a well-behaved client pings every 20 s). */
  pongIntervalMs?: number;
  /** Messages a client may send per MESSAGE_WINDOW_MS; past this it is dropped. */
  messageBudget?: number;
  now?: () => number;
}

/** The window `messageBudget` counts messages in. */
export const MESSAGE_WINDOW_MS = 10_000;

/** Close codes: 1012 tells clients the server is restarting and they should reconnect (elsewhere). */
export const CLOSE_RESTART = 1012;
export const CLOSE_IDLE = 4408;
export const CLOSE_SLOW = 4429;
/** Policy violation: far more messages than a client needs to send. */
export const CLOSE_FLOOD = 1008;
/** The advocate's token was revoked: the client's next request tells it why (401 and its type). */
export const CLOSE_REVOKED = 4401;
/** How long a revoked advocate's new connections are refused here (an upgrade authenticated just before). */
const REVOKED_MEMORY_MS = 5 * 60_000;

interface Client {
  ws: WebSocket;
  advocateId: string;
  /** The sync cursor the extension last said it holds (`{"type":"cursor"}`), if it says. */
  cursor?: string;
  lastSeen: number;
  lastPong: number;
  /** Messages received in the window that started at windowStart. */
  messages: number;
  windowStart: number;
}

const PONG = Buffer.from(JSON.stringify({ type: 'pong' }));

/** An open connection as a fan-out sees it. */
export interface Connection {
  ws: WebSocket;
  advocateId: string;
  cursor?: string;
}

export class StreamHub {
  private readonly clients = new Set<Client>();
  private readonly perAdvocate = new Map<string, number>();
  private readonly now: () => number;
  private sweeper: NodeJS.Timeout | undefined;
  private readonly pongIntervalMs: number;
  private readonly messageBudget: number;
  /** Clients dropped since start: too far behind (slow), or sending too much (flood). */
  readonly stats = { droppedSlow: 0, droppedFlood: 0 };
  /** Advocates revoked lately, and when: an upgrade that authenticated before the revocation is closed. */
  private readonly revoked = new Map<string, number>();

  constructor(private readonly options: HubOptions) {
    this.now = options.now ?? Date.now;
    this.pongIntervalMs = options.pongIntervalMs ?? 1_000;
    this.messageBudget = options.messageBudget ?? 100;
  }

  get size(): number {
    return this.clients.size;
  }

  canAccept(advocateId: string): boolean {
    return (this.perAdvocate.get(advocateId) ?? 0) < this.options.maxPerToken;
  }

  /**
   * Takes a new connection; false (and closed) when the advocate was revoked meanwhile: after
   * `authenticatedAt` (when the upgrade's token check began), or lately when that is not given.
   * An advocate let back in since (signed in again) authenticates after the revocation.
   */
  add(ws: WebSocket, advocateId: string, authenticatedAt?: number): boolean {
    const revokedAt = this.revoked.get(advocateId);
    if (revokedAt !== undefined && (authenticatedAt === undefined || revokedAt >= authenticatedAt)) {
      ws.close(CLOSE_REVOKED, 'access revoked');
      return false;
    }
    const now = this.now();
    const client: Client = { ws, advocateId, lastSeen: now, lastPong: -Infinity, messages: 0, windowStart: now };
    this.clients.add(client);
    this.perAdvocate.set(advocateId, (this.perAdvocate.get(advocateId) ?? 0) + 1);
    ws.on('message', (data, isBinary) => this.received(client, data, isBinary));
    ws.on('error', () => ws.terminate());
    ws.once('close', () => this.remove(client));
    this.startSweeping();
    return true;
  }

  /**
   * Queues `message` for every open connection, dropping those too far behind. Large fan-outs go
   * out in slices with a turn of the event loop between them, so HTTP requests, upgrades and
   * pongs are not held up. `only`: the advocates to reach (an audience); all when left out.
   * Resolves with how many connections got it.
   */
  async broadcast(message: string, sliceSize = 1_000, only?: (advocateId: string) => boolean): Promise<number> {
    const frame = Buffer.from(message);
    return this.sendEach(
      this.connections(only).map((connection) => ({ ws: connection.ws, message: frame })),
      sliceSize,
    );
  }

  /** The open connections (of the advocates `only` accepts), with the cursor each last reported. */
  connections(only?: (advocateId: string) => boolean): Connection[] {
    const found: Connection[] = [];
    for (const client of this.clients) if (!only || only(client.advocateId)) found.push(client);
    return found;
  }

  /** Queues each message for its connection, in slices with a turn of the event loop between them. */
  async sendEach(items: { ws: WebSocket; message: Buffer | string }[], sliceSize = 1_000): Promise<number> {
    let sent = 0;
    let inSlice = 0;
    for (const { ws, message } of items) {
      if (inSlice >= sliceSize) {
        inSlice = 0;
        await new Promise((resolve) => setImmediate(resolve));
      }
      inSlice++;
      if (this.send(ws, message)) sent++;
    }
    return sent;
  }

  /**
   * The one way anything is sent to a client: queued without waiting, unless it would leave more
   * than maxBufferedBytes unsent, in which case the client is dropped (it reconnects and syncs).
   * Returns whether the message was queued.
   */
  send(ws: WebSocket, data: Buffer | string): boolean {
    if (ws.readyState !== WebSocket.OPEN) return false;
    const size = typeof data === 'string' ? Buffer.byteLength(data) : data.length;
    if (ws.bufferedAmount + size > this.options.maxBufferedBytes) {
      this.stats.droppedSlow++;
      ws.close(CLOSE_SLOW, 'too slow: reconnect and sync');
      ws.terminate();
      return false;
    }
    ws.send(data, { binary: false });
    return true;
  }

  /** A message from a client: a ping gets a pong (at most one per interval); a flood gets it dropped. */
  private received(client: Client, data: WebSocket.RawData, isBinary: boolean): void {
    const now = this.now();
    client.lastSeen = now;
    if (now - client.windowStart >= MESSAGE_WINDOW_MS) {
      client.windowStart = now;
      client.messages = 0;
    }
    if (++client.messages > this.messageBudget) {
      if (client.ws.readyState === WebSocket.OPEN) this.stats.droppedFlood++;
      client.ws.close(CLOSE_FLOOD, 'too many messages');
      client.ws.terminate();
      return;
    }
    const message = isBinary ? null : clientMessage(data);
    if (message?.type === 'cursor') client.cursor = message.cursor;
    if (message?.type !== 'ping' || now - client.lastPong < this.pongIntervalMs) return;
    client.lastPong = now;
    this.send(client.ws, PONG);
  }

  /** The advocates with a connection here. */
  advocateIds(): string[] {
    return [...this.perAdvocate.keys()];
  }

  /** Closes every connection of an advocate whose token was revoked, and refuses new ones for a while. */
  closeAdvocate(advocateId: string): number {
    const now = this.now();
    this.revoked.set(advocateId, now);
    for (const [id, at] of this.revoked) if (at < now - REVOKED_MEMORY_MS) this.revoked.delete(id);
    let closed = 0;
    for (const client of this.clients) {
      if (client.advocateId !== advocateId) continue;
      client.ws.close(CLOSE_REVOKED, 'access revoked');
      setTimeout(() => client.ws.terminate(), 2_000).unref();
      closed++;
    }
    return closed;
  }

  /** Cuts every connection without a close handshake, as a crash would (clients see 1006). */
  terminateAll(): void {
    for (const { ws } of this.clients) ws.terminate();
  }

  sweep(): void {
    const cutoff = this.now() - this.options.idleMs;
    for (const client of this.clients) {
      if (client.lastSeen < cutoff) {
        client.ws.close(CLOSE_IDLE, 'no ping for too long');
        // A peer that does not answer the close handshake is cut off for good.
        setTimeout(() => client.ws.terminate(), 2_000).unref();
      }
    }
  }

  /** Closes every connection with `code` and waits (briefly) for them to go. */
  async closeAll(code = CLOSE_RESTART, reason = 'server restarting: reconnect'): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = undefined;
    const closing = [...this.clients].map(
      ({ ws }) =>
        new Promise<void>((resolve) => {
          if (ws.readyState === WebSocket.CLOSED) return resolve();
          ws.once('close', () => resolve());
          ws.close(code, reason);
          setTimeout(() => {
            ws.terminate();
            resolve();
          }, 1_000).unref();
        }),
    );
    await Promise.all(closing);
  }

  private remove(client: Client): void {
    if (!this.clients.delete(client)) return;
    const count = (this.perAdvocate.get(client.advocateId) ?? 1) - 1;
    if (count <= 0) this.perAdvocate.delete(client.advocateId);
    else this.perAdvocate.set(client.advocateId, count);
    if (this.clients.size === 0 && this.sweeper) {
      clearInterval(this.sweeper);
      this.sweeper = undefined;
    }
  }

  private startSweeping(): void {
    if (this.sweeper) return;
    this.sweeper = setInterval(() => this.sweep(), Math.min(5_000, Math.max(50, this.options.idleMs / 4)));
    this.sweeper.unref();
  }
}

/** What a client may send: a ping, or the sync cursor its extension holds (after every sync). */
function clientMessage(data: WebSocket.RawData): { type: 'ping' } | { type: 'cursor'; cursor: string } | null {
  const text = Array.isArray(data) ? Buffer.concat(data).toString() : Buffer.from(data as ArrayBuffer).toString();
  if (text.length > 200) return null;
  let value: { type?: unknown; cursor?: unknown };
  try {
    value = JSON.parse(text) as typeof value;
  } catch {
    return null;
  }
  if (value?.type === 'ping') return { type: 'ping' };
  if (value?.type === 'cursor' && typeof value.cursor === 'string' && CURSOR_SHAPE.test(value.cursor))
    return { type: 'cursor', cursor: value.cursor };
  return null;
}

/** A cursor's characters and length (services/cursor.ts issues them; decodeCursor checks the rest). */
const CURSOR_SHAPE = /^[0-9a-z.]{1,64}$/;
