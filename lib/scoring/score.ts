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
import { compareCounted, countedShares, pointsAt, pointsPerNetwork, type CountedShares } from './counted';
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

/** Up to this daily cap the first shares of a crowded day are kept by insertion; past it the day is sorted. */
const INSERTION_CAP = 32;

/** The positions (into `counted`) of the `cap` first shares by compareShares among `order[from … to)`. */
function earliest(counted: CountedShares, order: Int32Array, from: number, to: number, cap: number): number[] {
  // A large cap: one sort of the day beats keeping a long list in order share by share.
  if (cap > INSERTION_CAP) {
    const members = Array.from(order.subarray(from, to));
    members.sort((a, b) => compareCounted(counted, a, b));
    return members.slice(0, cap);
  }
  const sharedAt = counted.sharedAt;
  const kept: number[] = [];
  for (let i = from; i < to; i++) {
    const member = order[i]!;
    if (kept.length === cap) {
      // Most shares are later than the last kept one: one number compared, no call.
      const last = kept[cap - 1]!;
      if (
        sharedAt[member]! > sharedAt[last]! ||
        (sharedAt[member] === sharedAt[last] && compareCounted(counted, member, last) >= 0)
      ) {
        continue;
      }
      kept.pop();
    }
    let at = kept.length;
    while (at > 0 && compareCounted(counted, member, kept[at - 1]!) < 0) at--;
    kept.splice(at, 0, member);
  }
  return kept;
}

/** Scores shares already reduced to one per post (firstShares' choice), as columns. */
export function scoreCounted(counted: CountedShares, rules: RulesForScoring, options: ScoreOptions): Score {
  const cap = rules.dailyShareCap ?? Number.POSITIVE_INFINITY;
  // UTC days (days since the epoch) get dense numbers in the order met: points add up per day,
  // and weeks and months are added up from the days at the end.
  const dense = new Map<number, number>();
  const days: number[] = [];
  const points: number[] = [];
  const denseDay = (day: number) => {
    let index = dense.get(day);
    if (index === undefined) {
      index = days.length;
      dense.set(day, index);
      days.push(day);
      points.push(0);
    }
    return index;
  };
  let total = 0;
  const earn = (day: number, earned: number) => {
    total += earned;
    points[denseDay(day)]! += earned;
  };

  const count = counted.count;
  const sharedAt = counted.sharedAt;
  const perShare = pointsPerNetwork(counted.networks, rules);
  const dayOf = new Int32Array(count);
  let personalized = 0;
  for (let i = 0; i < count; i++) {
    if (counted.personalized[i]) personalized++;
    dayOf[i] = denseDay(Math.floor(sharedAt[i]! / DAY_MS));
  }
  // Every day so far holds a counted share: their weeks make the streaks.
  const activeWeeks = new Set<number>();
  for (const day of days) activeWeeks.add(weekOfDay(day));

  // Each counted share earns its points, but past the daily cap only each day's first `cap` do.
  const perDay = new Int32Array(days.length);
  if (cap !== Number.POSITIVE_INFINITY) for (let i = 0; i < count; i++) perDay[dayOf[i]!]!++;
  const crowded: number[] = [];
  for (let i = 0; i < count; i++) {
    const day = dayOf[i]!;
    if (perDay[day] === -1) continue;
    if (perDay[day]! > cap) {
      // A crowded day (-1 from now on): its shares are chosen below.
      crowded.push(day);
      perDay[day] = -1;
      continue;
    }
    const earned = pointsAt(counted, i, rules, perShare);
    if (earned > 0) earn(days[day]!, earned);
  }
  if (crowded.length > 0) {
    // The crowded days' shares grouped by day (a counting sort), then each day's first `cap`.
    const start = new Int32Array(days.length + 1);
    for (let i = 0; i < count; i++) if (perDay[dayOf[i]!] === -1) start[dayOf[i]! + 1]!++;
    for (let day = 0; day < days.length; day++) start[day + 1]! += start[day]!;
    const order = new Int32Array(start[days.length]!);
    const next = start.slice(0, days.length);
    for (let i = 0; i < count; i++) if (perDay[dayOf[i]!] === -1) order[next[dayOf[i]!]!++] = i;
    for (const day of crowded) {
      for (const member of earliest(counted, order, start[day]!, start[day + 1]!, cap)) {
        const earned = pointsAt(counted, member, rules, perShare);
        if (earned > 0) earn(days[day]!, earned);
      }
    }
  }

  const clickCount =
    options.clicks && options.clicks.length > 0 && count > 0
      ? scoreClicks(options.clicks, counted.find, rules, earn)
      : 0;

  const weeks: Record<string, number> = {};
  const months: Record<string, number> = {};
  const order = days.map((day, index) => index).sort((a, b) => days[a]! - days[b]!);
  for (const index of order) {
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
