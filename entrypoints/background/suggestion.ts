/**
 * This advocate's words and link for a post on a network: what the popup shows and shares, and
 * what the composer content scripts insert.
 */
import { suggestedText } from '../../lib/render';
import type { AdvocateItem, Network } from '../../lib/schemas';

/** This advocate's text and link for a post on a network. */
export function suggestion(item: AdvocateItem, network: Network, advocateId: string): { text: string; link: string } {
  const link = item.links[network] ?? item.url;
  const text = suggestedText(item.variants, network, link, advocateId, item.id) ?? `${item.title} ${link}`;
  return { text, link };
}
