/** Each way a network counts length (lib/networks.ts `counting`), on its own: the count and where the text overflows. */
import { describe, expect, it } from 'vitest';
import { COUNTERS } from './overflow';

describe('length counting', () => {
  it.each<[keyof typeof COUNTERS, string, number]>([
    ['characters', 'abc', 3],
    ['characters', '😀😀', 2],
    ['characters', 'e\u0301', 2],
    ['graphemes', 'abc', 3],
    ['graphemes', '😀😀', 2],
    ['graphemes', 'e\u0301', 1],
    ['graphemes', '👍🏽👨‍👩‍👧', 2],
    ['twitter-weighted', 'abc', 3],
    ['twitter-weighted', '😀字', 4],
    ['twitter-weighted', 'see https://example.com/a/long/path', 4 + 23],
  ])('%s counts %j as %i', (counting, text, length) => {
    const counter = COUNTERS[counting];
    expect(counter.length(text)).toBe(length);
    expect(counter.overflow(text, length)).toBeUndefined();
    expect(counter.overflow(text, length - 1)).toMatchObject({ length });
  });

  it.each<[keyof typeof COUNTERS, string, number, number]>([
    ['characters', '😀😀😀', 2, 4],
    ['graphemes', 'e\u0301e\u0301e\u0301', 2, 4],
    ['graphemes', '👍🏽👍🏽👍🏽', 1, 4],
    ['twitter-weighted', 'a'.repeat(300), 280, 280],
    ['twitter-weighted', 'a'.repeat(30), 20, 20],
  ])('%s: %j over %i overflows at %i', (counting, text, max, start) => {
    expect(COUNTERS[counting].overflow(text, max)?.start).toBe(start);
  });
});
