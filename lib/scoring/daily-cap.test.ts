/** Property tests: the daily cap's typed insertion (earliest) keeps what the plain list (earliestList) keeps, ties and unparsed times included. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CountedShares } from './counted';
import { earliest, earliestList } from './daily-cap';

/** Counted shares from (time, content, network, personalised) rows; a time of -1 stands for one that did not parse. */
function counted(
  rows: readonly { at: number; content: number; network: number; personalized: boolean }[],
): CountedShares {
  return {
    count: rows.length,
    sharedAt: Float64Array.from(rows, (row) => (row.at < 0 ? Number.NaN : row.at)),
    personalized: Uint8Array.from(rows, (row) => (row.personalized ? 1 : 0)),
    network: Int32Array.from(rows, (row) => row.network),
    networks: ['linkedin', 'x', 'facebook'],
    contentId: (position) => `c${rows[position]!.content}`,
    publishedAt: () => null,
    find: () => -1,
  };
}

describe('earliest', () => {
  it('keeps the shares earliestList keeps, in the same order, for every whole cap up to 32', () => {
    const row = fc.record({
      // Few distinct times, so ties are common.
      at: fc.integer({ min: -1, max: 6 }),
      content: fc.integer({ min: 0, max: 5 }),
      network: fc.integer({ min: 0, max: 2 }),
      personalized: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), fc.integer({ min: 1, max: 32 }), (rows, cap) => {
        const shares = counted(rows);
        // The day's members in a shuffled order, as the counting sort leaves them.
        const order = Int32Array.from(rows.keys()).reverse();
        const kept = new Int32Array(cap);
        const keptAt = new Float64Array(cap);
        const size = earliest(shares, order, 0, order.length, cap, kept, keptAt);
        const expected = earliestList(shares, order, 0, order.length, cap);
        expect([...kept.subarray(0, size)]).toEqual(expected);
        expect([...keptAt.subarray(0, size)]).toEqual(expected.map((position) => shares.sharedAt[position]));
      }),
      { numRuns: 500 },
    );
  });
});
