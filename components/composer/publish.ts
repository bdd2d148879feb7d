/**
 * Publish detection. A Post click (or Ctrl/Cmd+Enter) in a composer holding Relay content arms a
 * pending publish with a snapshot taken at that moment (which posts, personalised or not); the
 * site's success signal (its toast), the composer closing, or an inline composer clearing
 * confirms it, and it is confirmed exactly once. Without a signal it lapses: the post failed or
 * was abandoned.
 */

import { countHealth } from './health';
import type { PublishSnapshot, PublishTracking } from './types';

export type { PublishSnapshot };
export type ConfirmReason = 'toast' | 'closed' | 'cleared' | 'pagehide';

interface Pending {
  snapshot: PublishSnapshot;
  armedAt: number;
  timer: ReturnType<typeof setTimeout>;
}

const LAPSE_MS = 30_000;

export class PublishTracker<K extends object> implements PublishTracking<K> {
  private readonly pending = new Map<K, Pending>();

  constructor(
    private readonly onConfirmed: (key: K, snapshot: PublishSnapshot, reason: ConfirmReason) => void,
    private readonly lapseMs = LAPSE_MS,
  ) {}

  /** True while some publish waits for its signal (observers then watch for toasts everywhere). */
  get active(): boolean {
    return this.pending.size > 0;
  }

  isPending(key: K): boolean {
    return this.pending.has(key);
  }

  /** A publish started; a second click while one is pending replaces it (the text may have changed). */
  arm(key: K, snapshot: PublishSnapshot): void {
    this.drop(key);
    const timer = setTimeout(() => (this.drop(key), countHealth('publishesUnconfirmed')), this.lapseMs);
    this.pending.set(key, { snapshot, armedAt: Date.now(), timer });
  }

  drop(key: K): void {
    const entry = this.pending.get(key);
    if (!entry) return;
    clearTimeout(entry.timer);
    this.pending.delete(key);
  }

  /** Confirms `key`'s pending publish, if any: the only way a snapshot reaches `onConfirmed`. */
  confirm(key: K, reason: ConfirmReason): void {
    const entry = this.pending.get(key);
    if (!entry) return;
    this.drop(key);
    countHealth('publishesConfirmed');
    this.onConfirmed(key, entry.snapshot, reason);
  }

  /** A toast names no composer: it confirms the most recently armed one. */
  confirmLatest(reason: ConfirmReason): void {
    let latest: [K, Pending] | undefined;
    for (const entry of this.pending) if (!latest || entry[1].armedAt >= latest[1].armedAt) latest = entry;
    if (latest) this.confirm(latest[0], reason);
  }

  confirmAll(reason: ConfirmReason): void {
    for (const key of [...this.pending.keys()]) this.confirm(key, reason);
  }

  clear(): void {
    for (const key of [...this.pending.keys()]) this.drop(key);
  }
}
