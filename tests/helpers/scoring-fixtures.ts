/** Rules, times and share/click builders for the scoring module's unit tests (lib/scoring/*.test.ts). */
import type { RulesForScoring, ScoredClick, ScoredShare } from '../../lib/scoring';
import { DEFAULT_SCORING, type Network } from '../../lib/schemas';
import { DAY } from './scoring';

/** Scoring rules with the guidelines' daily cap (lib/scoring withDailyCap): two shares a UTC day earn points. */
export const RULES: RulesForScoring & { badges: NonNullable<RulesForScoring['badges']> } = {
  enabled: true,
  pointsPerShare: { ...DEFAULT_SCORING.pointsPerShare, linkedin: 10, x: 8, facebook: 5 },
  earlyShareBonus: { withinHours: 24, points: 5 },
  personalizedBonus: 3,
  pointsPerClick: 1,
  maxClickPointsPerShare: 4,
  dailyShareCap: 2,
  levels: [
    { name: 'Starter', minPoints: 0 },
    { name: 'Bronze', minPoints: 20 },
    { name: 'Silver', minPoints: 50 },
  ],
  badges: [
    { id: 'first-share', name: 'First share', metric: 'shares', threshold: 1 },
    { id: 'streak-3', name: 'Three weeks', metric: 'streakWeeks', threshold: 3 },
    { id: 'own-words-2', name: 'Own words', metric: 'personalizedShares', threshold: 2 },
    { id: 'clicks-5', name: 'Five clicks', metric: 'clicks', threshold: 5 },
  ],
};

/** Monday 2026-01-05 09:00 UTC: ISO week 2026-W02. */
export const T0 = Date.UTC(2026, 0, 5, 9);
export const WEEK = 7 * DAY;

export const share = (
  contentId: string,
  network: Network,
  sharedAt: number,
  extra: Partial<ScoredShare> = {},
): ScoredShare => ({
  contentId,
  network,
  sharedAt,
  ...extra,
});
export const clicks = (contentId: string, network: Network, at: number, count = 1): ScoredClick => ({
  contentId,
  network,
  at,
  count,
});
