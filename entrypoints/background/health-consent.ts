/**
 * Whether the integration health counts may be kept and sent. Firefox asks people for it: the
 * counts are `technicalAndInteraction` data, which its manifest can only declare as optional
 * (lib/data-collection.ts), granted at install or later in the add-on's permissions. Chrome and
 * Edge have no such consent; the popup's "What Relay collects" says what the counts are.
 */
import { browser } from 'wxt/browser';

/** The optional data collection Firefox grants through `permissions` (not in the polyfill's types). */
const HEALTH_DATA = { data_collection: ['technicalAndInteraction'] };

export async function mayCountHealth(): Promise<boolean> {
  if (!import.meta.env.FIREFOX) return true;
  try {
    return await browser.permissions.contains(HEALTH_DATA as Parameters<typeof browser.permissions.contains>[0]);
  } catch {
    // A Firefox that doesn't know the key: nothing was granted.
    return false;
  }
}
