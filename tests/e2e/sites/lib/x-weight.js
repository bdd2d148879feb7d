/**
 * X's weighted length, as the X fixture counts it to enable its Post button (280 at most): the
 * rules of twitter-text's config v3, written here for the fixture. Text is NFC-normalised; a URL
 * counts 23 whatever its length; an emoji (a whole sequence: ZWJ families, flags, keycaps, skin
 * tones) counts 2; any other code point counts 1 in the ranges below (Latin, Greek, Cyrillic and
 * the other scripts up to U+10FF, general punctuation such as dashes, quotes and primes) and 2
 * elsewhere (CJK, kana, hangul, symbols). URLs are those with a scheme, and bare domain names
 * under a few common top-level domains (twitter-text knows every TLD; the fixture's tests use
 * these). tests/e2e/sites-x.spec.ts compares it with the twitter-text package.
 */
(function () {
  'use strict';

  const MAX = 280;
  const URL_WEIGHT = 23;
  const EMOJI_WEIGHT = 2;
  /** Code point ranges that count 1; everything else counts 2. */
  const LIGHT = [
    [0x0000, 0x10ff],
    [0x2000, 0x200d],
    [0x2010, 0x201f],
    [0x2032, 0x2037],
  ];
  const TLDS = 'com|org|net|io|dev|app|co|de|jp|uk|fr|eu|ly';
  const URL = new RegExp(
    String.raw`(?:https?:\/\/|(?<![\w@.\/-])(?=(?:[a-z0-9-]+\.)+(?:${TLDS})\b))[^\s]+?(?=[.,:;!?)\]'"]*(?:\s|$))`,
    'giu',
  );
  const EMOJI = /\p{RGI_Emoji}/gv;

  const weightOf = (codePoint) => (LIGHT.some(([from, to]) => codePoint >= from && codePoint <= to) ? 1 : 2);

  /** The parts of `text` that count as one unit: [start, end, weight], URLs first, then emoji. */
  function units(text) {
    const found = [];
    for (const match of text.matchAll(URL)) found.push([match.index, match.index + match[0].length, URL_WEIGHT]);
    const inUrl = (at) => found.some(([start, end]) => at >= start && at < end);
    for (const match of text.matchAll(EMOJI)) {
      if (!inUrl(match.index)) found.push([match.index, match.index + match[0].length, EMOJI_WEIGHT]);
    }
    return found.sort((a, b) => a[0] - b[0]);
  }

  /** `text`'s weighted length. */
  function weightedLength(text) {
    const normal = text.normalize('NFC');
    const whole = units(normal);
    let length = 0;
    let at = 0;
    for (const [start, end, weight] of [...whole, [normal.length, normal.length, 0]]) {
      for (const char of normal.slice(at, start)) length += weightOf(char.codePointAt(0));
      length += weight;
      at = Math.max(at, end);
    }
    return length;
  }

  window.XFixtureWeight = { weightedLength, MAX };
})();
