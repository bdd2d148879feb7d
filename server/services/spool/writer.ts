/** Drains a durable queue into the database: one writer at a time, waiting out outages, setting aside only rows the database refuses for their data. */
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DatabaseAvailability } from '../../db/availability';
import { DatabaseUnavailableError, failureKind, isDataError } from '../../db/failures';
import { settledWithin } from '../../deadline';
import { Coalescer } from '../coalesce';
import type { DurableQueue } from './queue';

export interface SpoolWriterOptions<T> {
  /** What the items are, for log lines and the set-aside file's name ("clicks"). */
  label: string;
  queue: DurableQueue<T>;
  batchSize: number;
  /** Writes a batch to the database; throws as the database does. */
  write(batch: T[]): Promise<void>;
  /** Writes wait while the database is unreachable and start again the moment it is back. */
  availability?: DatabaseAvailability;
  /** Where rows the database refuses for their data are kept (`rejected/<label>.jsonl`); null: logged only. */
  spoolDir: string | null;
}

export class SpoolWriter<T> {
  private retryTimer: NodeJS.Timeout | undefined;
  private failures = 0;
  private closing = false;
  private closed = false;
  private readonly unsubscribe: () => void;
  private readonly coalescer = new Coalescer(
    () => this.drain(),
    () => this.lastError === undefined,
  );
  /** Why the last attempt stopped; undefined after a write went through. */
  lastError: Error | undefined;
  readonly stats = { setAside: 0 };

  constructor(private readonly options: SpoolWriterOptions<T>) {
    this.unsubscribe =
      options.availability?.onChange((state) => {
        if (state.reachable && state.writable) this.kick();
      }) ?? (() => {});
  }

  /** Writes soon (on the next turn of the event loop). */
  kick(): void {
    if (this.closed) return;
    setImmediate(() => void this.run().catch(() => undefined));
  }

  /** Writes until nothing is left, or until the database fails; a call while it runs is taken along. */
  run(): Promise<void> {
    return this.coalescer.run();
  }

  /** Writes what it can within `deadlineMs`, then stops; returns how many items are left. */
  async close(deadlineMs: number): Promise<number> {
    this.closing = true;
    this.unsubscribe();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    await settledWithin(deadlineMs, this.run());
    this.closed = true;
    return this.options.queue.size;
  }

  private async drain(): Promise<void> {
    const { queue, availability } = this.options;
    while (!this.closed) {
      const batch = queue.peek(this.options.batchSize);
      if (batch.length === 0) return;
      if (availability && !availability.reachable) {
        // Waits for the database to come back (its availability tells us), without trying in vain.
        this.lastError = new DatabaseUnavailableError();
        return;
      }
      try {
        await this.options.write(batch);
        queue.ack(batch.length);
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
        if (!failureKind(failure)) {
          console.error(`${this.options.label}: writing a batch failed, retrying:`, (failure as Error).message);
        }
        this.lastError = failure as Error;
        this.retryLater();
        return;
      }
    }
  }

  /** Writes halves of a batch that failed for bad data until the bad items are alone; those are set aside. */
  private async isolate(batch: T[]): Promise<void> {
    if (batch.length === 1) {
      try {
        await this.options.write(batch);
      } catch (error) {
        if (!isDataError(error)) throw error;
        this.setAside(batch[0]!, error as Error);
      }
      this.options.queue.ack(1);
      return;
    }
    const half = Math.ceil(batch.length / 2);
    for (const part of [batch.slice(0, half), batch.slice(half)]) {
      try {
        await this.options.write(part);
        this.options.queue.ack(part.length);
      } catch (error) {
        if (!isDataError(error)) throw error;
        await this.isolate(part);
      }
    }
  }

  private setAside(item: T, error: Error): void {
    this.stats.setAside++;
    const { label, spoolDir } = this.options;
    const line = JSON.stringify({ item, error: error.message, at: new Date().toISOString() });
    console.error(`${label}: set aside an item the database refuses (${error.message}): ${line}`);
    if (spoolDir === null) return;
    try {
      mkdirSync(join(spoolDir, 'rejected'), { recursive: true, mode: 0o700 });
      appendFileSync(join(spoolDir, 'rejected', `${label}.jsonl`), line + '\n', { mode: 0o600 });
    } catch (writeError) {
      console.error(`${label}: could not keep the set-aside item on disk: ${(writeError as Error).message}`);
    }
  }

  /** After a failed write: again soon, backing off to 5 s, or at once when the database is back. */
  private retryLater(): void {
    if (this.closing || this.retryTimer) return;
    this.failures++;
    const delay = Math.min(5_000, 250 * 2 ** Math.min(this.failures, 5));
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.run().catch(() => undefined);
    }, delay);
    this.retryTimer.unref();
  }
}
