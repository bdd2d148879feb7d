/**
 * Turning a content item into the words an advocate shares: which variant this advocate gets, and
 * where the link goes in it for each network.
 */
import { isTextNetwork, network as definition } from './networks';
import type { Network, Variants } from './schemas';

export const LINK_PLACEHOLDER = '{link}';

/**
 * The text to share on `network` with `link` in it. Every `{link}` in the variant is replaced; a
 * variant without one gets the link appended after the network's separator (a blank line on
 * LinkedIn, a space on X). A network that forbids prefilled text (Facebook) shares the link alone.
 */
export function renderVariant(variant: string, link: string, network: Network): string {
  if (!isTextNetwork(network)) return link;
  if (variant.includes(LINK_PLACEHOLDER)) return variant.split(LINK_PLACEHOLDER).join(link);
  const text = variant.trimEnd();
  if (text === '') return link;
  return `${text}${definition(network).linkSeparator}${link}`;
}

/** FNV-1a, 32 bits: a small stable hash so every device of one advocate picks the same variant. */
function hash32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * The index of the variant this advocate sees for this content: stable for the same advocate and
 * content, spread across advocates so colleagues don't all post the same words.
 */
export function pickVariantIndex(count: number, advocateRef: string, contentId: string): number {
  if (count <= 1) return 0;
  return hash32(`${advocateRef}\u0000${contentId}`) % count;
}

/** The variant this advocate gets on this network, or null when the network has none (or carries no text). */
export function pickedVariant(
  variants: Variants,
  network: Network,
  advocateRef: string,
  contentId: string,
): string | null {
  if (!isTextNetwork(network)) return null;
  const list = variants[network];
  if (!list?.length) return null;
  return list[pickVariantIndex(list.length, advocateRef, contentId)] ?? list[0]!;
}

/**
 * The suggested text for this advocate on this network, or null when there is no variant for it.
 * `approve` turns the picked variant into the words advocates get (lib/guidelines/approved-text.ts
 * appends the disclosure); by default the variant as written.
 */
export function suggestedText(
  variants: Variants,
  network: Network,
  link: string,
  advocateRef: string,
  contentId: string,
  approve: (variant: string) => string = (variant) => variant,
): string | null {
  if (!isTextNetwork(network)) return link;
  const variant = pickedVariant(variants, network, advocateRef, contentId);
  return variant === null ? null : renderVariant(approve(variant), link, network);
}
