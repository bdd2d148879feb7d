/**
 * Turns changes into `{"type":"sync","cursor":…}` messages for this instance's connections:
 * on every change notification (coalesced), and when a scheduled item comes due or an item
 * expires (one timer for the next such moment, not a poll per client). A notification can arrive
 * before its change is visible here (another instance, another connection): the message waits
 * until this instance's reads see that change number, so a client's sync never comes back empty.
 * A change to posts reaches only the advocates in their audiences, before or after the change
 * (audience-targets.ts). Extensions that said which cursor they hold get their answer in the
 * message (fan-out.ts).
 */
import type { Deps } from '../context';
import { encodeCursor } from '../services/cursor';
import { AudienceTargets, type Targets } from './audience-targets';
import { fanOut } from './fan-out';
import type { StreamHub } from './hub';

const COALESCE_MS = 15;
const VISIBILITY_RETRIES_MS = [10, 25, 50, 100, 200, 400, 800];
/** Re-check the schedule at least this often (and setTimeout cannot wait longer than ~24 days). */
const MAX_TIMER_MS = 60 * 60_000;

export class SyncNotifier {
  private pendingSeq = 0;
  private flushTimer: NodeJS.Timeout | undefined;
  private boundaryTimer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private stopped = false;
  private unsubscribe: (() => void) | undefined;
  /** The cursor of the last message, sent to clients as they connect. */
  latestCursor: string | undefined;
  /** The highest change number already announced: a later notification of it is not repeated. */
  private announcedSeq = 0;
  private readonly targets: AudienceTargets;

  constructor(
    private readonly deps: Deps,
    private readonly hub: StreamHub,
  ) {
    this.targets = new AudienceTargets(deps);
  }

  async start(): Promise<void> {
    this.unsubscribe = this.deps.changes.subscribe((seq) => this.notify(seq));
    const state = await this.readSeq();
    await this.targets.start(state);
    this.latestCursor = encodeCursor({ seq: state, time: this.deps.now() });
    await this.scheduleBoundary();
  }

  stop(): void {
    this.stopped = true;
    this.unsubscribe?.();
    if (this.flushTimer) clearTimeout(this.flushTimer);
    if (this.boundaryTimer) clearTimeout(this.boundaryTimer);
  }

  /** The database is back after an outage: announce what changed meanwhile and re-arm the schedule timer. */
  resume(): void {
    if (this.stopped) return;
    this.flushing = this.flushing
      .then(async () => {
        const seq = await this.readSeq();
        if (seq > this.announcedSeq) await this.send(seq, await this.targets.changedUpTo(seq));
        await this.scheduleBoundary();
      })
      .catch((error: unknown) =>
        console.error('stream: could not catch up after an outage:', (error as Error).message),
      );
  }

  /** A change numbered `seq` was committed somewhere: tell this instance's clients soon. */
  notify(seq: number): void {
    if (this.stopped || seq <= this.announcedSeq) return;
    this.pendingSeq = Math.max(this.pendingSeq, seq);
    if (this.flushTimer) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = undefined;
      const target = this.pendingSeq;
      this.flushing = this.flushing
        .then(() => this.flush(target))
        .catch((error: unknown) => {
          console.error('stream: could not announce a change:', (error as Error).message);
        });
    }, COALESCE_MS);
  }

  private async flush(targetSeq: number): Promise<void> {
    if (targetSeq <= this.announcedSeq) return;
    let seq = await this.readSeq();
    for (const delay of VISIBILITY_RETRIES_MS) {
      if (seq >= targetSeq || this.stopped) break;
      await new Promise((resolve) => setTimeout(resolve, delay));
      seq = await this.readSeq();
    }
    if (this.stopped) return;
    await this.send(seq, await this.targets.changedUpTo(seq));
    // A change can move the next publish or expiry time.
    await this.scheduleBoundary();
  }

  private async send(seq: number, targets: Targets): Promise<void> {
    this.announcedSeq = Math.max(this.announcedSeq, seq);
    this.latestCursor = encodeCursor({ seq, time: this.deps.now() });
    const only = await this.targets.filterFor(targets, this.hub.advocateIds());
    void fanOut(this.deps, this.hub, JSON.stringify({ type: 'sync', cursor: this.latestCursor }), only).catch(
      (error: unknown) => console.error('stream: could not announce a change:', (error as Error).message),
    );
  }

  private async readSeq(): Promise<number> {
    const row = await this.deps.db
      .selectFrom('counters')
      .select('value')
      .where('name', '=', 'seq')
      .executeTakeFirstOrThrow();
    return Number(row.value);
  }

  /** Arms one timer for the next moment an item comes due or expires. */
  private async scheduleBoundary(): Promise<void> {
    if (this.stopped) return;
    const now = this.deps.now();
    const row = await this.deps.db
      .selectFrom('content')
      .select((eb) => [
        eb.fn.min(eb.case().when('publish_at', '>', now).then(eb.ref('publish_at')).end()).as('next_publish'),
        eb.fn.min(eb.case().when('expires_at', '>', now).then(eb.ref('expires_at')).end()).as('next_expiry'),
      ])
      .where('status', '=', 'published')
      .executeTakeFirst();
    const candidates = [row?.next_publish, row?.next_expiry]
      .filter((value) => value !== null && value !== undefined)
      .map(Number);
    if (this.boundaryTimer) clearTimeout(this.boundaryTimer);
    this.boundaryTimer = undefined;
    if (this.stopped) return;
    const next = candidates.length ? Math.min(...candidates) : undefined;
    const wait = next === undefined ? MAX_TIMER_MS : Math.min(MAX_TIMER_MS, Math.max(0, next - now) + 5);
    this.boundaryTimer = setTimeout(() => {
      this.boundaryTimer = undefined;
      const crossed = this.deps.now();
      const due = next !== undefined && crossed >= next;
      this.flushing = this.flushing
        .then(async () => {
          if (due) {
            const seq = await this.readSeq();
            const [changed, crossing] = [
              await this.targets.changedUpTo(seq),
              await this.targets.boundaryCrossed(now, crossed),
            ];
            await this.send(
              seq,
              changed === 'everyone' || crossing === 'everyone' ? 'everyone' : [...changed, ...crossing],
            );
          }
          await this.scheduleBoundary();
        })
        .catch((error: unknown) => console.error('stream: schedule check failed:', (error as Error).message));
    }, wait);
    this.boundaryTimer.unref();
  }
}
