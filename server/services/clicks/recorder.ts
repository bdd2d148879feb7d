/** Click recording for tracked links: hashed at once, kept in a durable spool, written in batches whenever the database can take them. */
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { DialectName } from '../../db';
import type { DatabaseAvailability } from '../../db/availability';
import { DatabaseUnavailableError, failureKind, isDataError } from '../../db/failures';
import type { Database } from '../../db/schema';
import { Coalescer } from '../coalesce';
import { DurableQueue } from '../spool/queue';
import { storeClicks, type SpooledClick } from './store';
import { VisitorHasher } from './visitors';

const HOUR_MS = 3_600_000;

export interface ClickInput {
  code: string;
  advocateId: string;
  /** The client address: hashed at once, never written anywhere. */
  ip: string;
  userAgent: string;
  /** Epoch ms. */
  at: number;
}

export interface SpoolSettings {
  /** Where waiting clicks are written (a `clicks` folder is made in it); null keeps them in memory only. */
  dir: string | null;
  /** Clicks kept in memory at most; later ones wait on disk only. */
  memoryItems: number;
  /** Bytes on disk at most; past both caps, clicks are not counted (and the count is logged). */
  maxBytes: number;
  /** How often new clicks reach the disk: what a SIGKILL can lose. */
  syncMs?: number;
}

export interface ClickRecorderOptions {
  flushMs?: number;
  batchSize?: number;
  /** PostgreSQL writes a batch in one statement; elsewhere, multi-row inserts in a transaction. */
  dialect?: DialectName;
  /** Called with the advocates whose clicks were counted in a flush (the score keeper). */
  onCounted?: (advocateIds: string[]) => Promise<void>;
  /** Writes wait while the database is unreachable and start again as soon as it is back. */
  availability?: DatabaseAvailability;
  spool?: SpoolSettings;
}

export class ClickRecorder {
  private readonly queue: DurableQueue<SpooledClick>;
  private readonly hasher: VisitorHasher;
  private readonly flushMs: number;
  private readonly batchSize: number;
  private readonly dialect: DialectName;
  private readonly onCounted: (advocateIds: string[]) => Promise<void>;
  private timer: NodeJS.Timeout | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private saltTimer: NodeJS.Timeout | undefined;
  private failures = 0;
  private closed = false;
  private lastRefusal = 0;
  private readonly unsubscribe: () => void;
  /** Totals since start, for tests, readiness and benchmarks. */
  readonly stats = { recorded: 0, written: 0, counted: 0, dropped: 0, setAside: 0 };

  constructor(
    private readonly db: Kysely<Database>,
    now: () => number,
    options: ClickRecorderOptions = {},
  ) {
    this.flushMs = options.flushMs ?? 1_000;
    this.batchSize = options.batchSize ?? 1000;
    this.dialect = options.dialect ?? 'sqlite';
    this.onCounted = options.onCounted ?? (async () => {});
    const spool = options.spool ?? { dir: null, memoryItems: 200_000, maxBytes: 0 };
    this.spoolDir = spool.dir;
    this.queue = new DurableQueue<SpooledClick>({
      label: 'clicks',
      dir: spool.dir === null ? null : join(spool.dir, 'clicks'),
      memoryItems: spool.memoryItems,
      maxBytes: spool.maxBytes,
      syncMs: spool.syncMs,
    });
    this.hasher = new VisitorHasher(db, now);
    this.availability = options.availability;
    this.unsubscribe =
      options.availability?.onChange((state) => {
        if (state.reachable && state.writable) this.kick();
      }) ?? (() => {});
  }

  private readonly spoolDir: string | null;
  private readonly availability: DatabaseAvailability | undefined;

  /** Takes over clicks an earlier run left on disk and reads the day salts; called once before listening. */
  async start(): Promise<void> {
    this.queue.open();
    await this.hasher.prepare().catch((error: unknown) => {
      console.error('clicks: could not read the visitor salts yet:', (error as Error).message);
    });
    // Tomorrow's salt is made well before midnight.
    this.saltTimer = setInterval(() => void this.hasher.prepare().catch(() => undefined), HOUR_MS);
    this.saltTimer.unref();
    if (this.queue.size > 0) this.kick();
  }

  /** Clicks waiting to be written, in memory and on disk. */
  get pending(): number {
    return this.queue.size;
  }

  /** Hashes and queues a click; returns at once. */
  record(click: ClickInput): void {
    this.stats.recorded++;
    const spooled: SpooledClick = {
      c: click.code,
      a: click.advocateId,
      v: this.hasher.visitor(click.ip, click.userAgent, click.at),
      h: Math.floor(click.at / HOUR_MS),
      t: click.at,
    };
    if (this.queue.push(spooled) === 'refused') {
      this.stats.dropped++;
      if (Date.now() - this.lastRefusal > 60_000) {
        this.lastRefusal = Date.now();
        console.error(
          `clicks: the spool is full (memory and disk caps reached); ${this.stats.dropped} clicks not counted so far`,
        );
      }
      return;
    }
    if (this.queue.size >= this.batchSize) this.kick();
    else this.armTimer();
  }

