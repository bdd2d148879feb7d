/** The console's view of the network registry: lengths as each network counts them, variants, labels. */
import { describe, expect, it } from 'vitest';
import { NETWORKS, TEXT_NETWORKS, network } from '../../lib/networks';
import { allVariants, countLength, labelOf, labelsOf, lengthOn, perTextNetwork, variantsOf } from './networks';

describe('lengths', () => {
  it('counts characters as UTF-16 units, graphemes as people see them, X by its weighted length', () => {
    const family = '👨‍👩‍👧';
    expect(countLength(`a${family}`, 'characters')).toBe(1 + family.length);
    expect(countLength(`a${family}`, 'graphemes')).toBe(2);
    expect(countLength('see https://example.com/a/very/long/path/indeed', 'twitter-weighted')).toBe(4 + 23);
  });

  it('uses the rule of each network in the registry', () => {
    const text = 'Hello 👋 https://example.com/launch';
    for (const id of NETWORKS) expect(lengthOn(id, text)).toBe(countLength(text, network(id).length.counting));
  });
});

describe('variants and labels', () => {
  it('makes one value per text network, and reads any network’s variants', () => {
    expect(Object.keys(perTextNetwork(() => 0))).toEqual(TEXT_NETWORKS);
    const variants = Object.fromEntries(TEXT_NETWORKS.map((id) => [id, [`${id} text`]]));
    for (const id of TEXT_NETWORKS) expect(variantsOf(variants, id)).toEqual([`${id} text`]);
    expect(allVariants(variants)).toEqual(TEXT_NETWORKS.map((id) => `${id} text`));
    expect(allVariants(undefined)).toEqual([]);
  });

  it('names networks in the registry’s order, and an unknown one by its id', () => {
    expect(labelsOf([...NETWORKS].reverse())).toBe(NETWORKS.map((id) => network(id).label).join(', '));
    expect(labelOf('mastodon')).toBe('mastodon');
  });
});
