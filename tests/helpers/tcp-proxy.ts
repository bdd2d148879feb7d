/**
 * A TCP proxy between the server and PostgreSQL that can cut the network the two ways it fails:
 * `refuse` (connections reset, new ones refused: the database restarted or its host is gone) and
 * `blackhole` (packets dropped: connections stay open and silent, new ones never get an answer).
 * Like a real network, a blackhole does not end cleanly: after `restore`, connections that were
 * open during it stay silent for `retransmitMs` more (TCP's retransmission backoff, which reached
 * about a minute in the measurement); only new connections work at once.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';

interface Pair {
  client: Socket;
  upstream: Socket;
  stalled: boolean;
  held: { to: Socket; data: Buffer }[];
  /** One side closed while the network was silent: the other hears it when the network wakes up. */
  closed: boolean;
}

export type ProxyMode = 'pass' | 'refuse' | 'blackhole';

export class TcpProxy {
  private readonly pairs = new Set<Pair>();
  private server: Server;
  private modeNow: ProxyMode = 'pass';
  private readonly timers = new Set<NodeJS.Timeout>();

  private constructor(
    private readonly target: { host: string; port: number },
    readonly port: number,
    server: Server,
    private readonly retransmitMs: number,
  ) {
    this.server = server;
  }

  static async start(target: { host: string; port: number }, retransmitMs = 60_000): Promise<TcpProxy> {
    const holder: { proxy?: TcpProxy } = {};
    const server = createServer((client) => holder.proxy?.accept(client));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    holder.proxy = new TcpProxy(target, port, server, retransmitMs);
    return holder.proxy;
  }

  get mode(): ProxyMode {
    return this.modeNow;
  }

  /** A URL like `url` (its user, database and options) through this proxy. */
  url(url: string): string {
    const parsed = new URL(url);
    parsed.hostname = '127.0.0.1';
    parsed.port = String(this.port);
    return parsed.toString();
  }

  /** Connections reset; new ones refused (nothing listens on the port). */
  refuse(): void {
    this.modeNow = 'refuse';
    this.server.close();
    for (const pair of this.pairs) this.cut(pair);
  }

  /** Nothing gets through either way, and nobody is told. */
  blackhole(): void {
    this.modeNow = 'blackhole';
    for (const pair of this.pairs) pair.stalled = true;
  }

  /** The network is back: new connections work; connections silent during a blackhole wake up `retransmitMs` later. */
  async restore(): Promise<void> {
    const was = this.modeNow;
    this.modeNow = 'pass';
    if (was === 'refuse') {
      this.server = createServer((client) => this.accept(client));
      await new Promise<void>((resolve) => this.server.listen(this.port, '127.0.0.1', resolve));
    }
    for (const pair of this.pairs) {
      if (!pair.stalled) continue;
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        pair.stalled = false;
        for (const { to, data } of pair.held.splice(0)) if (!to.destroyed) to.write(data);
        if (pair.closed) this.cut(pair);
      }, this.retransmitMs);
      this.timers.add(timer);
    }
  }

  /** Open connections through the proxy (those the server has not closed). */
  get connections(): number {
    return this.pairs.size;
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    for (const pair of this.pairs) this.cut(pair);
    await new Promise<void>((resolve) => (this.server.listening ? this.server.close(() => resolve()) : resolve()));
  }

  private accept(client: Socket): void {
    if (this.modeNow === 'refuse') {
      client.resetAndDestroy();
      return;
    }
    const upstream = connect(this.target.port, this.target.host);
    const pair: Pair = { client, upstream, stalled: this.modeNow === 'blackhole', held: [], closed: false };
    this.pairs.add(pair);
    const forward = (to: Socket) => (data: Buffer) => {
      if (pair.stalled) pair.held.push({ to, data });
      else if (!to.destroyed) to.write(data);
    };
    client.on('data', forward(upstream));
    upstream.on('data', forward(client));
    const end = () => {
      // A silent network tells neither side that the other left (until it wakes up).
      if (pair.stalled) pair.closed = true;
      else this.cut(pair);
    };
    for (const socket of [client, upstream]) {
      socket.on('error', () => undefined);
      socket.on('close', end);
    }
  }

  private cut(pair: Pair): void {
    this.pairs.delete(pair);
    for (const socket of [pair.client, pair.upstream]) if (!socket.destroyed) socket.resetAndDestroy();
  }
}
