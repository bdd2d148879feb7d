/** Text helpers the rules share: white space collapsed, and a short excerpt of a match. */
import { codePointBoundary } from '../phrases';

const WHITE_SPACE = /\s+/gu;

/**
 * Runs of white space made one space, and trimmed. An exec loop, not String#replace: once
 * twitter-text has loaded, replace with a regex runs several times slower (its core-js polyfills
 * probe RegExp species, which turns V8's fast path off for the whole page or content script).
 */
export function collapseWhiteSpace(text: string): string {
  let result = '';
  let last = 0;
  WHITE_SPACE.lastIndex = 0;
  for (let match = WHITE_SPACE.exec(text); match; match = WHITE_SPACE.exec(text)) {
    result += `${text.slice(last, match.index)} `;
    last = match.index + match[0].length;
  }
  return (result + text.slice(last)).trim();
}

/** At most 40 code units of the text, white space collapsed, with an ellipsis when cut. */
export function excerpt(text: string): string {
  const flat = collapseWhiteSpace(text);
  const cut = codePointBoundary(flat, 40);
  return flat.length > 40 ? `${flat.slice(0, cut)}…` : flat;
}
