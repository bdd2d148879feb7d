/**
 * Click recording for tracked links. The redirect never waits for it: a click goes into an
 * in-memory buffer, written in batches (every `flushMs`, or at once when `batchSize` are waiting)
 * and, on graceful shutdown, before the database closes.
 *
 * No raw address is stored: a visitor is an HMAC-SHA256 of address and user agent under a salt
 * made per UTC day. Salts live in the database so every instance hashes alike, and are deleted once
 * no longer needed. A visitor counts once per link per hour: (code, visitor, hour) is the primary
 * key and inserts do nothing on conflict, which deduplicates across instances too. Counted clicks
 * are added to hourly counts per link, and the link owners' points are recomputed.
 */
import { createHmac, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../db';
import type { Database } from '../db/schema';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** Rows per multi-row insert (4 columns). */
const INSERT_ROWS = 1000;

export interface ClickInput {
  code: string;
  advocateId: string;
  /** The client address: hashed at flush time, never written anywhere. */
  ip: string;
  userAgent: string;
  /** Epoch ms. */
  at: number;
}

export interface ClickRecorderOptions {
  flushMs?: number;
  batchSize?: number;
  /** Past this many waiting clicks (the database is down), the oldest are dropped. */
  maxBuffered?: number;
  /** PostgreSQL writes a batch in one statement; elsewhere, multi-row inserts in a transaction. */
  dialect?: DialectName;
  /** Called with the advocates whose clicks were counted in a flush (the score keeper). */
  onCounted?: (advocateIds: string[]) => Promise<void>;
}

export interface FlushOutcome {
  written: number;
  counted: number;
}

export class ClickRecorder {
  private buffer: ClickInput[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private flushing: Promise<void> | undefined;
  private readonly salts = new Map<number, KeyObject>();
  private readonly flushMs: number;
  private readonly batchSize: number;
  private readonly maxBuffered: number;
  private readonly onCounted: (advocateIds: string[]) => Promise<void>;
  private readonly dialect: DialectName;
  private failures = 0;
  private batchScheduled = false;
  private closed = false;
  /** Totals since start, for tests and benchmarks. */
  readonly stats = { recorded: 0, written: 0, counted: 0, dropped: 0 };

  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => number,
    options: ClickRecorderOptions = {},
  ) {
    this.flushMs = options.flushMs ?? 1_000;
    this.batchSize = options.batchSize ?? 1000;
    this.maxBuffered = options.maxBuffered ?? 200_000;
    this.onCounted = options.onCounted ?? (async () => {});
    this.dialect = options.dialect ?? 'sqlite';
  }

  get pending(): number {
    return this.buffer.length;
  }

  /** Buffers a click; returns at once. */
  record(click: ClickInput): void {
    this.buffer.push(click);
    this.stats.recorded++;
    if (this.buffer.length > this.maxBuffered) {
      const excess = this.buffer.length - this.maxBuffered;
      this.buffer.splice(0, excess);
      this.stats.dropped += excess;
      console.error(`click buffer full: dropped the ${excess} oldest clicks`);
    }
    if (this.buffer.length >= this.batchSize) this.scheduleBatch();
    else this.armTimer();
  }

  /** Writes every click buffered so far; rejects if a batch failed. */
  flush(): Promise<void> {
    return this.run(true);
  }

  /** A full batch is waiting: write it soon (a drain already running takes it along). */
  private scheduleBatch(): void {
    if (this.batchScheduled || this.flushing) return;
    this.batchScheduled = true;
    setImmediate(() => {
      this.batchScheduled = false;
      void this.run(false).catch(() => undefined);
    });
  }

  /** What is left below a full batch is written `flushMs` after it came. */
  private armTimer(): void {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.run(true).catch(() => undefined);
    }, this.flushMs);
    this.timer.unref();
  }

  /** One drain at a time: everything waiting (`all`), or full batches only. */
  private async run(all: boolean): Promise<void> {
    while (this.flushing) await this.flushing.catch(() => undefined);
    if (this.buffer.length === 0 || (!all && this.buffer.length < this.batchSize)) {
      if (this.buffer.length > 0) this.armTimer();
      return;
    }
    this.flushing = this.drain(all ? this.buffer.length : 0).finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  /**
   * Writes the `owed` clicks that were waiting when the drain began, and full batches while there
   * are any; a partial batch that came meanwhile waits for the timer, so a busy server writes
   * full batches rather than a stream of small ones.
   */
  private async drain(owed: number): Promise<void> {
    while (this.buffer.length > 0 && (owed > 0 || this.buffer.length >= this.batchSize)) {
      const batch = this.buffer.splice(0, this.batchSize);
      owed -= batch.length;
      try {
        await this.write(batch);
        this.failures = 0;
      } catch (error) {
        this.failures++;
        // Retried with the next flush, unless the same failure keeps coming back (bad data).
        if (this.failures < 3) this.buffer.unshift(...batch);
        else {
          this.stats.dropped += batch.length;
          this.failures = 0;
        }
        console.error(`writing ${batch.length} clicks failed:`, (error as Error).message);
        this.armTimer();
        throw error;
      }
    }
    if (this.buffer.length > 0) this.armTimer();
  }

  /** Stops the timer and writes what is left: called by the server's close, before the database closes. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    for (let attempt = 0; attempt < 3 && (this.buffer.length > 0 || this.flushing); attempt++) {
      await this.flush().catch(() => undefined);
    }
    if (this.buffer.length > 0) {
      console.error(`shutting down with ${this.buffer.length} clicks that could not be written`);
      this.stats.dropped += this.buffer.length;
      this.buffer = [];
    }
  }

  /** The salt of a UTC day: made by whichever instance needs it first, read back by all. */
  private async salt(day: number): Promise<KeyObject> {
    const cached = this.salts.get(day);
    if (cached) return cached;
    const now = this.now();
    await this.db
      .insertInto('click_salts')
      .values({ day, salt: randomBytes(32).toString('base64url'), created_at: now })
      .onConflict((oc) => oc.column('day').doNothing())
      .execute();
    const row = await this.db.selectFrom('click_salts').select('salt').where('day', '=', day).executeTakeFirstOrThrow();
    // Salts older than yesterday hash nothing any more (late flushes may still need yesterday's).
    const oldest = Math.floor(now / DAY_MS) - 1;
    await this.db.deleteFrom('click_salts').where('day', '<', oldest).execute();
    for (const known of this.salts.keys()) if (known < oldest) this.salts.delete(known);
    const key = createSecretKey(Buffer.from(row.salt, 'utf8'));
    if (day >= oldest) this.salts.set(day, key);
    return key;
  }

  private async write(batch: ClickInput[]): Promise<FlushOutcome> {
    const keys = new Map<number, KeyObject>();
    for (const click of batch) {
      const day = Math.floor(click.at / DAY_MS);
      if (!keys.has(day)) keys.set(day, await this.salt(day));
    }
    const rows = new Map<string, ClickRow>();
    const owners = new Map<string, string>();
    for (const click of batch) {
      const visitor = createHmac('sha256', keys.get(Math.floor(click.at / DAY_MS))!)
        .update(click.ip)
        .update('\n')
        .update(click.userAgent)
        .digest('base64url')
        .slice(0, 32);
      const hour = Math.floor(click.at / HOUR_MS);
      const key = `${click.code} ${visitor} ${hour}`;
      if (!rows.has(key)) rows.set(key, { code: click.code, visitor, hour, clicked_at: click.at });
      owners.set(click.code, click.advocateId);
    }
    // Whoever turned click tracking off since (on any instance) gets no clicks recorded.
    const tracking = new Set(
      (
        await this.db
          .selectFrom('advocates')
          .select('id')
          .where('id', 'in', [...new Set(owners.values())])
          .where('click_tracking', '=', 1)
          .execute()
      ).map((row) => row.id),
    );
    const values = [...rows.values()].filter((row) => tracking.has(owners.get(row.code) ?? ''));
    if (values.length === 0) return { written: 0, counted: 0 };

    const counts = this.dialect === 'postgres' ? await this.insertPostgres(values) : await this.insertPortable(values);
    const counted = counts.reduce((sum, row) => sum + row.clicks, 0);
    this.stats.written += values.length;
    this.stats.counted += counted;
    if (counted > 0) {
      // The clicks are stored either way; a failed recomputation is caught up by the next change.
      await this.onCounted([...new Set(counts.map((row) => owners.get(row.code)!))]).catch((error: unknown) =>
        console.error('recomputing points after clicks failed:', (error as Error).message),
      );
    }
    return { written: values.length, counted };
  }

  /**
   * PostgreSQL: one statement, four array parameters. New clicks are inserted, those inserted are
   * counted per link and hour and added to click_counts (in key order, so instances adding to the
   * same hours cannot deadlock), and the counts come back.
   */
  private async insertPostgres(values: ClickRow[]): Promise<ClickCount[]> {
    const { rows } = await sql<ClickCount>`
      with input as (
        select * from unnest(
          ${values.map((row) => row.code)}::varchar[], ${values.map((row) => row.visitor)}::varchar[],
          ${values.map((row) => row.hour)}::integer[], ${values.map((row) => row.clicked_at)}::bigint[]
        ) as t(code, visitor, hour, clicked_at)
      ), inserted as (
        insert into clicks (code, visitor, hour, clicked_at)
        select code, visitor, hour, clicked_at from input
        on conflict do nothing
        returning code, hour
      ), counts as (
        select code, hour, count(*)::integer as clicks from inserted group by code, hour
      ), added as (
        insert into click_counts (code, hour, clicks)
        select code, hour, clicks from counts order by code, hour
        on conflict (code, hour) do update set clicks = click_counts.clicks + excluded.clicks
        returning 1
      )
      select code, hour, clicks from counts`.execute(this.db);
    return rows.map((row) => ({ code: row.code, hour: Number(row.hour), clicks: Number(row.clicks) }));
  }

  /** SQLite (one writer at a time): multi-row inserts in a transaction. */
  private async insertPortable(values: ClickRow[]): Promise<ClickCount[]> {
    return this.db.transaction().execute(async (trx) => {
      const counts = new Map<string, ClickCount>();
      for (let i = 0; i < values.length; i += INSERT_ROWS) {
        const inserted = await trx
          .insertInto('clicks')
          .values(values.slice(i, i + INSERT_ROWS))
          .onConflict((oc) => oc.columns(['code', 'visitor', 'hour']).doNothing())
          .returning(['code', 'hour'])
          .execute();
        for (const row of inserted) {
          const key = `${row.code} ${row.hour}`;
          const entry = counts.get(key);
          if (entry) entry.clicks++;
          else counts.set(key, { code: row.code, hour: Number(row.hour), clicks: 1 });
        }
      }
      const sorted = [...counts.values()].sort((a, b) =>
        a.code < b.code ? -1 : a.code > b.code ? 1 : a.hour - b.hour,
      );
      for (let i = 0; i < sorted.length; i += INSERT_ROWS) {
        await trx
          .insertInto('click_counts')
          .values(sorted.slice(i, i + INSERT_ROWS))
          .onConflict((oc) =>
            oc.columns(['code', 'hour']).doUpdateSet({ clicks: sql<number>`click_counts.clicks + excluded.clicks` }),
          )
          .execute();
      }
      return sorted;
    });
  }
}

