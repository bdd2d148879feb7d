/**
 * What the background tells a composer content script. At first only the brief (is this advocate
 * enrolled, how many posts are live for this network, are own posts checked): enough to show the
 * "Suggested posts" button. The whole answer (posts with this advocate's text and links, the
 * guidelines, today's share count) is fetched when the UI needs it, and kept a few seconds. When
 * the background can't answer (extension updated, worker gone) it is as if not enrolled.
 */
import { sendMessage, type ComposerBrief, type ComposerData } from '../shared/messaging';
import { briefOf } from './brief';
import type { ComposerNetwork } from './types';
import { warnOnce } from './warn';

const FRESH_MS = 5_000;

const BACKGROUND_SILENT = "the extension's background did not answer; suggested posts are off on this page.";

/** One answer of the background, asked again when older than asked for; one question at a time. */
class Answer<T> {
  value: T | null = null;
  at = 0;
  private inflight: Promise<T | null> | undefined;

  constructor(private readonly ask: () => Promise<T | null>) {}

  /** Keeps `value` as if it had just been answered. */
  keep(value: T | null): void {
    this.value = value;
    this.at = Date.now();
  }

  /** Answered less than `maxAgeMs` ago. */
  fresh(maxAgeMs: number): boolean {
    return this.at > 0 && Date.now() - this.at < maxAgeMs;
  }

  get(maxAgeMs: number, heard: (value: T | null) => void): Promise<T | null> {
    if (this.fresh(maxAgeMs)) return Promise.resolve(this.value);
    this.inflight ??= this.ask()
      .catch((error: unknown) => {
        warnOnce(BACKGROUND_SILENT, error);
        return null;
      })
      .then((value) => {
        this.value = value;
        this.at = Date.now();
        heard(value);
        return value;
      })
      .finally(() => {
        this.inflight = undefined;
      });
    return this.inflight;
  }
}

export class ComposerDataSource {
  private readonly full: Answer<ComposerData>;
  private readonly short: Answer<ComposerBrief>;
  private readonly listeners = new Set<(data: ComposerData | null) => void>();

  constructor(network: ComposerNetwork) {
    this.full = new Answer(async () => {
      const data = await sendMessage('composerData', { network });
      return data.enrolled ? data : null;
    });
    this.short = new Answer(async () => {
      const brief = await sendMessage('composerBrief', { network });
      return brief.enrolled ? brief : null;
    });
  }

  /** The last whole answer when the advocate is enrolled, else null. */
  get value(): ComposerData | null {
    return this.full.value;
  }

  /** The whole answer, asked again when older than `maxAgeMs`; listeners hear every new one. */
  get(maxAgeMs = FRESH_MS): Promise<ComposerData | null> {
    return this.full.get(maxAgeMs, (data) => {
      for (const listener of this.listeners) listener(data);
    });
  }

  /** The brief: of the whole answer when that is fresh, else asked on its own. */
  brief(maxAgeMs = FRESH_MS): Promise<ComposerBrief | null> {
    if (this.full.fresh(maxAgeMs)) return Promise.resolve(briefOf(this.full.value));
    return this.short.get(maxAgeMs, () => undefined);
  }

  /** A brief the background just gave for another question (the selector overrides): kept as if asked here. */
  keepBrief(brief: ComposerBrief): void {
    this.short.keep(brief.enrolled ? brief : null);
  }

  subscribe(listener: (data: ComposerData | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
