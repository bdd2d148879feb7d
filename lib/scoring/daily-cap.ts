/** Share points by UTC day under the daily cap: each counted share's day, and on a crowded day only its first `cap` shares (compareShares' order) earn. */
import { DAY_MS } from './calendar';
import { compareCounted, pointsAt, pointsPerNetwork, type CountedShares } from './counted';
import type { DenseDays } from './dense-days';
import type { RulesForScoring } from './types';

// Each long loop below is a function of its own, returning only what existed before the loop: so
// the loop is optimised (while the first call runs it) with nothing after it that the first call
// has not reached, which would undo the optimisation.

/** The counted shares' days. */
export interface ShareDays {
  /** Each share's day, as its number in the DenseDays. */
  dayOf: Int32Array;
  /** How many shares each day (by number) has. */
  perDay: Int32Array;
  /** How many of the shares are personalised. */
  personalized: number;
}

/** How many of the counted shares are personalised. */
function countPersonalized(counted: CountedShares): number {
  let personalized = 0;
  for (let i = 0; i < counted.count; i++) if (counted.personalized[i]) personalized++;
  return personalized;
}

/** Numbers the UTC day of each counted share in `dense` (in the shares' order) and counts the shares per day. */
export function shareDays(counted: CountedShares, dense: DenseDays): ShareDays {
  const days: ShareDays = {
    dayOf: new Int32Array(counted.count),
    perDay: new Int32Array(64),
    personalized: countPersonalized(counted),
  };
  const { dayOf } = days;
  const sharedAt = counted.sharedAt;
  let perDay = days.perDay;
  for (let i = 0; i < counted.count; i++) {
    const day = dense.indexOf(Math.floor(sharedAt[i]! / DAY_MS));
    if (day === perDay.length) {
      days.perDay = new Int32Array(day * 2);
      days.perDay.set(perDay);
      perDay = days.perDay;
    }
    perDay[day]!++;
    dayOf[i] = day;
  }
  return days;
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

/**
 * The shares of an uncrowded day earn at once, in the shares' order; a crowded day's (more shares
 * than `cap`) are grouped by day instead (a counting sort): the positions, and where each day's start.
 */
function earnUncrowded(
  counted: CountedShares,
  rules: RulesForScoring,
  cap: number,
  days: ShareDays,
  dayCount: number,
  perShare: readonly number[],
  earnAt: (day: number, points: number) => void,
): { order: Int32Array; start: Int32Array } {
  const { dayOf, perDay } = days;
  const start = new Int32Array(dayCount + 1);
  for (let day = 0; day < dayCount; day++) start[day + 1] = start[day]! + (perDay[day]! > cap ? perDay[day]! : 0);
  const grouped = { order: new Int32Array(start[dayCount]!), start };
  const order = grouped.order;
  const next = start.slice(0, dayCount);
  for (let i = 0; i < counted.count; i++) {
    const day = dayOf[i]!;
    if (perDay[day]! > cap) {
      order[next[day]!++] = i;
    } else {
      const earned = pointsAt(counted, i, rules, perShare);
      if (earned > 0) earnAt(day, earned);
    }
  }
  return grouped;
}

/**
 * Gives each counted share its share points, by day number, to `earnAt`: on an uncrowded day every
 * share in the shares' order, then each crowded day's first `cap` (days in number order).
 */
export function earnSharePoints(
  counted: CountedShares,
  rules: RulesForScoring,
  days: ShareDays,
  dayCount: number,
  earnAt: (day: number, points: number) => void,
): void {
  const cap = rules.dailyShareCap ?? Number.POSITIVE_INFINITY;
  const perShare = pointsPerNetwork(counted.networks, rules);
  const { order, start } = earnUncrowded(counted, rules, cap, days, dayCount, perShare, earnAt);
  const perDay = days.perDay;
  for (let day = 0; day < dayCount; day++) {
    if (!(perDay[day]! > cap)) continue;
    for (const member of earliest(counted, order, start[day]!, start[day + 1]!, cap)) {
      const earned = pointsAt(counted, member, rules, perShare);
      if (earned > 0) earnAt(day, earned);
    }
  }
}
