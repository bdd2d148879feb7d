/**
 * What the background tells a composer content script (posts for this network, guidelines, today's
 * share count, this advocate's Relay links), fetched when a composer opens and kept a few seconds.
 * When the background can't answer (extension updated, worker gone) it is as if not enrolled.
 */
import { sendMessage, type ComposerData } from '../messaging';
import type { ComposerNetwork } from './types';
import { warnOnce } from './warn';

const FRESH_MS = 5_000;

/** True when a composer has something to show: posts to suggest, or company names to check own posts against. */
export function needsUi(data: ComposerData | null): boolean {
  return !!data?.enrolled && (data.items.length > 0 || (data.guidelines.companyNames?.length ?? 0) > 0);
}

export class ComposerDataSource {
  private current: ComposerData | null = null;
  private fetchedAt = 0;
  private inflight: Promise<ComposerData | null> | undefined;
  private readonly listeners = new Set<(data: ComposerData | null) => void>();

  constructor(private readonly network: ComposerNetwork) {}

  /** The last answer when the advocate is enrolled, else null. */
  get value(): ComposerData | null {
    return this.current;
  }

  /** The data, asked again when older than `maxAgeMs`; listeners hear every new answer. */
  get(maxAgeMs = FRESH_MS): Promise<ComposerData | null> {
    if (this.fetchedAt && Date.now() - this.fetchedAt < maxAgeMs) return Promise.resolve(this.current);
    this.inflight ??= this.fetch().finally(() => {
      this.inflight = undefined;
    });
    return this.inflight;
  }

  subscribe(listener: (data: ComposerData | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async fetch(): Promise<ComposerData | null> {
    let data: ComposerData | null = null;
    try {
      data = await sendMessage('composerData', { network: this.network });
    } catch (error) {
      warnOnce("the extension's background did not answer; suggested posts are off on this page.", error);
    }
    this.current = data?.enrolled ? data : null;
    this.fetchedAt = Date.now();
    for (const listener of this.listeners) listener(this.current);
    return this.current;
  }
}
