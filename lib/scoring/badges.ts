/** Badges are data-driven: earned once their metric reaches the threshold. */
import { DEFAULT_BADGES, type BadgeMetric } from '../schemas';
import { levelFor } from './rules';
import type { BadgeProgress, RulesForScoring, Score } from './types';

export function badgeProgress(rules: RulesForScoring, values: Record<BadgeMetric, number>): BadgeProgress[] {
  return (rules.badges ?? DEFAULT_BADGES).map((badge) => {
    const value = values[badge.metric];
    return {
      id: badge.id,
      name: badge.name,
      ...(badge.description !== undefined ? { description: badge.description } : {}),
      metric: badge.metric,
      threshold: badge.threshold,
      value,
      earned: value >= badge.threshold,
    };
  });
}

/** The score when the admins turned gamification off: everything zero. */
export function disabledScore(rules: RulesForScoring): Score {
  return {
    enabled: false,
    points: 0,
    shares: 0,
    clicks: 0,
    personalizedShares: 0,
    level: levelFor(0, rules),
    streak: { current: 0, best: 0 },
    badges: badgeProgress(rules, { shares: 0, personalizedShares: 0, clicks: 0, points: 0, streakWeeks: 0 }),
    weeks: {},
    months: {},
  };
}
