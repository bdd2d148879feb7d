/** Content helpers shared by the list and the editor: statuses as admins name them, filtering. */
import type { ContentItem, ContentStatus } from '../../lib/schemas';
import { allVariants } from './networks';

export const STATUS_FILTERS: { value: '' | ContentStatus; label: string }[] = [
  { value: '', label: 'All' },
  { value: 'draft', label: 'Draft' },
  { value: 'pending', label: 'Awaiting approval' },
  { value: 'scheduled', label: 'Scheduled' },
  { value: 'published', label: 'Live' },
  { value: 'archived', label: 'Archived' },
];

export const STATUS_LABEL: Record<ContentStatus, string> = {
  draft: 'Draft',
  pending: 'Awaiting approval',
  scheduled: 'Scheduled',
  published: 'Live',
  archived: 'Archived',
};

/** "live" in a link or a bookmark means published. */
export function normalizeStatus(value: string): '' | ContentStatus {
  if (value === 'live') return 'published';
  return STATUS_FILTERS.some((filter) => filter.value === value) ? (value as ContentStatus) : '';
}

/** The same filter the server applies, so the list is right whichever answered. */
export function matches(item: ContentItem, status: '' | ContentStatus, q: string): boolean {
  if (status && item.status !== status) return false;
  const needle = q.trim().toLowerCase();
  if (!needle) return true;
  const haystack = [
    item.title,
    item.url,
    item.note ?? '',
    item.campaign ?? '',
    ...item.tags,
    ...allVariants(item.variants),
  ]
    .join('\n')
    .toLowerCase();
  return haystack.includes(needle);
}

export function hostOf(url: string): string {
  try {
    return new URL(url).host.replace(/^www\./, '');
  } catch {
    return url;
  }
}
