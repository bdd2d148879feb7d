/** Click recording for tracked links: hashed at once, kept in a durable spool, written in batches whenever the database can take them. */
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { DialectName } from '../../db';
import type { DatabaseAvailability } from '../../db/availability';
import type { Database } from '../../db/schema';
import { DurableQueue, type SpoolSettings } from '../spool/queue';
import { SpoolWriter } from '../spool/writer';
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
  private readonly writer: SpoolWriter<SpooledClick>;
  private readonly hasher: VisitorHasher;
  private readonly flushMs: number;
  private readonly batchSize: number;
  private readonly spoolDir: string | null;
  private timer: NodeJS.Timeout | undefined;
  private saltTimer: NodeJS.Timeout | undefined;
  private closed = false;
  private lastRefusal = 0;
  /** Totals since start, for tests, readiness and benchmarks. */
  readonly stats = { recorded: 0, written: 0, counted: 0, dropped: 0 };

  constructor(db: Kysely<Database>, now: () => number, options: ClickRecorderOptions = {}) {
    this.flushMs = options.flushMs ?? 1_000;
    this.batchSize = options.batchSize ?? 1000;
    const dialect = options.dialect ?? 'sqlite';
    const onCounted = options.onCounted ?? (async () => {});
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
    this.writer = new SpoolWriter({
      label: 'clicks',
      queue: this.queue,
      batchSize: this.batchSize,
      availability: options.availability,
      spoolDir: spool.dir,
      write: async (batch) => {
        // A new day's salt being read is stored before its clicks, so salts and clicks agree.
        await this.hasher.settled();
        const outcome = await storeClicks(db, dialect, batch);
        this.stats.written += outcome.written;
        this.stats.counted += outcome.counted;
        if (outcome.advocates.length > 0) {
          // The clicks are stored either way; a failed recomputation is caught up by the next change.
          await onCounted(outcome.advocates).catch((error: unknown) =>
            console.error('recomputing points after clicks failed:', (error as Error).message),
          );
        }
      },
    });
  }

  /** Takes over clicks an earlier run left on disk and reads the day salts; called once before listening. */
  async start(): Promise<void> {
    this.queue.open();
    await this.hasher.prepare().catch((error: unknown) => {
      console.error('clicks: could not read the visitor salts yet:', (error as Error).message);
    });
    // Tomorrow's salt is made well before midnight.
    this.saltTimer = setInterval(() => void this.hasher.prepare().catch(() => undefined), HOUR_MS);
    this.saltTimer.unref();
    if (this.queue.size > 0) this.writer.kick();
  }

  /** Clicks waiting to be written, in memory and on disk. */
  get pending(): number {
    return this.queue.size;
  }

  /** Clicks the database refused for their data, set aside (spool/rejected/clicks.jsonl). */
  get setAside(): number {
    return this.writer.stats.setAside;
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
    if (this.queue.size >= this.batchSize) this.writer.kick();
    else this.armTimer();
  }

  /** Writes every click waiting so far; rejects when the database could not take them. */
  async flush(): Promise<void> {
    await this.writer.run();
    if (this.queue.size > 0 && this.writer.lastError) throw this.writer.lastError;
  }

  /** Writes what it can within `deadlineMs`; what is left stays in the spool for the next start. */
  async close(deadlineMs = 5_000): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.saltTimer) clearInterval(this.saltTimer);
    const left = await this.writer.close(deadlineMs);
    this.queue.close();
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

  private armTimer(): void {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.writer.run().catch(() => undefined);
    }, this.flushMs);
    this.timer.unref();
  }
}
