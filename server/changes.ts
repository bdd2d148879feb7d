/**
 * Change fan-out: every write that changes what advocates see takes a number from the change
 * counter and, once its transaction has committed, calls `changed(seq)`. Subscribers (the live
 * stream) hear about it. In one process (SQLite) this is direct; with PostgreSQL, PgChangeFeed
 * (changes-pg.ts) carries it to every API instance through LISTEN/NOTIFY.
 *
 * Revocations travel the same way: `revoked(advocateId)` once an advocate's token stopped working,
 * so every instance closes that advocate's live streams and forgets what it cached about them.
 */
export type ChangeListener = (seq: number) => void;
/**
 * An advocate id whose token was revoked; null when revocations may have been missed (the feed's
 * connection was lost for a while): check every advocate this instance holds state for.
 */
export type RevocationListener = (advocateId: string | null) => void;

export interface ChangeFeed {
  /** Announce that advocate-visible state changed, up to change number `seq`. */
  changed(seq: number): void;
  subscribe(listener: ChangeListener): () => void;
  /** Announce, after its transaction committed, that this advocate's token no longer works. */
  revoked(advocateId: string): void;
  subscribeRevoked(listener: RevocationListener): () => void;
  close?(): Promise<void>;
}

export class LocalChangeFeed implements ChangeFeed {
  private readonly listeners = new Set<ChangeListener>();
  private readonly revocationListeners = new Set<RevocationListener>();

  changed(seq: number): void {
    this.emit(seq);
  }

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  revoked(advocateId: string): void {
    this.emitRevoked(advocateId);
  }

  subscribeRevoked(listener: RevocationListener): () => void {
    this.revocationListeners.add(listener);
    return () => this.revocationListeners.delete(listener);
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

  protected emitRevoked(advocateId: string | null): void {
    for (const listener of [...this.revocationListeners]) {
      try {
        listener(advocateId);
      } catch (error) {
        console.error('revocation listener failed:', error);
      }
    }
  }
}
