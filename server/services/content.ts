/** Content rows to and from the API's shapes, and the one rule for which content advocates see. */
import type { Selectable } from 'kysely';
import type { ContentItem, ContentStatus, Network, Translations, Variants } from '../../lib/schemas';
import { isTextNetwork } from '../../lib/networks';
import { NETWORKS } from '../../lib/schemas';
import type { ShareContentFacts } from '../../lib/share-rules';
import type { ContentTable } from '../db/schema';

export type ContentRow = Selectable<ContentTable>;

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/**
 * Networks a content item is shared on: as listed, else the text networks it has variants for plus
 * every link-only network (Facebook), in the registry's order.
 */
export function resolveNetworks(networks: Network[] | null | undefined, variants: Variants): Network[] {
  if (networks?.length) return NETWORKS.filter((network) => networks.includes(network));
  return NETWORKS.filter((network) => !isTextNetwork(network) || (variants[network]?.length ?? 0) > 0);
}

export function statusOf(row: Pick<ContentRow, 'status' | 'publish_at'>, now: number): ContentStatus {
  if (row.status === 'published' && row.publish_at !== null && row.publish_at > now) return 'scheduled';
  return row.status as ContentStatus;
}

/** Live for advocates: published, due, and not expired. */
export function isLive(row: Pick<ContentRow, 'status' | 'publish_at' | 'expires_at'>, now: number): boolean {
  return (
    row.status === 'published' &&
    (row.publish_at === null || row.publish_at <= now) &&
    (row.expires_at === null || row.expires_at > now)
  );
}

/**
 * The live time a row has had up to `now`: published, from its publish time (or, without one, the
 * recorded or created time) to its expiry or `now`. null when it has not been live.
 */
export function liveSoFar(
  row: Pick<ContentRow, 'status' | 'publish_at' | 'expires_at' | 'live_from' | 'created_at'>,
  now: number,
): [from: number, until: number] | null {
  if (row.status !== 'published') return null;
  const from = row.publish_at ?? row.live_from ?? row.created_at;
  const until = Math.min(row.expires_at ?? now, now);
  return from <= until ? [from, until] : null;
}

/** What lib/share-rules.ts checks a share against, from a stored row. */
export function shareFacts(
  row: Pick<ContentRow, 'status' | 'networks' | 'publish_at' | 'expires_at' | 'live_from' | 'live_until'>,
): ShareContentFacts {
  return {
    status: row.status,
    networks: JSON.parse(row.networks) as Network[],
    publishAt: row.publish_at,
    expiresAt: row.expires_at,
    liveFrom: row.live_from,
    liveUntil: row.live_until,
  };
}

/** The row's translations ({} for rows written before migration 0012 filled them). */
export function translationsOf(row: Pick<ContentRow, 'translations'>): Translations {
  const value: unknown = JSON.parse(row.translations || '{}');
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Translations) : {};
}

/** The item's own fields (the admin routes add its override and review: content-overrides.ts). */
export function toContentItem(row: ContentRow, now: number): Omit<ContentItem, 'override' | 'review'> {
  return {
    id: row.id,
    title: row.title,
    url: row.url,
    note: row.note,
    imageUrl: row.image_url,
    campaign: row.campaign,
    language: row.language,
    tags: JSON.parse(row.tags) as string[],
    variants: JSON.parse(row.variants) as Variants,
    translations: translationsOf(row),
    networks: JSON.parse(row.networks) as Network[],
    publishAt: iso(row.publish_at),
    expiresAt: iso(row.expires_at),
    audiences: JSON.parse(row.audiences) as string[],
    status: statusOf(row, now),
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
  };
}

export const toMillis = (value: string | null | undefined): number | null =>
  value === null || value === undefined ? null : Date.parse(value);
