/** Watches PostgreSQL on a connection of its own: `select 1` every second, every half second while it is down. */
import pg from 'pg';
import type { DatabaseAvailability } from './availability';
import { cutConnection } from './pg-socket';

export interface MonitorOptions {
  /** How long a probe may take before the database counts as unreachable. */
  timeoutMs: number;
  /** Between probes while the database answers. */
  upIntervalMs?: number;
  /** Between probes while it does not. */
  downIntervalMs?: number;
}

/** A probe's timer that fired this much later than asked means the event loop was stalled, not the database. */
const STALL_MS = 500;

export class PgMonitor {
  private client: ProbeClient | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = true;

  constructor(
    private readonly url: string,
    private readonly availability: DatabaseAvailability,
    private readonly options: MonitorOptions,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.drop();
  }

  private schedule(): void {
    if (this.stopped) return;
    const wait = this.availability.reachable
      ? (this.options.upIntervalMs ?? 1_000)
      : (this.options.downIntervalMs ?? 500);
    this.timer = setTimeout(() => void this.probe(), wait);
    this.timer.unref();
  }

  private async probe(): Promise<void> {
    const outcome = await this.attempt();
    if (this.stopped) return;
    if (outcome === true) this.availability.markReachable();
    else if (outcome !== 'stalled') this.availability.markUnreachable(outcome.message);
    this.schedule();
  }

  /** true, the failure, or 'stalled' when the process itself was too busy to tell. */
  private attempt(): Promise<true | Error | 'stalled'> {
    const { timeoutMs } = this.options;
    const client = (this.client ??= this.connect());
    return new Promise((resolve) => {
      const asked = performance.now();
      const timer = setTimeout(() => {
        const late = performance.now() - asked - timeoutMs;
        this.drop(client);
        resolve(late > STALL_MS ? 'stalled' : new Error(`no answer to a probe within ${timeoutMs} ms`));
      }, timeoutMs);
      client.ready
        .then(() => client.pg.query('select 1'))
        .then(
          () => {
            clearTimeout(timer);
            resolve(true);
          },
          (error: unknown) => {
            clearTimeout(timer);
            this.drop(client);
            resolve(error instanceof Error ? error : new Error(String(error)));
          },
        );
    });
  }

  private connect(): ProbeClient {
    const client = new pg.Client({
      connectionString: this.url,
      connectionTimeoutMillis: this.options.timeoutMs,
      keepAlive: true,
      application_name: 'relay-monitor',
    });
    const probe: ProbeClient = { pg: client, ready: client.connect().then(() => undefined) };
    probe.ready.catch(() => undefined);
    client.on('error', () => this.drop(probe));
    return probe;
  }

  /** Forgets a probe connection, cutting its socket (a silent network would hold end() forever). */
  private drop(client: ProbeClient | undefined = this.client): void {
    if (!client) return;
    if (this.client === client) this.client = undefined;
    cutConnection(client.pg);
    void client.pg.end().catch(() => undefined);
  }
}

interface ProbeClient {
  pg: pg.Client;
  ready: Promise<void>;
}
