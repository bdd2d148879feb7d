/**
 * Which network a card shares on, and so whose text it shows: the one picked on the card, else the
 * Network filter, else the advocate's preferred network (the last one they shared on), else the
 * post's first. What is shown is what the Share button shares.
 */
import type { Network } from '../../lib/schemas';
import type { PopupItem } from '../shared/messaging';
import { NETWORKS } from '../../lib/networks';

/** The networks this post can be shared on, in display order (each has its text, or link, ready). */
export function shareOptions(item: PopupItem): Network[] {
  return NETWORKS.filter((network) => item.networks.includes(network) && item.suggestions[network] !== undefined);
}

export function shownNetwork(
  item: PopupItem,
  chosen: Network | null,
  ...preferred: readonly (Network | '' | null)[]
): Network | null {
  const options = shareOptions(item);
  for (const candidate of [chosen, ...preferred]) if (candidate && options.includes(candidate)) return candidate;
  return options[0] ?? null;
}
