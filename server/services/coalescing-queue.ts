/**
 * A background queue of keys (advocate ids to rescore): keys added while they wait are merged, one
 * batch runs at a time, a failed batch is logged and retried after a growing pause, and close()
 * gives up within a bound, handing back what it abandoned.
 */
import { settledWithin } from '../deadline';

export interface CoalescingQueueOptions {
  /** Pause after the first failure; doubled after each further one, up to maxRetryMs. */
  retryMs?: number;
  maxRetryMs?: number;
  /** Told of each failure (default: console.error). */
  onError?: (error: unknown, keys: readonly string[], retryInMs: number) => void;
  /**
   * At least this long from the end of one batch to the start of the next (default 0): keys added
   * meanwhile wait and are merged, so a steady stream of keys makes one batch per interval.
   */
  spacingMs?: number;
}

export class CoalescingQueue {
  private readonly pending = new Set<string>();
  private inFlight: readonly string[] = [];
  private draining: Promise<void> | undefined;
  private stopped = false;
  private closing = false;
  private failures = 0;
  private wake: (() => void) | undefined;
  private endSpacing: (() => void) | undefined;
  private readonly retryMs: number;
  private readonly maxRetryMs: number;
  private readonly spacingMs: number;
  /** When the last batch ended (performance.now()), for the spacing. */
  private lastEnded = Number.NEGATIVE_INFINITY;
  private readonly onError: NonNullable<CoalescingQueueOptions['onError']>;

  constructor(
    private readonly work: (keys: string[]) => Promise<void>,
    options: CoalescingQueueOptions = {},
  ) {
    this.retryMs = options.retryMs ?? 1_000;
    this.maxRetryMs = options.maxRetryMs ?? 30_000;
    this.spacingMs = options.spacingMs ?? 0;
    this.onError =
      options.onError ??
      ((error, keys, retryInMs) =>
        console.error(
          `background work on ${keys.length} item(s) failed, retrying in ${retryInMs} ms:`,
          (error as Error)?.message ?? error,
        ));
  }

  /** Keys waiting or being worked on. */
  get size(): number {
    return this.pending.size + this.inFlight.length;
  }

  /** Queues keys; returns at once. Ignored once the queue is closed. */
  add(keys: Iterable<string>): void {
    if (this.stopped) return;
    for (const key of keys) this.pending.add(key);
    if (this.pending.size > 0 && !this.draining) this.draining = this.drain();
  }

  private async drain(): Promise<void> {
    try {
      while (this.pending.size > 0 && !this.stopped) {
        const wait = this.lastEnded + this.spacingMs - performance.now();
        // Closing runs what waits at once.
        if (wait > 0 && !this.closing) {
          const paused = this.pause(wait);
          this.endSpacing = this.wake;
          await paused;
          this.endSpacing = undefined;
          if (this.stopped) break;
        }
        const batch = [...this.pending];
        this.pending.clear();
        this.inFlight = batch;
        try {
          await this.work(batch);
          this.failures = 0;
        } catch (error) {
          // Put back what failed, unless the same keys were queued again meanwhile (a Set merges them).
          for (const key of batch) this.pending.add(key);
          this.failures++;
          const pause = Math.min(this.maxRetryMs, this.retryMs * 2 ** (this.failures - 1));
          this.onError(error, batch, pause);
          await this.pause(pause);
        } finally {
          this.inFlight = [];
          this.lastEnded = performance.now();
        }
      }
    } finally {
      this.draining = undefined;
    }
  }

  /** A pause close() can cut short. */
  private pause(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      timer.unref();
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    }).finally(() => {
      this.wake = undefined;
    });
  }

  /** Settles once nothing is waiting or running (retries included). */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  /**
   * Lets the queue empty for at most `timeoutMs`, then stops it: nothing more is started, and the
   * keys still waiting, or in a batch that has not finished, are returned as abandoned.
   */
  async close(timeoutMs: number): Promise<string[]> {
    // What waits for the spacing runs now (a retry pause is left to run out).
    this.closing = true;
    this.endSpacing?.();
    const timedOut = !(await settledWithin(timeoutMs, this.idle()));
    this.stopped = true;
    this.wake?.();
    if (!timedOut) return [];
    const abandoned = [...new Set([...this.inFlight, ...this.pending])];
    this.pending.clear();
    return abandoned;
  }
}
