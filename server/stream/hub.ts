/**
 * The connected extensions of one API instance. Broadcasts never wait on a client: a message is
 * queued on each socket, and a client whose unsent data grows past the limit is dropped, so one
 * slow reader cannot hold up the others. Clients that stop pinging are closed by one sweep timer.
 */
import { WebSocket } from 'ws';

export interface HubOptions {
  /** Close a connection that sent nothing (no ping) for this long. */
  idleMs: number;
  /** Drop a client whose socket holds more unsent bytes than this. */
  maxBufferedBytes: number;
  /** Connections allowed per advocate token at once. */
  maxPerToken: number;
  now?: () => number;
}

/** Close codes: 1012 tells clients the server is restarting and they should reconnect (elsewhere). */
export const CLOSE_RESTART = 1012;
export const CLOSE_IDLE = 4408;
export const CLOSE_SLOW = 4429;
/** The advocate's token was revoked: the client's next request tells it why (401 and its type). */
export const CLOSE_REVOKED = 4401;
/** How long a revoked advocate's new connections are refused here (an upgrade authenticated just before). */
const REVOKED_MEMORY_MS = 5 * 60_000;

interface Client {
  ws: WebSocket;
  advocateId: string;
  lastSeen: number;
}

const PONG = Buffer.from(JSON.stringify({ type: 'pong' }));

export class StreamHub {
  private readonly clients = new Set<Client>();
  private readonly perAdvocate = new Map<string, number>();
  private readonly now: () => number;
  private sweeper: NodeJS.Timeout | undefined;
  /** Advocates revoked lately, and when: an upgrade that authenticated before the revocation is closed. */
  private readonly revoked = new Map<string, number>();

  constructor(private readonly options: HubOptions) {
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.clients.size;
  }

  canAccept(advocateId: string): boolean {
    return (this.perAdvocate.get(advocateId) ?? 0) < this.options.maxPerToken;
  }

  /** Takes a new connection; false (and closed) when the advocate was revoked meanwhile. */
  add(ws: WebSocket, advocateId: string): boolean {
    if (this.revoked.has(advocateId)) {
      ws.close(CLOSE_REVOKED, 'access revoked');
      return false;
    }
    const client: Client = { ws, advocateId, lastSeen: this.now() };
    this.clients.add(client);
    this.perAdvocate.set(advocateId, (this.perAdvocate.get(advocateId) ?? 0) + 1);
    ws.on('message', (data, isBinary) => {
      client.lastSeen = this.now();
      if (!isBinary && isPing(data)) ws.send(PONG, { binary: false });
    });
    ws.on('error', () => ws.terminate());
    ws.once('close', () => this.remove(client));
    this.startSweeping();
    return true;
  }

  /**
   * Queues `message` for every open connection, dropping those too far behind. Large fan-outs go
   * out in slices with a turn of the event loop between them, so HTTP requests, upgrades and
   * pongs are not held up. Resolves with how many connections got it.
   */
  async broadcast(message: string, sliceSize = 1_000): Promise<number> {
    const frame = Buffer.from(message);
    let sent = 0;
    let inSlice = 0;
    for (const client of [...this.clients]) {
      if (inSlice >= sliceSize) {
        inSlice = 0;
        await new Promise((resolve) => setImmediate(resolve));
      }
      inSlice++;
      const { ws } = client;
      if (ws.readyState !== WebSocket.OPEN) continue;
      if (ws.bufferedAmount > this.options.maxBufferedBytes) {
        ws.close(CLOSE_SLOW, 'too slow: reconnect and sync');
        ws.terminate();
        continue;
      }
      ws.send(frame, { binary: false });
      sent++;
    }
    return sent;
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

function isPing(data: WebSocket.RawData): boolean {
  const text = Array.isArray(data) ? Buffer.concat(data).toString() : Buffer.from(data as ArrayBuffer).toString();
  if (text.length > 200) return false;
  try {
    return (JSON.parse(text) as { type?: unknown }).type === 'ping';
  } catch {
    return false;
  }
}
