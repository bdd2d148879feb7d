/**
 * One MutationObserver per root (the document, and each container or open shadow root composers
 * open in), batched: the callback only collects added elements and asks for one flush per
 * animation frame (or after a short timeout when the tab gets no frames). Roots that don't hold
 * composers collect nothing, unless a publish is pending (its success toast may appear anywhere).
 * No work per feed post beyond keeping a reference to each added element.
 */
import type { ObservedRoot } from './types';

const FLUSH_TIMEOUT_MS = 200;
const OPTIONS: MutationObserverInit = { childList: true, subtree: true };

interface Watched {
  observer: MutationObserver;
  scan: boolean;
}

export class RootObserver {
  private readonly watched = new Map<Node, Watched>();
  private added: Element[] = [];
  private frame: number | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly onFlush: (added: Element[]) => void,
    /** While true, every root collects added elements (and the parents of added text). */
    private readonly collectEverywhere: () => boolean,
  ) {}

  /** Observes exactly `roots`; returns the ones that were not observed before (to scan them once). */
  sync(roots: readonly ObservedRoot[]): ObservedRoot[] {
    const fresh: ObservedRoot[] = [];
    const keep = new Set<Node>();
    for (const root of roots) {
      keep.add(root.node);
      const known = this.watched.get(root.node);
      if (known) {
        known.scan = root.scan;
        continue;
      }
      const watched: Watched = {
        observer: new MutationObserver((records) => this.collect(watched, records)),
        scan: root.scan,
      };
      watched.observer.observe(root.node, OPTIONS);
      this.watched.set(root.node, watched);
      fresh.push(root);
    }
    for (const [node, watched] of this.watched) {
      if (keep.has(node)) continue;
      watched.observer.disconnect();
      this.watched.delete(node);
    }
    return fresh;
  }

  /**
   * Runs `change` (Relay's own insertion of its UI next to a composer) unseen: the observers stop
   * for it, so it costs no mutation record, no callback and no flush. Records already pending are
   * collected first; nothing the page does is missed, as the page's scripts can't run meanwhile.
   */
  unobserved(change: () => void): void {
    for (const watched of this.watched.values()) {
      const pending = watched.observer.takeRecords();
      if (pending.length > 0) this.collect(watched, pending);
      watched.observer.disconnect();
    }
    try {
      change();
    } finally {
      for (const [node, watched] of this.watched) watched.observer.observe(node, OPTIONS);
    }
  }

  /** Asks for a flush soon even without mutations (e.g. after a click that may open a composer). */
  poke(): void {
    this.schedule();
  }

  disconnect(): void {
    for (const watched of this.watched.values()) watched.observer.disconnect();
    this.watched.clear();
    this.added = [];
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.frame = this.timer = undefined;
  }

  private collect(watched: Watched, records: MutationRecord[]): void {
    const everywhere = this.collectEverywhere();
    if (watched.scan || everywhere) {
      for (const record of records) {
        const nodes = record.addedNodes;
        for (let i = 0; i < nodes.length; i++) {
          const node = nodes[i];
          if (node?.nodeType === 1) this.added.push(node as Element);
          else if (everywhere && node?.nodeType === 3 && record.target.nodeType === 1)
            this.added.push(record.target as Element);
        }
      }
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.timer !== undefined) return;
    this.frame = requestAnimationFrame(this.flush);
    this.timer = setTimeout(this.flush, FLUSH_TIMEOUT_MS);
  }

  private readonly flush = (): void => {
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.frame = this.timer = undefined;
    const added = this.added;
    this.added = [];
    this.onFlush(added);
  };
}
