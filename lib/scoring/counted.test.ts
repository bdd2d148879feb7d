/** Property tests: the counted shares as columns compare and are found as the share objects do, and scoreLocalLog scores as scoreShares. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoringRulesArbitrary } from '../../tests/helpers/scoring';
import { NETWORKS, type Network } from '../schemas';
import { compareCounted, countedShares } from './counted';
import { firstShares } from './first-shares';
import { isoMillis } from './iso-millis';
import { scoreLocalLog } from './local-log';
import { compareShares } from './rules';
import { scoreShares, scoredNetworkList } from './score';
import type { ScoredShare } from './types';

const ORIGIN = Date.UTC(2026, 2, 15, 10);
const HOUR = 3_600_000;

const shareArbitrary: fc.Arbitrary<ScoredShare> = fc.record({
  contentId: fc.constantFrom('a', 'b', 'c', 'ab', ''),
  network: fc.constantFrom(...NETWORKS),
  sharedAt: fc.integer({ min: 0, max: 4 }).map((hours) => ORIGIN + hours * HOUR),
  personalized: fc.option(fc.boolean(), { nil: undefined }),
  publishedAt: fc.option(
    fc.integer({ min: -30, max: 4 }).map((hours) => ORIGIN + hours * HOUR),
    { nil: null },
  ),
});

describe('counted shares as columns', () => {
  it('compare and are found as compareShares and firstShares say for the share objects', () => {
    fc.assert(
      fc.property(fc.array(shareArbitrary, { maxLength: 40 }), scoringRulesArbitrary, (shares, rules) => {
        const networks = scoredNetworkList(rules);
        const first = firstShares(shares, (share) => share.sharedAt, networks);
        const counted = countedShares(shares, first);
        const share = (position: number) => shares[first.picks[position]!]!;
        expect(counted.count).toBe(first.picks.length);
        for (let a = 0; a < counted.count; a++) {
          expect(counted.find(share(a).contentId, share(a).network)).toBe(a);
          for (let b = 0; b < counted.count; b++) {
            expect(Math.sign(compareCounted(counted, a, b))).toBe(Math.sign(compareShares(share(a), share(b))));
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('scoreLocalLog scores as scoreShares does the same log with its times parsed and publish times looked up', () => {
    const content = fc.array(
      fc.record({
        id: fc.constantFrom('a', 'b', 'c', 'ab', 'zz'),
        publishAt: fc.oneof(
          fc.constant(null),
          fc.constant('not a time'),
          fc.integer({ min: -30, max: 4 }).map((hours) => new Date(ORIGIN + hours * HOUR).toISOString()),
        ),
      }),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(
        fc.array(shareArbitrary, { maxLength: 40 }),
        content,
        scoringRulesArbitrary,
        (shares, items, rules) => {
          const logged = shares.map((share) => ({
            contentId: share.contentId,
            network: share.network as Network,
            sharedAt: new Date(share.sharedAt).toISOString(),
            personalized: share.personalized,
          }));
          // The simple way: each content's publish time from its last entry, every share an object.
          const published = new Map<string, number>(
            items.map((item) => [item.id, item.publishAt ? isoMillis(item.publishAt) : NaN]),
          );
          const expected = shares.map((share) => {
            const at = published.get(share.contentId);
            return {
              contentId: share.contentId,
              network: share.network,
              sharedAt: share.sharedAt,
              personalized: share.personalized === true,
              publishedAt: at === undefined || Number.isNaN(at) ? null : at,
            };
          });
          expect(scoreLocalLog(logged, items, rules, { now: ORIGIN })).toEqual(
            scoreShares(expected, rules, { now: ORIGIN }),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
