/** The too-many-hashtags rule, the disclosure tag aside. */
import { describe, expect, it } from 'vitest';
import { checkPost } from '..';
import type { Guidelines, Network } from '../../schemas';
import { EMPLOYEE, only } from '../test-fixtures';

describe('too many hashtags', () => {
  it.each<[string, Network, string, number | undefined, { start: number; end: number } | null]>([
    ['within the limit', 'x', '#one #two', 2, null],
    ['over the limit', 'x', '#one #two #three', 2, { start: 10, end: 16 }],
    ['over the limit on LinkedIn', 'linkedin', '#one\n#two\n#three #four', 2, { start: 10, end: 16 }],
    ['none allowed', 'linkedin', 'Look #one', 0, { start: 5, end: 9 }],
    ['no limit set', 'x', '#a #b #c #d #e #f', undefined, null],
    ['not counting links', 'x', 'https://example.com/#one #two', 1, null],
    ['not counting other hash signs', 'linkedin', 'C# and F# ## #one', 1, null],
    ['not counting the disclosure tag', 'x', '#one #two #Employee', 2, null],
    ['counting other tags', 'x', '#employee #one #two #three', 2, { start: 20, end: 26 }],
  ])('%s', (_, network, text, maxHashtags, range) => {
    const guidelines: Guidelines = { ...EMPLOYEE, maxHashtags };
    const hints = only(checkPost(text, { network, guidelines }), 'too-many-hashtags');
    if (range === null) {
      expect(hints).toEqual([]);
      return;
    }
    expect(hints).toEqual([expect.objectContaining({ severity: 'warning', range })]);
    expect(hints[0]?.message).toContain(`at most ${maxHashtags}`);
  });
});
