/**
 * The panel's search: every word typed must appear in the post's title or one of its tags (a
 * leading "#" is ignored), case and accents aside.
 */
import type { ComposerItem } from '../../shared/messaging';

function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

export function filterSuggestions(items: readonly ComposerItem[], query: string): ComposerItem[] {
  const words = fold(query)
    .split(/\s+/u)
    .map((word) => word.replace(/^[#\uFF03]+/u, ''))
    .filter((word) => word !== '');
  if (words.length === 0) return [...items];
  return items.filter((item) => {
    const haystacks = [fold(item.title), ...item.tags.map(fold)];
    return words.every((word) => haystacks.some((haystack) => haystack.includes(word)));
  });
}
