/**
 * The live connection to /v1/stream. It pings every 20 s, which also keeps Chrome's service worker
 * alive (Chrome 116+), and reconnects with exponential backoff and jitter; the sync alarm is the
 * fallback when it cannot connect. Each `sync` message triggers a sync.
 *
 * Close codes: 1012 (the server restarts) reconnects within a second; 4401 (the token was revoked)
 * calls `onRevoked`, so a request tells the controller why (a WebSocket cannot read HTTP statuses);
 * anything else (1006: the connection was cut) backs off exponentially.
 *
 * A WebSocket cannot carry headers: the extension's version travels as the `relay-client` query
 * parameter (the server refuses an older one than it supports before the upgrade, as it answers
 * 426 to requests). Messages are read with the read schemas: types this version does not know are
 * ignored. After each sync the extension reports the cursor it holds; a sync message may then
 * carry the answer for it (`inline`), sparing the request.
 */
import { inlineSyncOf, readStreamMessage, type InlineSync } from '../../lib/schemas/read';

export interface LiveTarget {
  serverUrl: string;
  token: string;
}

export interface LiveOptions {
  target: () => Promise<LiveTarget | null>;
  /** A sync message; `inline`: the answer it carries for the cursor `inline.since`. */
  onSync: (cursor: string, inline?: InlineSync) => void;
  onConnectedChange?: (connected: boolean) => void;
  /** The server closed the stream because the token was revoked (code 4401). */
  onRevoked?: () => void;
  /** The extension's version, sent as the `relay-client` query parameter. */
  clientVersion?: string;
  WebSocketImpl?: typeof WebSocket;
  pingMs?: number;
  random?: () => number;
}

const MAX_BACKOFF_MS = 60_000;
/** The server's close code for a revoked token (server/stream/hub.ts CLOSE_REVOKED). */
export const CLOSE_REVOKED = 4401;

/** The query parameter the extension's version travels in (WebSockets cannot set headers). */
export const CLIENT_PARAM = 'relay-client';

export function streamUrl(serverUrl: string, clientVersion?: string): string {
  const url = serverUrl.replace(/^http/, 'ws') + '/v1/stream';
  return clientVersion ? `${url}?${CLIENT_PARAM}=${encodeURIComponent(clientVersion)}` : url;
}

export class LiveConnection {
  private socket: WebSocket | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;
  private stopped = true;
  private connecting = false;
  /** The sync cursor this connection's server takes the extension to hold (reported, or carried in an answer). */
  private serverKnows: string | undefined;

  constructor(private readonly options: LiveOptions) {}

  get connected(): boolean {
    return this.socket?.readyState === 1;
  }

  /** Connects unless already connected or connecting. */
  async start(): Promise<void> {
    this.stopped = false;
    if (this.socket || this.connecting) return;
    this.connecting = true;
    try {
      const target = await this.options.target();
      if (!target || this.stopped) return;
      const Impl = this.options.WebSocketImpl ?? WebSocket;
      const socket = new Impl(streamUrl(target.serverUrl, this.options.clientVersion), ['relay.v1', target.token]);
      this.socket = socket;
      this.serverKnows = undefined;
      socket.onopen = () => {
        this.failures = 0;
        this.options.onConnectedChange?.(true);
        this.pingTimer = setInterval(() => this.send({ type: 'ping' }), this.options.pingMs ?? 20_000);
      };
      socket.onmessage = (event) => {
        const message = readStreamMessage(String(event.data));
        if (message?.type !== 'sync') return;
        const inline = inlineSyncOf(message);
        // The server takes it that the answer's cursor is held once applied: no need to report it.
        const carried = (inline?.answer as { cursor?: unknown } | undefined)?.cursor;
        if (typeof carried === 'string') this.serverKnows = carried;
        this.options.onSync(message.cursor, inline);
      };
      socket.onclose = (event) => this.closed(socket, event.code);
      socket.onerror = () => socket.close();
    } finally {
      this.connecting = false;
    }
  }

  stop(): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    const socket = this.socket;
    this.cleanup();
    socket?.close(1000, 'signed out');
  }

  /**
   * Tells the server which sync cursor this extension holds (after every sync), so the next change
   * can come with its answer. A server that does not know the message ignores it.
   */
  reportCursor(cursor: string | undefined): void {
    if (!cursor || cursor === this.serverKnows || this.socket?.readyState !== 1) return;
    this.send({ type: 'cursor', cursor });
    this.serverKnows = cursor;
  }

  private send(value: unknown): void {
    if (this.socket?.readyState === 1) this.socket.send(JSON.stringify(value));
  }

  private cleanup(): void {
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.pingTimer = undefined;
    this.socket = undefined;
  }

  private closed(socket: WebSocket, code: number): void {
    if (this.socket !== socket) return;
    const wasOpen = this.pingTimer !== undefined;
    this.cleanup();
    if (wasOpen) this.options.onConnectedChange?.(false);
    if (this.stopped) return;
    // Revoked: a request learns why and ends access (stopping us); if it doesn't, we come back later.
    if (code === CLOSE_REVOKED) this.options.onRevoked?.();
    // 1012: the server is restarting and asked us to reconnect (elsewhere): come back quickly.
    this.failures = code === 1012 ? 0 : this.failures + 1;
    const base = code === 1012 ? 500 : Math.min(MAX_BACKOFF_MS, 1_000 * 2 ** Math.min(this.failures, 6));
    const delay = Math.round(base * (0.5 + (this.options.random ?? Math.random)()));
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.start();
    }, delay);
  }
}