interface ClickRow {
  code: string;
  visitor: string;
  hour: number;
  clicked_at: number;
}

interface ClickCount {
  code: string;
  hour: number;
  clicks: number;
}

/** What a tracked link resolves to, cached so a redirect needs no database round trip. */
export interface ResolvedLink {
  location: string;
  advocateId: string;
  clickTracking: boolean;
}

/**
 * A small LRU of resolved links with a time to live. Content changes clear it (the change feed
 * reaches every instance); an advocate's settings change forgets their links here, and every
 * instance re-checks click tracking when it writes clicks.
 */
export class LinkCache {
  private readonly entries = new Map<string, { link: ResolvedLink; expires: number }>();

  constructor(
    private readonly now: () => number,
    private readonly ttlMs = 60_000,
    private readonly maxEntries = 20_000,
  ) {}

  get(code: string): ResolvedLink | undefined {
    const entry = this.entries.get(code);
    if (!entry) return undefined;
    if (entry.expires <= this.now()) {
      this.entries.delete(code);
      return undefined;
    }
    return entry.link;
  }

  set(code: string, link: ResolvedLink): void {
    this.entries.delete(code);
    this.entries.set(code, { link, expires: this.now() + this.ttlMs });
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }

  forgetAdvocate(advocateId: string): void {
    for (const [code, entry] of this.entries) if (entry.link.advocateId === advocateId) this.entries.delete(code);
  }

  clear(): void {
    this.entries.clear();
  }
}
