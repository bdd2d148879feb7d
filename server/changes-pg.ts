/**
 * Change fan-out across API instances sharing one PostgreSQL: `changed(seq)` sends NOTIFY, and
 * every instance (this one included) LISTENs and passes the change number to its subscribers.
 * The listening connection reconnects with backoff; after a reconnect subscribers hear the
 * current change number, since notifications sent meanwhile were lost.
 *
 * Revocations share the channel: their payload is `revoked:<advocate id>` (a change number is
 * digits only, so instances that predate revocations ignore them). After a reconnect revocation
 * subscribers hear null: check every advocate, since a revocation may have been missed.
 */
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { LocalChangeFeed } from './changes';
import { cutConnection } from './db/pg-socket';
import type { Database } from './db/schema';

const BASE_CHANNEL = 'relay_changes';
const REVOKED_PREFIX = 'revoked:';

export class PgChangeFeed extends LocalChangeFeed {
  private listener: pg.Client | undefined;
  private channel = BASE_CHANNEL;
  private closed = false;
  private retryMs = 250;
  private reconnectTimer: NodeJS.Timeout | undefined;
  /** Reconnecting has failed since the last success (logged once). */
  private failing = false;

  constructor(
    private readonly url: string,
    private readonly db: Kysely<Database>,
  ) {
    super();
  }

  async start(): Promise<void> {
    await this.connect();
  }

  override changed(seq: number): void {
    // This instance's clients hear it at once; the others through NOTIFY. Our own copy of the
    // NOTIFY comes back too, and subscribers ignore change numbers they have already handled.
    this.emit(seq);
    sql`select pg_notify(${this.channel}, ${String(seq)})`.execute(this.db).catch((error: unknown) => {
      console.error(
        'stream: NOTIFY failed; other API instances learn of this change at their next one:',
        (error as Error).message,
      );
    });
  }

  override revoked(advocateId: string): void {
    // As with changes: this instance acts at once, the others when the NOTIFY reaches them.
    this.emitRevoked(advocateId);
    sql`select pg_notify(${this.channel}, ${REVOKED_PREFIX + advocateId})`.execute(this.db).catch((error: unknown) => {
      console.error(
        'stream: NOTIFY of a revocation failed; other API instances close its streams at their next reconnect check:',
        (error as Error).message,
      );
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    await this.listener?.end().catch(() => undefined);
  }

  /**
   * The database was seen unreachable: the listening connection may hang silently (a network that
   * drops packets tells nobody), so it is cut and reconnected with backoff.
   */
  interrupt(): void {
    const client = this.listener;
    if (!client) return;
    cutConnection(client);
    this.reconnect(client);
  }

  /** The database is back: reconnect now rather than at the next backoff step. */
  resume(): void {
    if (this.closed || this.listener || !this.reconnectTimer) return;
    clearTimeout(this.reconnectTimer);
    this.retryMs = 250;
    this.reconnectTimer = setTimeout(() => this.retry(), 0);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, connectionTimeoutMillis: 5_000, keepAlive: true });
    client.on('error', () => this.reconnect(client));
    client.on('end', () => this.reconnect(client));
    client.on('notification', (message) => {
      if (message.channel !== this.channel) return;
      const payload = message.payload ?? '';
      if (payload.startsWith(REVOKED_PREFIX)) return this.emitRevoked(payload.slice(REVOKED_PREFIX.length));
      const seq = Number(message.payload);
      if (Number.isFinite(seq)) this.emit(seq);
    });
    await client.connect();
    const { rows } = await client.query<{ schema: string }>('select current_schema() as schema');
    const schema = rows[0]?.schema ?? 'public';
    // Channels are per database: databases shared by several schemas (tests) get one each.
    this.channel = schema === 'public' ? BASE_CHANNEL : `${BASE_CHANNEL}_${schema}`.slice(0, 63);
    await client.query(`listen "${this.channel}"`);
    this.listener = client;
    this.retryMs = 250;
  }

  private reconnect(client: pg.Client): void {
    if (this.closed || this.listener !== client) return;
    this.listener = undefined;
    client.removeAllListeners('end');
    void client.end().catch(() => undefined);
    this.scheduleRetry();
  }

  private retry(): void {
    this.reconnectTimer = undefined;
    this.connect()
      .then(() => this.db.selectFrom('counters').select('value').where('name', '=', 'seq').executeTakeFirstOrThrow())
      .then((row) => {
        if (this.failing) console.error('stream: LISTEN connection back');
        this.failing = false;
        this.emit(Number(row.value));
        // Revocations sent meanwhile were missed too: every stream's advocate is checked again.
        this.emitRevoked(null);
      })
      .catch((error: unknown) => {
        if (!this.failing) console.error('stream: LISTEN connection lost, retrying:', (error as Error).message);
        this.failing = true;
        const failed = this.listener;
        if (failed) this.reconnect(failed);
        else this.scheduleRetry();
      });
  }

  private scheduleRetry(): void {
    if (this.closed || this.reconnectTimer) return;
    this.reconnectTimer = setTimeout(() => this.retry(), this.retryMs);
    this.retryMs = Math.min(this.retryMs * 2, 10_000);
  }
}
