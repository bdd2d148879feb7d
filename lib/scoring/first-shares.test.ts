import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstShares } from './first-shares';
import { compareShares } from './rules';
import type { ScoredShare } from './types';
import type { Network } from '../schemas';

const NETS: Network[] = ['linkedin', 'x', 'facebook'];

/** The reference: for each content and network, the least share by compareShares, the first one at a tie. */
function reference(shares: readonly ScoredShare[], networks: readonly string[]): Map<string, number> {
  const chosen = new Map<string, number>();
  shares.forEach((share, index) => {
    if (!networks.includes(share.network)) return;
    const key = `${share.contentId} ${share.network}`;
    const current = chosen.get(key);
    if (current === undefined || compareShares(share, shares[current]!) < 0) chosen.set(key, index);
  });
  return chosen;
}

const shareArbitrary = fc.record({
  contentId: fc.constantFrom('a', 'b', 'c', 'd'),
  network: fc.constantFrom(...NETS),
  sharedAt: fc.integer({ min: 0, max: 5 }),
  personalized: fc.boolean(),
});

describe('firstShares', () => {
  it('picks what compareShares picks, per content and network, and finds it again', () => {
    fc.assert(
      fc.property(fc.array(shareArbitrary, { maxLength: 40 }), fc.subarray(NETS), (shares, networks) => {
        const first = firstShares(shares, (share) => share.sharedAt, networks);
        const expected = reference(shares, networks);
        expect([...first.picks].sort((a, b) => a - b)).toEqual([...expected.values()].sort((a, b) => a - b));
        for (const [key, index] of expected) {
          const [contentId, network] = key.split(' ') as [string, string];
          const position = first.find(contentId, network);
          expect(first.picks[position]).toBe(index);
          expect(first.times[position]).toBe(shares[index]!.sharedAt);
          expect(first.slots[position]).toBe(first.slotOf(contentId));
          expect(first.networks[first.columns[position]!]).toBe(network);
        }
        expect(first.find('nowhere', 'x')).toBe(-1);
        expect(first.contents).toBe(new Set([...expected.keys()].map((key) => key.split(' ')[0])).size);
      }),
      { numRuns: 300 },
    );
  });

  it('takes every network in the log when given none, and skips networks not given', () => {
    const shares = [
      { contentId: 'a', network: 'x', sharedAt: 2 },
      { contentId: 'a', network: 'linkedin', sharedAt: 3 },
      { contentId: 'a', network: 'x', sharedAt: 1 },
    ];
    expect([...firstShares(shares, (share) => share.sharedAt).picks].sort()).toEqual([1, 2]);
    expect([...firstShares(shares, (share) => share.sharedAt, ['linkedin']).picks]).toEqual([1]);
    expect(firstShares(shares, (share) => share.sharedAt, ['linkedin']).slotOf('a')).toBe(0);
  });

  it('keeps choosing right past its first thousand contents (the tables grow)', () => {
    const shares = Array.from({ length: 5_000 }, (_, i) => ({
      contentId: `c${i % 2_500}`,
      network: 'linkedin',
      sharedAt: 10_000 - i,
    }));
    const first = firstShares(shares, (share) => share.sharedAt, ['linkedin']);
    expect(first.contents).toBe(2_500);
    // Each content's second share (i + 2,500) is the earlier one.
    expect(first.picks[first.find('c0', 'linkedin')]).toBe(2_500);
    expect(first.picks[first.find('c2499', 'linkedin')]).toBe(4_999);
  });
});
