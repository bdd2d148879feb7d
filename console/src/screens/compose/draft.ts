/** The compose form's draft: made from a post (or empty), turned into a ContentInput candidate, its paths named. */
import {
  NETWORKS,
  TEXT_NETWORKS,
  isTextNetwork,
  network,
  perNetwork,
  perTextNetwork,
  type Network,
  type TextNetwork,
} from '../../../../lib/networks';
import { languageName } from '../../../../lib/languages';
import type { ContentItem } from '../../../../lib/schemas';
import { splitList } from '../../forms';
import { variantsOf } from '../../networks';
import { isoToLocal, localToIso } from '../../time';
import { translationsCandidate, translationsFrom, type TranslationDraft } from './translations';

export const FORM = 'compose';
export const MAX_VARIANTS = 10;

export interface VariantDraft {
  key: number;
  text: string;
}

export interface Draft {
  title: string;
  url: string;
  note: string;
  imageUrl: string;
  campaign: string;
  tags: string;
  language: string;
  variants: Record<TextNetwork, VariantDraft[]>;
  /** The post in other languages than `language`. */
  translations: TranslationDraft[];
  networks: Record<Network, boolean>;
  publishAt: string;
  expiresAt: string;
  /** Audience entries (lib/audiences.ts); [] is everyone. */
  audiences: string[];
}

/** The draft's plain text fields. */
export type TextKey =
  'title' | 'url' | 'note' | 'imageUrl' | 'campaign' | 'tags' | 'language' | 'publishAt' | 'expiresAt';

let nextKey = 1;
export const variant = (text = ''): VariantDraft => ({ key: nextKey++, text });

export function emptyDraft(): Draft {
  return {
    title: '',
    url: '',
    note: '',
    imageUrl: '',
    campaign: '',
    tags: '',
    language: '',
    variants: perTextNetwork(() => [variant()]),
    translations: [],
    networks: perNetwork((id) => network(id).onForNewPosts),
    publishAt: '',
    expiresAt: '',
    audiences: [],
  };
}

export function draftFrom(item: ContentItem): Draft {
  return {
    title: item.title,
    url: item.url,
    note: item.note ?? '',
    imageUrl: item.imageUrl ?? '',
    campaign: item.campaign ?? '',
    tags: item.tags.join(', '),
    language: item.language ?? '',
    variants: perTextNetwork((id) => {
      const texts = variantsOf(item.variants, id);
      return texts.length ? texts.map((text) => variant(text)) : [variant()];
    }),
    translations: translationsFrom(item),
    networks: perNetwork((id) => item.networks.includes(id)),
    publishAt: isoToLocal(item.publishAt),
    expiresAt: isoToLocal(item.expiresAt),
    audiences: item.audiences ?? [],
  };
}

/** The form as a ContentInput candidate: empty optional fields left out, times as ISO with zone. */
export function candidate(draft: Draft): Record<string, unknown> {
  const input: Record<string, unknown> = { title: draft.title, url: draft.url.trim() };
  if (draft.note.trim()) input.note = draft.note;
  if (draft.imageUrl.trim()) input.imageUrl = draft.imageUrl.trim();
  if (draft.campaign.trim()) input.campaign = draft.campaign;
  if (draft.language.trim()) input.language = draft.language.trim();
  const tags = splitList(draft.tags, /,/);
  if (tags.length) input.tags = tags;
  const variants: Record<string, string[]> = {};
  for (const id of TEXT_NETWORKS) {
    const texts = draft.variants[id].map((entry) => entry.text);
    // A network that is on needs its variants, empty ones reported; one that is off keeps only written ones.
    const kept = draft.networks[id] ? texts : texts.filter((text) => text.trim() !== '');
    if (kept.length) variants[id] = kept;
  }
  input.variants = variants;
  const translations = translationsCandidate(draft.translations);
  if (translations) input.translations = translations;
  input.networks = NETWORKS.filter((id) => draft.networks[id]);
  if (draft.audiences.length) input.audiences = draft.audiences;
  for (const key of ['publishAt', 'expiresAt'] as const) {
    const value = draft[key];
    // An unreadable value goes through as typed, for the schema to name.
    if (value) input[key] = localToIso(value) ?? value;
  }
  return input;
}

const NAMES: Record<string, string> = {
  title: 'Title',
  url: 'URL',
  note: 'Note for advocates',
  imageUrl: 'Image URL',
  campaign: 'Campaign',
  language: 'Language',
  tags: 'Tags',
  networks: 'Networks',
  publishAt: 'Publish at',
  expiresAt: 'Expires at',
  publish: 'Publish',
  audiences: 'Audience',
};

/** "variants.x.1" → "X variant 2", for the error summary. */
export function labelFor(path: string): string {
  const [first, second, third] = path.split('.');
  if (first === 'translations') {
    if (!second) return 'Languages';
    const rest = path.split('.').slice(2).join('.');
    return `${languageName(second)}: ${rest ? labelFor(rest) : 'text'}`;
  }
  if (first === 'variants') {
    if (!isTextNetwork(second)) return 'Variants';
    const name = network(second).label;
    return third === undefined ? `${name} variants` : `${name} variant ${Number(third) + 1}`;
  }
  return (first && NAMES[first]) || 'Post';
}

export function isFuture(local: string): boolean {
  const iso = localToIso(local);
  return iso !== undefined && Date.parse(iso) > Date.now();
}
