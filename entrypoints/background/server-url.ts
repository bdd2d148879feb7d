/**
 * Where the Relay server is: set by enterprise policy (storage.managed `serverUrl`), or baked in
 * at build time (RELAY_SERVER_URL); either locks the setup field. Otherwise the person types it.
 */
import { browser } from 'wxt/browser';
import { normalizeServerUrl } from '../../lib/server-url';

declare const __RELAY_SERVER_URL__: string;

export async function configuredServerUrl(): Promise<string | null> {
  try {
    const managed = (await browser.storage.managed.get('serverUrl')) as { serverUrl?: unknown };
    if (typeof managed.serverUrl === 'string') {
      const url = normalizeServerUrl(managed.serverUrl);
      if (url) return url;
    }
  } catch {
    // No policy store here (e.g. Firefox without a policy): fall through.
  }
  const baked = typeof __RELAY_SERVER_URL__ === 'string' ? __RELAY_SERVER_URL__ : '';
  return baked ? normalizeServerUrl(baked) : null;
}
