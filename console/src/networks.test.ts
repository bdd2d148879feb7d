/** The console's view of the network registry: variants and labels. */
import { describe, expect, it } from 'vitest';
import { NETWORKS, TEXT_NETWORKS, network, perTextNetwork } from '../../lib/networks';
import { allVariants, labelOf, labelsOf, variantsOf } from './networks';

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
