/**
 * This advocate's words and link for a post on a network: what the popup shows and shares, and
 * what the composer content scripts insert; approved (lib/guidelines/approved-text.ts), so the
 * disclosure the guidelines ask for is in it wherever it fits.
 */
import { approvedVariant, type CompiledGuidelines } from '../../lib/guidelines';
import { suggestedText } from '../../lib/render';
import type { AdvocateItem, Guidelines, Network } from '../../lib/schemas';

/** This advocate's text and link for a post on a network. Pass compiled guidelines when making many. */
export function suggestion(
  item: AdvocateItem,
  network: Network,
  advocateId: string,
  guidelines: Guidelines | CompiledGuidelines | undefined,
): { text: string; link: string } {
  const link = item.links[network] ?? item.url;
  const approve = (variant: string) => (guidelines ? approvedVariant(variant, network, guidelines, link) : variant);
  const text = suggestedText(item.variants, network, link, advocateId, item.id, approve) ?? `${item.title} ${link}`;
  return { text, link };
}
