/** What earns a badge, in words: "5 weeks in a row", "100 clicks on their links". */
import type { BadgeMetric } from '../../../../lib/schemas';

const WORDS: Record<BadgeMetric, [one: string, many: string]> = {
  shares: ['share', 'shares'],
  personalizedShares: ['share in their own words', 'shares in their own words'],
  clicks: ['click on their links', 'clicks on their links'],
  points: ['point', 'points'],
  streakWeeks: ['week in a row with a share', 'weeks in a row with a share'],
};

export function badgeRule(metric: BadgeMetric, threshold: number): string {
  const [one, many] = WORDS[metric];
  return `${threshold.toLocaleString('en-US')} ${threshold === 1 ? one : many}`;
}
