/**
 * Tells the composer pages open in tabs (LinkedIn, X) that the selector overrides changed: each
 * asks the background for its brief again and looks for composers anew. The message carries no
 * data, so a page that is not Relay's learns nothing from it.
 */
import { browser } from 'wxt/browser';
import { SELECTORS_CHANGED } from '../../components/shared/selectors-changed';
import { COMPOSER_PAGES } from './messages/sender';

export async function tellComposerTabs(): Promise<void> {
  const tabs = await browser.tabs.query({ url: [...COMPOSER_PAGES] }).catch(() => []);
  await Promise.allSettled(
    tabs.map((tab) =>
      tab.id === undefined ? undefined : browser.tabs.sendMessage(tab.id, { type: SELECTORS_CHANGED }),
    ),
  );
}
