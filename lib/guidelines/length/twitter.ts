/**
 * twitter-text, imported here and nowhere else in lib/: X's weighted length and overflow, and the
 * hashtags every network counts. LinkedIn's scripts get components/composer/twitter-text-lite.ts
 * instead (wxt.config.ts), which has the hashtags only: its counting functions throw.
 */
import twitterText from 'twitter-text';
import type { ParsedTweet } from 'twitter-text';
import { codePointBoundary } from '../../phrases';
import type { Overflow } from './overflow';

/** The limit twitter-text's default configuration (v3) measures `validRangeEnd` against. */
const TWITTER_TEXT_MAX = 280;
/** Texts longer than this get no overflow range when twitter-text's own range can't be used. */
const RANGE_SEARCH_MAX = 100_000;

/** X's weighted length (twitter-text, config v3): URLs count 23, most emoji and CJK characters 2. */
export function xWeightedLength(text: string): number {
  return twitterText.parseTweet(text).weightedLength;
}

/** The weighted length, and where the part over `max` begins, when the text is over. */
export function weightedOverflow(text: string, max: number): Overflow | undefined {
  const parsed = twitterText.parseTweet(text);
  if (parsed.weightedLength <= max) return undefined;
  return { length: parsed.weightedLength, start: overflowStart(text, parsed, max) };
}

/** Where the part of the text over `max` begins, when it can be told. */
function overflowStart(text: string, parsed: ParsedTweet, max: number): number | undefined {
  if (max === TWITTER_TEXT_MAX && text === text.normalize('NFC') && !twitterText.hasInvalidCharacters(text)) {
    // validRangeEnd: the last UTF-16 index within the limit, in the NFC text (the same text here).
    const start = parsed.validRangeEnd + 1;
    if (start > 0 && start < text.length) return codePointBoundary(text, start);
  }
  if (text.length > RANGE_SEARCH_MAX) return undefined;
  // The longest prefix within the limit, by binary search (prefixes grow in weight but for URLs).
  let fits = 0;
  let over = text.length;
  while (over - fits > 1) {
    const middle = Math.floor((fits + over) / 2);
    if (xWeightedLength(text.slice(0, middle)) <= max) fits = middle;
    else over = middle;
  }
  const start = codePointBoundary(text, fits);
  return start > 0 && start < text.length ? start : undefined;
}

/** Hashtags as twitter-text finds them: not in URLs, not glued to a word; indices in UTF-16 code units. */
export function extractHashtags(text: string): { hashtag: string; indices: [number, number] }[] {
  return twitterText.extractHashtagsWithIndices(text);
}

/** True when X sees `link` as one whole link (so it counts 23): not so for an IP address or localhost. */
export function isWholeXLink(link: string): boolean {
  return twitterText.extractUrls(link)[0] === link;
}
