/** Who a post is for: audience entries (a group id, `region:<code>`, `language:<tag>`) and the one rule deciding whether an advocate is in them, shared by server and console. */

/** A region code: letters, digits, `-` and `_` (e.g. `DE`, `US-CA`, `EMEA`); compared case-insensitively. */
export const REGION_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;
/** A primary language subtag (ISO 639: two or three letters), e.g. `de`; it matches `de-AT`. */
export const LANGUAGE_PATTERN = /^[A-Za-z]{2,3}$/;
/** A group id as the server makes and SCIM keeps them: no `:`, no spaces. */
export const GROUP_ID_PATTERN = /^[A-Za-z0-9_.~-]{1,64}$/;

export type AudienceEntry =
  { kind: 'group'; id: string } | { kind: 'region'; code: string } | { kind: 'language'; tag: string };

/** Reads one entry; null when it is none of the three forms. Regions come back upper-case, languages lower-case. */
export function parseAudienceEntry(entry: string): AudienceEntry | null {
  if (entry.startsWith('region:')) {
    const code = entry.slice('region:'.length);
    return REGION_PATTERN.test(code) ? { kind: 'region', code: code.toUpperCase() } : null;
  }
  if (entry.startsWith('language:')) {
    const tag = entry.slice('language:'.length);
    return LANGUAGE_PATTERN.test(tag) ? { kind: 'language', tag: tag.toLowerCase() } : null;
  }
  return GROUP_ID_PATTERN.test(entry) ? { kind: 'group', id: entry } : null;
}

/** The canonical spelling of an entry (`region:DE`, `language:de`, a group id as is), or null when invalid. */
export function normaliseAudienceEntry(entry: string): string | null {
  const parsed = parseAudienceEntry(entry);
  if (!parsed) return null;
  if (parsed.kind === 'group') return parsed.id;
  return parsed.kind === 'region' ? `region:${parsed.code}` : `language:${parsed.tag}`;
}

/** A post's audience, parsed once: per kind, the entries named. Nothing named: everyone. */
export interface CompiledAudience {
  everyone: boolean;
  groups: ReadonlySet<string>;
  regions: ReadonlySet<string>;
  languages: ReadonlySet<string>;
}

export const EVERYONE: CompiledAudience = {
  everyone: true,
  groups: new Set(),
  regions: new Set(),
  languages: new Set(),
};

/** Parses a post's entries (invalid ones are ignored: the server refuses them on the way in). */
export function compileAudience(entries: readonly string[]): CompiledAudience {
  if (entries.length === 0) return EVERYONE;
  const groups = new Set<string>();
  const regions = new Set<string>();
  const languages = new Set<string>();
  for (const entry of entries) {
    const parsed = parseAudienceEntry(entry);
    if (parsed?.kind === 'group') groups.add(parsed.id);
    else if (parsed?.kind === 'region') regions.add(parsed.code);
    else if (parsed?.kind === 'language') languages.add(parsed.tag);
  }
  const everyone = groups.size === 0 && regions.size === 0 && languages.size === 0;
  return everyone ? EVERYONE : { everyone, groups, regions, languages };
}

/** What an advocate is matched by: their groups, region and language, normalised once. */
export interface AdvocateAudience {
  groups: ReadonlySet<string>;
  /** Upper-case, or null when unknown. */
  region: string | null;
  /** The primary subtag, lower-case (`de` for `de-AT`), or null when unknown. */
  language: string | null;
}

export function primaryLanguage(tag: string | null | undefined): string | null {
  if (!tag) return null;
  const trimmed = tag.trim();
  // Up to the first '-' or '_' (called for every advocate a publish answers: no regular expression).
  let end = 0;
  while (end < trimmed.length && trimmed[end] !== '-' && trimmed[end] !== '_') end++;
  return end > 0 ? trimmed.slice(0, end).toLowerCase() : null;
}

export function advocateAudience(facts: {
  groups: Iterable<string>;
  region?: string | null;
  language?: string | null;
}): AdvocateAudience {
  const region = facts.region?.trim().toUpperCase();
  return { groups: new Set(facts.groups), region: region ? region : null, language: primaryLanguage(facts.language) };
}

/**
 * Whether the advocate is in the audience: for each kind the post names (groups, regions,
 * languages) they match at least one entry of it ("Sales or Marketing, in DE"). No entries: everyone.
 */
export function inAudience(audience: CompiledAudience, advocate: AdvocateAudience): boolean {
  if (audience.everyone) return true;
  if (audience.groups.size > 0 && ![...advocate.groups].some((id) => audience.groups.has(id))) return false;
  if (audience.regions.size > 0 && (advocate.region === null || !audience.regions.has(advocate.region))) return false;
  if (audience.languages.size > 0 && (advocate.language === null || !audience.languages.has(advocate.language))) {
    return false;
  }
  return true;
}

/**
 * A short fingerprint of the advocate's groups and region: it changes when they do. Their language
 * is not in it: sync marks the full language tag on its own (it also picks the text), and a change
 * of the primary subtag is a change of the tag.
 */
export function audienceFingerprint(advocate: Pick<AdvocateAudience, 'groups' | 'region'>): string {
  const keys = [...advocate.groups].sort();
  keys.push(`r=${advocate.region ?? ''}`);
  // FNV-1a, 32 bits: a fingerprint for change detection, not a secret.
  let hash = 0x811c9dc5;
  for (const char of keys.join('\n')) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}