  /** Writes every click waiting so far; rejects when the database could not take them. */
  async flush(): Promise<void> {
    await this.run();
    if (this.queue.size > 0 && this.lastError) throw this.lastError;
  }

  private lastError: Error | undefined;

  /** Writes what it can within `deadlineMs`; what is left stays in the spool for the next start. */
  async close(deadlineMs = 5_000): Promise<void> {
    this.closed = true;
    this.unsubscribe();
    for (const timer of [this.timer, this.retryTimer]) if (timer) clearTimeout(timer);
    if (this.saltTimer) clearInterval(this.saltTimer);
    const deadline = new Promise((resolve) => setTimeout(resolve, deadlineMs).unref());
    await Promise.race([this.run(true).catch(() => undefined), deadline]);
    this.queue.close();
    const left = this.queue.size;
    if (left === 0) return;
    if (this.spoolDir === null) {
      this.stats.dropped += left;
      console.error(`clicks: shutting down with ${left} clicks that could not be written (no spool folder)`);
    } else {
      console.error(
        `clicks: ${left} clicks could not be written; they are kept in ${this.spoolDir} for the next start`,
      );
    }
  }

  private kick(): void {
    if (this.closed) return;
    setImmediate(() => void this.run().catch(() => undefined));
  }

  private armTimer(): void {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.run().catch(() => undefined);
    }, this.flushMs);
    this.timer.unref();
  }

  /** One writer at a time; a call while one runs is taken along by it (it writes until nothing is left). */
  private run(closing = false): Promise<void> {
    this.closing ||= closing;
    return this.writer.run();
  }

  private closing = false;
  private readonly writer = new Coalescer(
    () => this.drain(this.closing),
    () => this.lastError === undefined,
  );

  private async drain(closing: boolean): Promise<void> {
    while (!this.closed || closing) {
      const batch = this.queue.peek(this.batchSize);
      if (batch.length === 0) return;
      if (this.availability && !this.availability.reachable) {
        // Waits for the database to come back (its availability tells us), without trying in vain.
        this.lastError = new DatabaseUnavailableError();
        return;
      }
      try {
        await this.write(batch);
        this.queue.ack(batch.length);
        this.failures = 0;
        this.lastError = undefined;
      } catch (error) {
        let failure = error;
        if (isDataError(error)) {
          // Not the database being away: something in this batch is bad. Find it and set it aside.
          try {
            await this.isolate(batch);
            continue;
          } catch (isolating) {
            failure = isolating;
          }
        }
        if (!failureKind(failure))
          console.error('clicks: writing a batch failed, retrying:', (failure as Error).message);
        this.lastError = failure as Error;
        this.retryLater();
        return;
      }
    }
  }

  private async write(batch: SpooledClick[]): Promise<void> {
    // A new day's salt being read is stored before its clicks, so salts and clicks agree.
    await this.hasher.settled();
    const outcome = await storeClicks(this.db, this.dialect, batch);
    this.stats.written += outcome.written;
    this.stats.counted += outcome.counted;
    if (outcome.advocates.length > 0) {
      // The clicks are stored either way; a failed recomputation is caught up by the next change.
      await this.onCounted(outcome.advocates).catch((error: unknown) =>
        console.error('recomputing points after clicks failed:', (error as Error).message),
      );
    }
  }

  /** Writes halves of a batch that failed for bad data until the bad clicks are alone; those are set aside. */
  private async isolate(batch: SpooledClick[]): Promise<void> {
    if (batch.length === 1) {
      try {
        await this.write(batch);
      } catch (error) {
        if (!isDataError(error)) throw error;
        this.setAside(batch[0]!, error as Error);
      }
      this.queue.ack(1);
      return;
    }
    const half = Math.ceil(batch.length / 2);
    for (const part of [batch.slice(0, half), batch.slice(half)]) {
      try {
        await this.write(part);
        this.queue.ack(part.length);
      } catch (error) {
        if (!isDataError(error)) throw error;
        await this.isolate(part);
      }
    }
  }

  private setAside(click: SpooledClick, error: Error): void {
    this.stats.setAside++;
    const line = JSON.stringify({ click, error: error.message, at: new Date().toISOString() });
    console.error(`clicks: set aside a click the database refuses (${error.message}): ${line}`);
    if (this.spoolDir === null) return;
    try {
      mkdirSync(join(this.spoolDir, 'rejected'), { recursive: true, mode: 0o700 });
      appendFileSync(join(this.spoolDir, 'rejected', 'clicks.jsonl'), line + '\n', { mode: 0o600 });
    } catch (writeError) {
      console.error(`clicks: could not keep the set-aside click on disk: ${(writeError as Error).message}`);
    }
  }

  /** After a failed write: again soon, backing off to 5 s, or at once when the database is back. */
  private retryLater(): void {
    if (this.closed || this.retryTimer) return;
    this.failures++;
    const delay = Math.min(5_000, 250 * 2 ** Math.min(this.failures, 5));
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.run().catch(() => undefined);
    }, delay);
    this.retryTimer.unref();
  }
}
