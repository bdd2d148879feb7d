/** Click points: per click on a counted share's tracked link, at most `maxClickPointsPerShare` per share. */
import { DAY_MS } from './calendar';
import type { RulesForScoring, ScoredClick } from './types';

/**
 * Counts the clicks on counted shares and gives their points, in each share's click order, to
 * `earn` (by UTC day of the click); returns the clicks counted (beyond the points cap too).
 */
export function scoreClicks(
  clicks: readonly ScoredClick[],
  /** The position of the counted share of a content on a network, or -1. */
  find: (contentId: string, network: string) => number,
  rules: RulesForScoring,
  earn: (day: number, points: number) => void,
): number {
  const perShare = new Map<number, ScoredClick[]>();
  for (const click of clicks) {
    const share = find(click.contentId, click.network);
    if (share < 0) continue;
    const list = perShare.get(share);
    if (list) list.push(click);
    else perShare.set(share, [click]);
  }
  const perClick = rules.pointsPerClick;
  const maxPerShare = rules.maxClickPointsPerShare;
  let count = 0;
  for (const list of perShare.values()) {
    if (list.length > 1) list.sort((a, b) => a.at - b.at);
    let used = 0;
    for (const click of list) {
      const clicks = click.count ?? 1;
      count += clicks;
      if (perClick <= 0 || used >= maxPerShare) continue;
      const earned = Math.min(clicks * perClick, maxPerShare - used);
      used += earned;
      earn(Math.floor(click.at / DAY_MS), earned);
    }
  }
  return count;
}
