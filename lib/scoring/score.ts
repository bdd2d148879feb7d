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
import { PerPost } from './per-post';
import { compareShares, levelFor, scoredNetworks, sharePoints } from './rules';
import { streaks } from './streaks';
import type { RulesForScoring, Score, ScoredShare, ScoreOptions } from './types';

/** The counted share of each content item on each scored network: its first, by compareShares. */
export function countedShares(shares: readonly ScoredShare[], rules: RulesForScoring): PerPost<ScoredShare> {
  const counted = new PerPost<ScoredShare>();
  const scored = scoredNetworks(rules);
  for (const share of shares) {
    if (scored[share.network] !== true) continue;
    const row = counted.row(share.contentId);
    const current = row[share.network];
    if (current === undefined || compareShares(share, current) < 0) row[share.network] = share;
  }
  return counted;
}

/** Points, level, streak and badges of a share log and its clicks. */
export function scoreShares(shares: readonly ScoredShare[], rules: RulesForScoring, options: ScoreOptions = {}): Score {
  if (!rules.enabled) return disabledScore(rules);
  const cap = rules.dailyShareCap ?? Number.POSITIVE_INFINITY;
  const byWeek = new Map<number, number>();
  const byMonthDay = new Map<number, number>();
  const activeWeeks = new Set<number>();
  let total = 0;
  let count = 0;
  let personalized = 0;

  /** Points earned on a UTC day (days since the epoch), by ISO week and by day (months derive from days). */
  const earn = (day: number, points: number) => {
    total += points;
    const week = weekOfDay(day);
    byWeek.set(week, (byWeek.get(week) ?? 0) + points);
    byMonthDay.set(day, (byMonthDay.get(day) ?? 0) + points);
  };

  // No global sort is needed: one pass keeps the earliest per content and network.
  const counted = countedShares(shares, rules);

  // The daily cap applies in time order within each UTC day.
  const byDay = new Map<number, ScoredShare[]>();
  counted.forEach((share) => {
    count++;
    if (share.personalized) personalized++;
    const day = Math.floor(share.sharedAt / DAY_MS);
    activeWeeks.add(weekOfDay(day));
    const list = byDay.get(day);
    if (list) list.push(share);
    else byDay.set(day, [share]);
  });
  for (const [day, list] of byDay) {
    if (list.length > 1 && cap !== Number.POSITIVE_INFINITY) list.sort(compareShares);
    list.forEach((share, index) => {
      const earned = index < cap ? sharePoints(share, rules) : 0;
      if (earned > 0) earn(day, earned);
    });
  }

  const clickCount =
    options.clicks && options.clicks.length > 0 && count > 0 ? scoreClicks(options.clicks, counted, rules, earn) : 0;

  const weeks: Record<string, number> = {};
  for (const [week, points] of [...byWeek].sort((a, b) => a[0] - b[0])) weeks[isoWeekLabel(week)] = points;
  const months: Record<string, number> = {};
  for (const [day, points] of [...byMonthDay].sort((a, b) => a[0] - b[0])) {
    const key = monthKey(day * DAY_MS);
    months[key] = (months[key] ?? 0) + points;
  }
  const streak = streaks(activeWeeks, options.now === undefined ? undefined : isoWeekIndex(options.now));
  return {
    enabled: true,
    points: total,
    shares: count,
    clicks: clickCount,
    personalizedShares: personalized,
    level: levelFor(total, rules),
    streak,
    badges: badgeProgress(rules, {
      shares: count,
      personalizedShares: personalized,
      clicks: clickCount,
      points: total,
      streakWeeks: streak.best,
    }),
    weeks,
    months,
  };
}
