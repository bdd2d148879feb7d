/**
 * Points, level, streak and badges for a log of shares and the clicks they brought. The rules, in
 * the order they apply:
 * - Shares are taken in time order; only the first share of a content item on a network counts.
 * - A network whose points per share are 0 is switched off entirely: its shares earn nothing (no
 *   bonus, no click points) and count toward neither streaks nor badges (Facebook's policy).
 * - A counted share earns its network's points, plus the early-share bonus when made within N hours
 *   of publishing, plus the personalisation bonus when the advocate changed the suggested text.
 *   The daily cap (the guidelines' `dailyShareCap`) counts shares per UTC day, in time order: the
 *   counted shares past it that day earn no share points (they still count for streaks and badges).
 * - Each click on a counted share's tracked link earns points per click, at most
 *   `maxClickPointsPerShare` per share, in the clicks' time order. Clicks are not under the daily cap.
 * - Points belong to the ISO week and month (UTC) in which they were earned: the share's time for
 *   share points, the click's for click points.
 * - The streak is the run of consecutive ISO weeks (UTC) with a counted share, up to the current
 *   week (or the one before, so it survives until the week is over).
 */
import { badgeProgress, disabledScore } from './badges';
import { DAY_MS, isoWeekIndex, isoWeekLabel, monthKey, weekOfDay } from './calendar';
import { scoreClicks } from './clicks';
import { DenseDays } from './dense-days';
import { countedShares, type CountedShares } from './counted';
import { earnSharePoints, shareDays } from './daily-cap';
import { firstShares } from './first-shares';
import { levelFor, scoredNetworks } from './rules';
import { streaks } from './streaks';
import type { Network } from '../schemas';
import type { RulesForScoring, Score, ScoredShare, ScoreOptions } from './types';

/** The networks the rules score, as a list. */
export function scoredNetworkList(rules: Pick<RulesForScoring, 'pointsPerShare'>): Network[] {
  return Object.keys(scoredNetworks(rules)) as Network[];
}

/** Points, level, streak and badges of a share log and its clicks. */
export function scoreShares(shares: readonly ScoredShare[], rules: RulesForScoring, options: ScoreOptions = {}): Score {
  if (!rules.enabled) return disabledScore(rules);
  // No global sort is needed: one pass keeps the earliest per content and network.
  const first = firstShares(shares, (share) => share.sharedAt, scoredNetworkList(rules));
  return scoreCounted(countedShares(shares, first), rules, options);
}

/** Scores shares already reduced to one per post (firstShares' choice), as columns. */
export function scoreCounted(counted: CountedShares, rules: RulesForScoring, options: ScoreOptions): Score {
  // UTC days (days since the epoch) get dense numbers in the order met: points add up per day,
  // and weeks and months are added up from the days at the end.
  const dense = new DenseDays();
  const days = dense.days;
  let total = 0;
  const points: number[] = [];
  const earnAt = (index: number, earned: number) => {
    total += earned;
    points[index]! += earned;
  };

  const count = counted.count;
  const shareDay = shareDays(counted, dense);
  const dayCount = days.length;
  for (let day = 0; day < dayCount; day++) points.push(0);
  // Every day so far holds a counted share: their weeks make the streaks.
  const activeWeeks = new Set<number>();
  for (const day of days) activeWeeks.add(weekOfDay(day));
  earnSharePoints(counted, rules, shareDay, dayCount, earnAt);

  const earn = (day: number, earned: number) => {
    const index = dense.indexOf(day);
    if (index === points.length) points.push(0);
    earnAt(index, earned);
  };

  const clickCount =
    options.clicks && options.clicks.length > 0 && count > 0
      ? scoreClicks(options.clicks, counted.find, rules, earn)
      : 0;

  const weeks: Record<string, number> = {};
  const months: Record<string, number> = {};
  const byDate: number[] = [];
  for (let index = 0; index < days.length; index++) byDate.push(index);
  byDate.sort((a, b) => days[a]! - days[b]!);
  for (const index of byDate) {
    const earned = points[index]!;
    if (earned === 0) continue;
    const week = isoWeekLabel(weekOfDay(days[index]!));
    weeks[week] = (weeks[week] ?? 0) + earned;
    const month = monthKey(days[index]! * DAY_MS);
    months[month] = (months[month] ?? 0) + earned;
  }
  const streak = streaks(activeWeeks, options.now === undefined ? undefined : isoWeekIndex(options.now));
  return {
    enabled: true,
    points: total,
    shares: count,
    clicks: clickCount,
    personalizedShares: shareDay.personalized,
    level: levelFor(total, rules),
    streak,
    badges: badgeProgress(rules, {
      shares: count,
      personalizedShares: shareDay.personalized,
      clicks: clickCount,
      points: total,
      streakWeeks: streak.best,
    }),
    weeks,
    months,
  };
}
