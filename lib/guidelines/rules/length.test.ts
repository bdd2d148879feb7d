/** The too-long rule: X's weighted length, LinkedIn's characters, and every network's limit from the registry. */
import { describe, expect, it } from 'vitest';
import { checkPost, LINKEDIN_MAX, postLength, X_MAX, xWeightedLength } from '..';
import { network, NETWORKS, type LengthCounting } from '../../networks';
import type { Network } from '../../schemas';
import { only } from '../test-fixtures';

describe('too long', () => {
  const url = `https://example.com/${'path/'.repeat(40)}`;
  it.each<[string, Network, string, number | null, { start: number; end: number } | null]>([
    ['X at the limit', 'x', 'a'.repeat(X_MAX), null, null],
    ['X one over', 'x', 'a'.repeat(X_MAX + 1), 1, { start: 280, end: 281 }],
    ['X with a long link that counts 23', 'x', `${'a'.repeat(250)} ${url}`, null, null],
    ['X with a link over the limit', 'x', `${'a'.repeat(270)} ${url}`, 14, { start: 271, end: 271 + url.length }],
    ['X emoji count 2', 'x', '😀'.repeat(141), 2, { start: 280, end: 282 }],
    ['X CJK counts 2', 'x', '字'.repeat(141), 2, { start: 140, end: 141 }],
    ['LinkedIn at the limit', 'linkedin', 'a'.repeat(LINKEDIN_MAX), null, null],
    ['LinkedIn one over', 'linkedin', 'a'.repeat(LINKEDIN_MAX + 5), 5, { start: 3000, end: 3005 }],
    ['LinkedIn counts an emoji once', 'linkedin', '😀'.repeat(LINKEDIN_MAX), null, null],
    ['LinkedIn emoji over', 'linkedin', '😀'.repeat(LINKEDIN_MAX + 1), 1, { start: 6000, end: 6002 }],
    ['never on Facebook', 'facebook', 'a'.repeat(70_000), null, null],
  ])('%s', (_, network, text, over, range) => {
    const hints = only(checkPost(text, { network, guidelines: { bannedTerms: [] } }), 'too-long');
    if (over === null) {
      expect(hints).toEqual([]);
      return;
    }
    expect(hints).toHaveLength(1);
    expect(hints[0]).toMatchObject({ severity: 'error', range });
    expect(hints[0]?.message).toContain(`by ${over.toLocaleString('en-US')}`);
  });

  it('measures X like twitter-text', () => {
    expect(xWeightedLength('hello')).toBe(5);
    expect(xWeightedLength(`see ${url}`)).toBe(4 + 23);
    expect(xWeightedLength('😀字')).toBe(4);
    expect(xWeightedLength('')).toBe(0);
  });

  it('finds where X overflows in text twitter-text would normalise', () => {
    const text = 'e\u0301'.repeat(300); // NFC turns each pair into one é
    const [hint] = only(checkPost(text, { network: 'x', guidelines: { bannedTerms: [] } }), 'too-long');
    expect(hint?.message).toContain('by 20');
    const start = hint!.range!.start;
    expect(xWeightedLength(text.slice(0, start))).toBeLessThanOrEqual(X_MAX);
    expect(xWeightedLength(text.slice(0, start + 2))).toBeGreaterThan(X_MAX);
  });

  it('finds where X overflows in text with characters X rejects', () => {
    const text = `\uFEFF${'a'.repeat(300)}`;
    const [hint] = only(checkPost(text, { network: 'x', guidelines: { bannedTerms: [] } }), 'too-long');
    expect(hint?.range).toEqual({ start: 279, end: 301 });
  });
});

describe('every network in the registry', () => {
  /** One unit of each counting that is several UTF-16 code units: the limit is counted the network's way. */
  const WIDE: Record<LengthCounting, { unit: string; weight: number }> = {
    'twitter-weighted': { unit: '字', weight: 2 },
    characters: { unit: '😀', weight: 1 },
    graphemes: { unit: '👍🏽', weight: 1 },
  };

  it.each(NETWORKS)('%s: its limit is enforced as its counting says', (id) => {
    const { label, carriesText, length } = network(id);
    const { max, counting } = length;
    const hintsFor = (text: string) =>
      only(checkPost(text, { network: id, guidelines: { bannedTerms: [] } }), 'too-long');
    if (!carriesText) {
      // The share is the link alone: nothing the advocate writes is posted, so no length applies.
      expect(hintsFor('a'.repeat(max + 10))).toEqual([]);
      return;
    }
    expect(hintsFor('a'.repeat(max))).toEqual([]);
    const [over] = hintsFor('a'.repeat(max + 1));
    expect(over).toMatchObject({ severity: 'error', range: { start: max, end: max + 1 } });
    expect(over?.message).toContain(`Too long for ${label} by 1`);
    expect(postLength('a'.repeat(max + 1), id)).toEqual({ length: max + 1, max });

    const { unit, weight } = WIDE[counting];
    const fits = unit.repeat(Math.floor(max / weight));
    expect(hintsFor(fits)).toEqual([]);
    const [wide] = hintsFor(fits + unit);
    expect(wide?.range).toEqual({ start: fits.length, end: fits.length + unit.length });
  });
});
