/**
 * UTM-tagged links: the destination an advocate's share points to, carrying the network, the
 * medium, the campaign and a pseudonymous advocate ref, with the page's own parameters and fragment
 * left exactly as they were.
 */

export interface UtmTags {
  /** utm_source: the network the link is shared on. */
  source: string;
  /** utm_medium; "employee_advocacy" unless configured. */
  medium?: string;
  /** utm_campaign: the content's campaign or a slug of its title. */
  campaign: string;
  /** utm_content: a pseudonymous advocate ref, never a name or an email address. */
  content?: string;
}

export const DEFAULT_UTM_MEDIUM = 'employee_advocacy';

export class UnsupportedUrlError extends Error {
  constructor(url: string) {
    super(`only http(s) URLs can be tagged: ${JSON.stringify(url.slice(0, 100))}`);
    this.name = 'UnsupportedUrlError';
  }
}

/** Lone surrogates become U+FFFD, as UTF-8 (and URLSearchParams) makes them; encodeURIComponent throws on them. */
function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/**
 * Returns `url` with utm_source, utm_medium, utm_campaign and (when given) utm_content set.
 * Existing values of those parameters are replaced (whatever their case); every other parameter,
 * including other utm_* ones, keeps its place and its exact encoding, and so does the fragment.
 * Keys are compared as URLSearchParams decodes them. A lone surrogate in a tag value becomes U+FFFD.
 * Throws UnsupportedUrlError for anything that is not an absolute http(s) URL.
 */
export function buildUtmUrl(url: string, tags: UtmTags): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UnsupportedUrlError(url);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new UnsupportedUrlError(url);

  const ours: [string, string][] = [
    ['utm_source', tags.source],
    ['utm_medium', tags.medium ?? DEFAULT_UTM_MEDIUM],
    ['utm_campaign', tags.campaign],
  ];
  if (tags.content !== undefined) ours.push(['utm_content', tags.content]);
  const replaced = new Set(ours.map(([key]) => key));

  // Other utm_* parameters are kept, but only their first occurrence, so each appears once.
  // A key is what URLSearchParams makes of it (lenient percent-decoding, "+" as a space): its
  // parser skips empty pairs as we do, so its keys line up with our non-empty raw pairs.
  const keys = [...parsed.searchParams.keys()].map((key) => key.toLowerCase());
  const seenUtm = new Set<string>();
  const kept = parsed.search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '')
    .filter((_pair, index) => {
      const key = keys[index] ?? '';
      if (!key.startsWith('utm_')) return true;
      if (replaced.has(key) || seenUtm.has(key)) return false;
      seenUtm.add(key);
      return true;
    });
  const added = ours.map(([key, value]) => `${key}=${encodeURIComponent(wellFormed(value))}`);
  // The search setter drops one leading "?": give it ours, so a first pair such as "?a=1" keeps its own.
  parsed.search = `?${[...kept, ...added].join('&')}`;
  return parsed.toString();
}

/** A campaign slug from free text: lower case ASCII words joined by "-", at most 60 characters. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return slug || 'relay';
}
