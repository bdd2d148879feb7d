/**
 * fast-check generators for scoring: rules and event logs (shares with network, content, time and
 * personalisation; clicks on the tracked links of shared content), shared by the unit properties
 * and the API test that runs the same logs through the real database.
 */
import fc from 'fast-check';
import { perNetwork } from '../../lib/networks';
import { NETWORKS, type Network, type ScoringRules } from '../../lib/schemas';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export interface ShareEventLog {
  contentIndex: number;
  network: Network;
  /** Offset from the log's origin, ms. */
  offset: number;
  personalized: boolean;
}

export interface ClickEventLog {
  contentIndex: number;
  network: Network;
  offset: number;
}

export interface EventLog {
  shares: ShareEventLog[];
  clicks: ClickEventLog[];
  /** Publish time offsets per content item (null: unknown). */
  published: (number | null)[];
}

const network = fc.constantFrom<Network>(...NETWORKS);

/** A log over `spanDays` days before the origin: a few content items, so duplicates and caps happen. */
export function eventLogArbitrary(
  options: { contents?: number; maxShares?: number; maxClicks?: number; spanDays?: number } = {},
) {
  const contents = options.contents ?? 4;
  const span = (options.spanDays ?? 70) * DAY;
  const offset = fc.integer({ min: -span, max: 0 });
  return fc.record({
    shares: fc.array(
      fc.record({
        contentIndex: fc.integer({ min: 0, max: contents - 1 }),
        network,
        offset,
        personalized: fc.boolean(),
      }),
      { maxLength: options.maxShares ?? 40 },
    ),
    clicks: fc.array(fc.record({ contentIndex: fc.integer({ min: 0, max: contents - 1 }), network, offset }), {
      maxLength: options.maxClicks ?? 60,
    }),
    published: fc.array(fc.option(offset, { nil: null, freq: 5 }), { minLength: contents, maxLength: contents }),
  });
}

const points = fc.integer({ min: 0, max: 30 });

/** Scoring rules with the guidelines' daily cap (shares per UTC day), as lib/scoring takes them. */
export const scoringRulesArbitrary: fc.Arbitrary<ScoringRules & { dailyShareCap: number | null }> = fc.record({
  enabled: fc.integer({ min: 0, max: 4 }).map((n) => n !== 0),
  // LinkedIn and X always scored; every other network sometimes switched off.
  pointsPerShare: fc.record(
    perNetwork((id) => (id === 'linkedin' || id === 'x' ? points : fc.oneof(fc.constant(0), points))),
  ),
  earlyShareBonus: fc.record({ withinHours: fc.integer({ min: 1, max: 72 }), points }),
  personalizedBonus: points,
  pointsPerClick: fc.integer({ min: 0, max: 5 }),
  maxClickPointsPerShare: fc.integer({ min: 0, max: 25 }),
  dailyShareCap: fc.option(fc.integer({ min: 1, max: 6 }), { nil: null }),
  levels: fc.constant([
    { name: 'Starter', minPoints: 0 },
    { name: 'Bronze', minPoints: 30 },
    { name: 'Silver', minPoints: 100 },
    { name: 'Gold', minPoints: 300 },
  ]),
  badges: fc.constant([
    { id: 'first', name: 'First', metric: 'shares' as const, threshold: 1 },
    { id: 'streak-3', name: 'Streak', metric: 'streakWeeks' as const, threshold: 3 },
    { id: 'own-words', name: 'Own words', metric: 'personalizedShares' as const, threshold: 3 },
    { id: 'clicks', name: 'Clicks', metric: 'clicks' as const, threshold: 10 },
    { id: 'points', name: 'Points', metric: 'points' as const, threshold: 100 },
  ]),
});
