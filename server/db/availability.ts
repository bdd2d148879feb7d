/** Whether the database can be reached and written, as the server last saw it; requests and readiness read it. */
import { failureKind, type FailureKind } from './failures';

export interface AvailabilityState {
  /** False while connections fail, time out or are cut. */
  reachable: boolean;
  /** False while writes fail for want of storage (a full disk, an I/O error, a read-only file). */
  writable: boolean;
}

type Listener = (state: AvailabilityState) => void;

/** Seconds a client is asked to wait (Retry-After) in each situation. */
export const RETRY_AFTER = { unreachable: 5, storage: 10, busy: 1 } as const;

export class DatabaseAvailability {
  private unreachableSince: number | null = null;
  private writesFailingSince: number | null = null;
  private readonly listeners = new Set<Listener>();

  /**
   * `room`, when given, says whether the database's disk has room to write (SQLite: free space on
   * its filesystem): with too little, writes count as failing even if a small one went through.
   */
  constructor(
    private readonly label: string,
    private readonly now: () => number = Date.now,
    private readonly room?: () => boolean,
  ) {}

  get reachable(): boolean {
    return this.unreachableSince === null;
  }

  get writable(): boolean {
    return this.writesFailingSince === null;
  }

  /** Checks the disk's room now (when that can be known); too little marks writes as failing. */
  checkRoom(): boolean {
    if (!this.room || this.room()) return true;
    this.markWritesFailing('too little free disk space');
    return false;
  }

  get state(): AvailabilityState {
    return { reachable: this.reachable, writable: this.writable };
  }

  /** Classifies a failed query and records what it says about the database. Returns its kind. */
  report(error: unknown): FailureKind | null {
    const kind = failureKind(error);
    if (kind === 'unreachable') this.markUnreachable((error as Error).message);
    else if (kind === 'storage') this.markWritesFailing((error as Error).message);
    return kind;
  }

  markUnreachable(reason: string): void {
    if (this.unreachableSince !== null) return;
    this.unreachableSince = this.now();
    console.error(`${this.label}: unreachable (${reason}); answering 503 until it is back`);
    this.emit();
  }

  markReachable(): void {
    if (this.unreachableSince === null) return;
    const seconds = ((this.now() - this.unreachableSince) / 1000).toFixed(1);
    this.unreachableSince = null;
    console.error(`${this.label}: reachable again after ${seconds} s`);
    this.emit();
  }

  markWritesFailing(reason: string): void {
    if (this.writesFailingSince !== null) return;
    this.writesFailingSince = this.now();
    console.error(`${this.label}: writes failing (${reason}); answering 503 to writes until one succeeds`);
    this.emit();
  }

  /** A write went through: storage is fine again. */
  writeSucceeded(): void {
    if (this.writesFailingSince === null) return;
    // A small write can fit where nothing else will: only room on the disk clears the failure.
    if (this.room && !this.room()) return;
    const seconds = ((this.now() - this.writesFailingSince) / 1000).toFixed(1);
    this.writesFailingSince = null;
    console.error(`${this.label}: writes succeed again after ${seconds} s`);
    this.emit();
  }

  /** Called on every change of `reachable` or `writable`; returns the unsubscribe function. */
  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    const state = this.state;
    for (const listener of [...this.listeners]) {
      try {
        listener(state);
      } catch (error) {
        console.error('database availability listener failed:', error);
      }
    }
  }
}
