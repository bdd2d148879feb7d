/** Content languages: BCP 47 tags as Relay keeps them, the best of a post's languages for a reader, and Accept-Language. */
import { z } from 'zod';

/** The tag pattern content, guidelines and advocates use: "en", "de-AT", "zh-Hant-TW". */
const TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export const languageTagSchema = z.string().max(35).regex(TAG, 'must be a language tag such as "en" or "en-GB"');

/** At most this many languages beside a post's own (and per-language guideline sections). */
export const MAX_TRANSLATIONS = 10;

/** Where an advocate's language came from; the first wins over the later ones. */
export const LANGUAGE_SOURCES = ['chosen', 'idp', 'browser'] as const;
export type LanguageSource = (typeof LANGUAGE_SOURCES)[number];

/** True when `source` may replace what `current` set (chosen > idp > browser > unknown). */
export function mayReplaceLanguage(current: string | null, source: LanguageSource): boolean {
  const rank = (value: string | null) => {
    const index = (LANGUAGE_SOURCES as readonly string[]).indexOf(value ?? '');
    return index === -1 ? LANGUAGE_SOURCES.length : index;
  };
  return rank(source) <= rank(current);
}

/**
 * A tag as Relay stores it: primary subtag lower case, region upper case, script title case
 * ("EN_us" → "en-US"); undefined when it is not a tag.
 */
export function normalizeLanguageTag(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const parts = value.trim().replace(/_/g, '-').split('-');
  if (parts.some((part) => part === '')) return undefined;
  const tag = parts
    .map((part, index) => {
      if (index === 0) return part.toLowerCase();
      if (part.length === 2) return part.toUpperCase();
      if (part.length === 4) return part[0]!.toUpperCase() + part.slice(1).toLowerCase();
      return part.toLowerCase();
    })
    .join('-');
  return TAG.test(tag) && tag.length <= 35 ? tag : undefined;
}

/** The primary subtag: "de-AT" → "de". */
export function primaryLanguage(tag: string): string {
  return tag.split('-')[0]!.toLowerCase();
}

/**
 * Which of `available` a reader of `wanted` gets: the exact tag (case-insensitive), else one with
 * the same primary subtag (the bare primary first: "de-AT" reads "de" before "de-CH"), else undefined.
 */
export function bestLanguage(wanted: string | null | undefined, available: readonly string[]): string | undefined {
  if (!wanted) return undefined;
  const lower = wanted.toLowerCase();
  const exact = available.find((tag) => tag.toLowerCase() === lower);
  if (exact) return exact;
  const primary = primaryLanguage(wanted);
  return (
    available.find((tag) => tag.toLowerCase() === primary) ?? available.find((tag) => primaryLanguage(tag) === primary)
  );
}

/** The most preferred language in an Accept-Language header ("de-AT,de;q=0.9,en;q=0.8" → "de-AT"). */
export function acceptLanguage(header: string | null | undefined): string | undefined {
  if (!header) return undefined;
  let best: { tag: string; q: number } | undefined;
  for (const entry of header.slice(0, 500).split(',')) {
    const [range, ...params] = entry.trim().split(';');
    const tag = normalizeLanguageTag(range);
    if (!tag) continue;
    const qParam = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (!Number.isFinite(q) || q <= 0) continue;
    if (!best || q > best.q) best = { tag, q };
  }
  return best?.tag;
}

/** Common content languages, for the console's "Add language" and the popup's choice: tag and name in that language. */
export const COMMON_LANGUAGES: readonly { tag: string; name: string }[] = [
  { tag: 'en', name: 'English' },
  { tag: 'de', name: 'Deutsch' },
  { tag: 'fr', name: 'Français' },
  { tag: 'es', name: 'Español' },
  { tag: 'it', name: 'Italiano' },
  { tag: 'nl', name: 'Nederlands' },
  { tag: 'pt', name: 'Português' },
  { tag: 'pl', name: 'Polski' },
  { tag: 'sv', name: 'Svenska' },
  { tag: 'da', name: 'Dansk' },
  { tag: 'fi', name: 'Suomi' },
  { tag: 'nb', name: 'Norsk bokmål' },
  { tag: 'cs', name: 'Čeština' },
  { tag: 'tr', name: 'Türkçe' },
  { tag: 'ja', name: '日本語' },
  { tag: 'zh', name: '中文' },
  { tag: 'ko', name: '한국어' },
];

/** A language's name for people: its own name when common, else the tag. */
export function languageName(tag: string): string {
  const known = COMMON_LANGUAGES.find((language) => language.tag === tag.toLowerCase());
  if (known) return known.name;
  const primary = COMMON_LANGUAGES.find((language) => language.tag === primaryLanguage(tag));
  return primary ? `${primary.name} (${tag})` : tag;
}
