/** Reading tagged URLs back in the utm tests: our keys, the raw query pairs, the fragment, UTF-8's view of a string. */
export const OUR_KEYS = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_content'] as const;

export const isUtmKey = (key: string): boolean => key.toLowerCase().startsWith('utm_');

/** The raw `key=value` pairs of a URL's query, as they appear in its serialization. */
export function rawPairs(url: string): string[] {
  return new URL(url).search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '');
}

/** Everything from the first "#" on (the fragment with its delimiter), or null when there is none. */
export function fragmentOf(href: string): string | null {
  const index = href.indexOf('#');
  return index === -1 ? null : href.slice(index);
}

/** What a string becomes once it is UTF-8: lone surrogates turn into U+FFFD, a BOM stays. */
export function wellFormed(text: string): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(new TextEncoder().encode(text));
}
