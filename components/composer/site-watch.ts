/**
 * The composer feature's watch on the site itself: a composer that should have opened and didn't,
 * landmarks of a composer whose editor no selector matches, a page with no layout the adapter
 * knows. Each becomes the page's one "Relay: …" warning: the site may have changed.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { SiteAdapter } from './types';
import { countHealth } from './health';
import { guarded, warnOnce } from './warn';

/** How long a composer may take to appear after a "Start a post" click or on a compose URL. */
const COMPOSER_EXPECTED_MS = 4_000;
/** How long a composer's landmarks may wait for their editor before the site counts as changed. */
const SUSPECT_GRACE_MS = 2_000;
/** How long after start the page may take to show the layout the adapter knows. */
export const LAYOUT_GRACE_MS = 2_000;

/** What the watch asks of the feature: how many composers it opened, which editors it tracks. */
export interface WatchedFeature {
  opened(): number;
  editors(): Iterable<HTMLElement>;
  /** Looks for composers again (a shadow root or container may have no mutation to see). */
  poke(): void;
}

export class SiteWatch {
  private readonly suspects = new Set<Element>();

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly adapter: SiteAdapter,
    private readonly feature: WatchedFeature,
  ) {}

  /** Landmarks of a composer with no editor that matched: maybe the editor comes later, maybe the site changed. */
  suspect(element: Element): void {
    if (this.suspects.has(element)) return;
    this.suspects.add(element);
    this.ctx.setTimeout(
      guarded('Checking a composer', () => {
        this.suspects.delete(element);
        if (!element.isConnected || this.adapter.findComposers(element).length > 0) return;
        for (const editor of this.feature.editors()) if (element.contains(editor)) return;
        countHealth('composersUnmatched');
        warnOnce(
          `found a ${this.adapter.siteName} composer whose editor it doesn't recognise; the site may have changed.`,
        );
      }),
      SUSPECT_GRACE_MS,
    );
  }

  /** A composer should appear soon; when none does, the site changed under us. */
  expectComposer(why: string): void {
    const before = this.feature.opened();
    for (const delay of [300, 1_000, 2_000]) this.ctx.setTimeout(() => this.feature.poke(), delay);
    this.ctx.setTimeout(() => {
      if (this.feature.opened() === before && [...this.feature.editors()].length === 0) {
        warnOnce(`no ${this.adapter.siteName} composer found although ${why}; the site may have changed.`);
      }
    }, COMPOSER_EXPECTED_MS);
  }

  checkLayout(): void {
    if (!this.adapter.recognizesPage()) {
      warnOnce(
        `this ${this.adapter.siteName} page has none of the layouts Relay knows; Relay stays off here. The site may have changed.`,
      );
    }
  }
}
