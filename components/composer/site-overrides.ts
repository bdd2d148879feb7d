/**
 * The admin's selector overrides in the page: asked of the background (in the composer brief)
 * before composers are first looked for, applied to the adapter's selector table, and applied again
 * when the background says they changed, followed by a fresh look for composers; no reload, no
 * new release. Overrides the table refuses (unknown key, invalid CSS) are counted for the console.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendMessage, type ComposerBrief } from '../shared/messaging';
import { SELECTORS_CHANGED } from '../shared/selectors-changed';
import { countHealth } from './health';
import type { SiteAdapter } from './types';
import { guarded } from './warn';

/** How long the first look for composers waits for the background's overrides. */
const FIRST_ANSWER_MS = 1_500;

/** The background's brief, with the site's overrides (null when it does not answer in time). */
async function briefFor(adapter: SiteAdapter): Promise<ComposerBrief | null> {
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), FIRST_ANSWER_MS));
  return Promise.race([sendMessage('composerBrief', { network: adapter.network }), timeout]).catch(() => null);
}

/** The site's overrides as the background has them ({} when it has none or does not answer in time). */
const overridesFor = async (adapter: SiteAdapter) => (await briefFor(adapter))?.selectorOverrides ?? {};

/** What follows the overrides: the composer feature, started once they are in, and asked to look again when they change. */
interface Follower {
  /** The brief the overrides came in, before `start`: what the feature would ask first. */
  briefed(brief: ComposerBrief): void;
  start(): void;
  rescan(): void;
}

/**
 * Applies the overrides, then starts `feature`; later changes are applied and followed by a fresh
 * look for composers. An unchanged set is not applied again.
 */
export function followSelectorOverrides(ctx: ContentScriptContext, adapter: SiteAdapter, feature: Follower): void {
  const start = guarded(`Starting on ${adapter.siteName}`, () => feature.start());
  const rescan = guarded('Looking for composers again', () => feature.rescan());
  let applied = '{}';
  const apply = (overrides: Record<string, string>): boolean => {
    const key = JSON.stringify(overrides);
    if (key === applied) return false;
    applied = key;
    const refused = adapter.selectors.setOverrides(overrides);
    countHealth('overridesRefused', refused.length);
    return true;
  };
  void briefFor(adapter).then((brief) => {
    guarded('Applying selector overrides', apply)(brief?.selectorOverrides ?? {});
    if (brief) feature.briefed(brief);
    start();
  });
  const onMessage = (message: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id || (message as { type?: unknown } | null)?.type !== SELECTORS_CHANGED) return;
    void overridesFor(adapter).then(
      guarded('Applying selector overrides', (overrides: Record<string, string>) => {
        if (apply(overrides)) rescan();
      }),
    );
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
}
