/**
 * Change fan-out: every write that changes what advocates see takes a number from the change
 * counter and, once its transaction has committed, calls `changed(seq)`. Subscribers (the live
 * stream) hear about it. In one process (SQLite) this is direct; with PostgreSQL, PgChangeFeed
 * (changes-pg.ts) carries it to every API instance through LISTEN/NOTIFY.
 */
export type ChangeListener = (seq: number) => void;

export interface ChangeFeed {
  /** Announce that advocate-visible state changed, up to change number `seq`. */
  changed(seq: number): void;
  subscribe(listener: ChangeListener): () => void;
  close?(): Promise<void>;
}

export class LocalChangeFeed implements ChangeFeed {
  private readonly listeners = new Set<ChangeListener>();

  changed(seq: number): void {
    this.emit(seq);
  }

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  protected emit(seq: number): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(seq);
      } catch (error) {
        console.error('change listener failed:', error);
      }
    }
  }
}
