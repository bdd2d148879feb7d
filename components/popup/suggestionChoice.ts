/**
 * Which network's suggested text a card shows: the one the person picked on the card, else the
 * Network filter, else the first text network; a post on link-only networks (Facebook) shows its link.
 */
import type { Network, TextNetwork } from '../../lib/schemas';
import type { PopupItem } from '../shared/messaging';
import { isTextNetwork, NETWORKS, TEXT_NETWORKS } from '../../lib/networks';

/** The text networks this post has suggested text for, in display order. */
export function textOptions(item: PopupItem): TextNetwork[] {
  return TEXT_NETWORKS.filter((network) => item.networks.includes(network) && item.suggestions[network]);
}

export function shownNetwork(item: PopupItem, chosen: Network | null, preferred: Network | ''): Network | null {
  const options: readonly Network[] = textOptions(item);
  if (chosen && options.includes(chosen)) return chosen;
  if (preferred && options.includes(preferred)) return preferred;
  if (options[0]) return options[0];
  return NETWORKS.find((network) => !isTextNetwork(network) && item.suggestions[network] !== undefined) ?? null;
}
