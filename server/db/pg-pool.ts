/** A PostgreSQL pool that fails fast while the database is unreachable and drops connections that broke. */
import pg from 'pg';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import { settledWithin } from '../deadline';
import type { DatabaseAvailability } from './availability';
import { DatabaseUnavailableError } from './failures';
import { PgMonitor } from './pg-monitor';
import { statementName } from './pg-named';
import { cutConnection } from './pg-socket';

export interface PgTimeouts {
  /** Opening a connection (TCP and start-up) may take this long. */
  connectMs: number;
  /** A statement may run this long on the server (statement_timeout); the client waits a little longer. */
  statementMs: number;
}

export const DEFAULT_PG_TIMEOUTS: PgTimeouts = { connectMs: 5_000, statementMs: 30_000 };

/** A checked-out client that remembers whether its connection broke, so it is destroyed, not reused. */
class GuardedClient implements PostgresPoolClient {
  private broken = false;

  constructor(
    private readonly inner: pg.PoolClient,
    private readonly availability: DatabaseAvailability,
  ) {}

  query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
  query(cursor: never): never;
  query<R>(sqlOrCursor: string | never, parameters?: ReadonlyArray<unknown>): unknown {
    if (typeof sqlOrCursor !== 'string') return this.inner.query(sqlOrCursor);
    if (this.broken) return Promise.reject(new DatabaseUnavailableError('the connection broke'));
    const name = statementName(sqlOrCursor);
    const values = parameters as unknown[];
    const running = name
      ? this.inner.query({ name, text: sqlOrCursor, values })
      : this.inner.query(sqlOrCursor, values);
    return running.then(
      (result) => result as unknown as PostgresQueryResult<R>,
      (error: unknown) => {
        // A timed-out or cut connection may still hold its query: it must never serve another.
        if (this.availability.report(error) === 'unreachable') this.broken = true;
        throw error;
      },
    );
  }

  release(): void {
    const broken = this.broken;
    this.broken = false;
    this.inner.release(broken ? new Error('connection broke') : undefined);
  }
}

export class GuardedPgPool implements PostgresPool {
  readonly raw: pg.Pool;
  private readonly clients = new Set<pg.PoolClient>();
  private readonly wrappers = new WeakMap<pg.PoolClient, GuardedClient>();
  private readonly monitor: PgMonitor;
  private ended = false;

  constructor(
    url: string,
    private readonly availability: DatabaseAvailability,
    options: { max: number; timeouts: PgTimeouts },
  ) {
    const { connectMs, statementMs } = options.timeouts;
    this.raw = new pg.Pool({
      connectionString: url,
      max: options.max,
      connectionTimeoutMillis: connectMs,
      statement_timeout: statementMs,
      // The client's own deadline, for a server that stopped answering altogether.
      query_timeout: statementMs + 5_000,
      // A transaction whose client vanished (a network cut) holds its locks no longer than this.
      idle_in_transaction_session_timeout: 10_000,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      idleTimeoutMillis: 30_000,
    });
    this.raw.on('connect', (client) => {
      this.clients.add(client);
      // A checked-out client whose connection is cut between queries reports it as an 'error'
      // event: without a listener that would end the process. Its next query fails instead.
      client.on('error', (error) => {
        if (!this.ended) availability.report(error);
      });
    });
    this.raw.on('remove', (client) => this.clients.delete(client));
    // An idle client that loses its connection must not crash the process.
    this.raw.on('error', (error) => {
      if (!this.ended) availability.report(error);
    });
    this.monitor = new PgMonitor(url, availability, { timeoutMs: Math.min(connectMs, 2_500) });
    // Seen unreachable: cut every connection, so queries waiting on a silent network fail now.
    availability.onChange((state) => {
      if (!state.reachable) this.destroyAll();
    });
    this.monitor.start();
  }

  async connect(): Promise<PostgresPoolClient> {
    if (!this.availability.reachable) throw new DatabaseUnavailableError();
    let client: pg.PoolClient;
    try {
      client = await this.raw.connect();
    } catch (error) {
      this.availability.report(error);
      throw error;
    }
    let wrapper = this.wrappers.get(client);
    if (!wrapper) {
      wrapper = new GuardedClient(client, this.availability);
      this.wrappers.set(client, wrapper);
    }
    return wrapper;
  }

  /** Cuts every connection of the pool: their queries fail at once and the pool opens new ones later. */
  destroyAll(): void {
    for (const client of this.clients) cutConnection(client);
  }

  /** Closes the pool, cutting connections still busy after `deadlineMs`. */
  async end(deadlineMs = 5_000): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    this.monitor.stop();
    const ending = this.raw.end();
    if (await settledWithin(deadlineMs, ending)) return ending;
    this.destroyAll();
    if (await settledWithin(1_000, ending)) await ending;
  }
}
