/**
 * Where the Relay server is: set by enterprise policy (storage.managed `serverUrl`), or baked in
 * at build time (RELAY_SERVER_URL); either locks the setup field. Otherwise the person types it.
 */
import { normalizeServerUrl } from '../../lib/server-url';
import { managedPolicy } from './policy';

declare const __RELAY_SERVER_URL__: string;

export async function configuredServerUrl(): Promise<string | null> {
  const { serverUrl } = await managedPolicy();
  if (serverUrl) return serverUrl;
  const baked = typeof __RELAY_SERVER_URL__ === 'string' ? __RELAY_SERVER_URL__ : '';
  return baked ? normalizeServerUrl(baked) : null;
}
