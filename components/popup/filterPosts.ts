/**
 * The list filters: free-text search (title, note, tags, suggested text; case-insensitive, every
 * word must match), a network, a tag, and "Not shared yet" (no share in this browser's log). The search text of each post is built once per content
 * list, so a keystroke is one pass of `includes` over 1,000 strings.
 */
import type { Network } from '../../lib/schemas';
import type { PopupItem } from '../shared/messaging';

export interface PostFilters {
  query: string;
  network: Network | '';
  tag: string;
  unshared: boolean;
}

export const NO_FILTERS: PostFilters = { query: '', network: '', tag: '', unshared: false };

export function isFiltering(filters: PostFilters): boolean {
  return filters.query.trim() !== '' || filters.network !== '' || filters.tag !== '' || filters.unshared;
}

/** One lower-cased haystack per item, in the same order as `items`. */
export function buildSearchIndex(items: readonly PopupItem[]): string[] {
  return items.map((item) =>
    [item.title, item.note ?? '', item.tags.join('\n'), ...Object.values(item.suggestions)].join('\n').toLowerCase(),
  );
}

export function filterPosts(items: readonly PopupItem[], index: readonly string[], filters: PostFilters): PopupItem[] {
  const words = filters.query.toLowerCase().split(/\s+/).filter(Boolean);
  const { network, tag, unshared } = filters;
  if (!words.length && !network && !tag && !unshared) return items as PopupItem[];
  return items.filter((item, i) => {
    if (unshared && item.lastShare) return false;
    if (network && !item.networks.includes(network)) return false;
    if (tag && !item.tags.includes(tag)) return false;
    const haystack = index[i] ?? '';
    return words.every((word) => haystack.includes(word));
  });
}

/** Every tag present in the posts, sorted for the Tag select. */
export function collectTags(items: readonly PopupItem[]): string[] {
  const tags = new Set<string>();
  for (const item of items) for (const tag of item.tags) tags.add(tag);
  return [...tags].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }));
}
