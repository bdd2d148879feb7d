/** Share intents: the URL that opens each network's composer prefilled (each network's builder is in lib/networks.ts). */
import { network as definition } from './networks';
import type { Network } from './schemas';

export function shareIntentUrl(network: Network, text: string, link: string): string {
  return definition(network).intentUrl(text, link);
}
