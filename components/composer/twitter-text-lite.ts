/**
 * Stands in for the `twitter-text` package in the LinkedIn content script only (wxt.config.ts
 * aliases it there): the guideline checker needs twitter-text's weighted length for X alone, but
 * counts hashtags with it on every network. This gives the hashtags `extractHashtagsWithIndices`
 * gives (twitter-text's rules: a hash sign after a non-word character, at least one letter, not
 * followed by another hash sign or "://", not inside a URL) in about 1 KB instead of about 37 KB
 * gzipped. Its URL rules are twitter-text's for URLs written as words; for a URL glued to other
 * text (no TLD list here) a hashtag touching it may count differently, which only moves a hashtag
 * count on LinkedIn. tests/extension/composer-text.test.ts compares the two. X's counting
 * functions are deliberately absent: calling them here is a bug, and throws.
 */

const ALPHA = '[\\p{L}\\p{M}]';
const ALNUM =
  '[\\p{L}\\p{M}\\p{Nd}_\\p{Join_Control}\\ua67e\\u05be\\u05f3\\u05f4\\uff5e\\u301c\\u309b\\u309c\\u30a0\\u30fb\\u3003\\u0f0b\\u0f0c\\u00b7]';
const HASHTAG = `(^|\\uFE0E|\\uFE0F|(?!${ALNUM}|&)[^])([#\\uFF03])(?!\\uFE0F|\\u20E3)(${ALNUM}*${ALPHA}${ALNUM}*)`;
const AFTER_HASHTAG = /^(?:[#\uFF03]|:\/\/)/u;
/** twitter-text's URL path characters, and those a URL may end with (so "…/page." ends before "."). */
const ACCENTS = '\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u024f\\u0300-\\u036f\\u0400-\\u04ff\\u1e00-\\u1eff';
const PATH_CHAR = `[a-z0-9!*';:=+,.$/%#\\[\\]\\-\\u2013_~@|&${ACCENTS}]`;
const PATH_END = `[a-z0-9=_#/+\\-${ACCENTS}]`;
const HOST = '[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}';
/**
 * URLs, not right after a letter, digit, @, $ or # (and without a scheme, not after - _ . or /):
 * a hashtag that overlaps one doesn't count.
 */
const URL_LIKE = `(?<![a-z0-9@\\uFF20$#\\uFF03\\u202A-\\u202E])(?:https?:\\/\\/|(?<![-_./]))${HOST}(?:\\/(?:${PATH_CHAR}*${PATH_END})?)?`;

/** Built on first use: Unicode-property expressions cost a little to build, and most pages never count hashtags. */
let compiled: { hashtag: RegExp; url: RegExp } | undefined;
function expressions(): { hashtag: RegExp; url: RegExp } {
  // The combining marks (U+0300–U+036F) in the URL's path characters are meant: twitter-text has them.
  // eslint-disable-next-line no-misleading-character-class
  compiled ??= { hashtag: new RegExp(HASHTAG, 'gu'), url: new RegExp(URL_LIKE, 'giu') };
  return compiled;
}

export interface HashtagWithIndices {
  hashtag: string;
  indices: [number, number];
}

export function extractHashtagsWithIndices(text: string): HashtagWithIndices[] {
  if (!text || !/[#\uFF03]/u.test(text)) return [];
  const { hashtag, url } = expressions();
  const tags: HashtagWithIndices[] = [];
  for (const match of text.matchAll(hashtag)) {
    const [whole, before = '', , name = ''] = match;
    const end = match.index + whole.length;
    if (AFTER_HASHTAG.test(text.slice(end))) continue;
    const start = match.index + before.length;
    tags.push({ hashtag: name, indices: [start, start + name.length + 1] });
  }
  if (tags.length === 0) return tags;
  // As twitter-text does: hashtags and URLs by start (a hashtag first on a tie), and whichever
  // starts first wins an overlap.
  const urls = [...text.matchAll(url)].map((found) => ({ indices: [found.index, found.index + found[0].length] }));
  const entities: { hashtag?: string; indices: readonly number[] }[] = [...tags, ...urls];
  entities.sort((a, b) => (a.indices[0] ?? 0) - (b.indices[0] ?? 0));
  const kept: HashtagWithIndices[] = [];
  let end = -1;
  for (const entity of entities) {
    const [from = 0, to = 0] = entity.indices;
    if (from < end) continue;
    end = to;
    if (entity.hashtag !== undefined) kept.push(entity as HashtagWithIndices);
  }
  return kept;
}

function notHere(name: string): never {
  throw new Error(`twitter-text's ${name} is not in this bundle (LinkedIn needs no X weighted length).`);
}

export default {
  extractHashtagsWithIndices,
  parseTweet: (): never => notHere('parseTweet'),
  hasInvalidCharacters: (): never => notHere('hasInvalidCharacters'),
};
