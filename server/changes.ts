/**
 * Change fan-out: every write that changes what advocates see bumps the change counter and calls
 * `changed()` after its transaction commits; subscribers (the live stream) hear about it.
 * In one process this is direct; across API instances on PostgreSQL a relay (LISTEN/NOTIFY)
 * plugs in through `attach`.
 */
export type ChangeListener = () => void;

export interface ChangeFeed {
  /** Announce that advocate-visible state changed. */
  changed(): void;
  subscribe(listener: ChangeListener): () => void;
}

export class LocalChangeFeed implements ChangeFeed {
  private readonly listeners = new Set<ChangeListener>();

  changed(): void {
    for (const listener of [...this.listeners]) {
      try {
        listener();
      } catch (error) {
        console.error('change listener failed:', error);
      }
    }
  }

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
