/** Share points by UTC day under the daily cap: each counted share's day, and on a crowded day only its first `cap` shares (compareShares' order) earn. */
import { DAY_MS, HOUR_MS } from './calendar';
import { compareCounted, pointsPerNetwork, type CountedShares } from './counted';
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

/**
 * The positions (into `counted`) of the `cap` first shares by compareShares among `order[from … to)`:
 * past INSERTION_CAP by one sort; else kept in order share by share (the path for a cap that is not
 * a whole number from 1, which keeps them all, as it always has).
 */
export function earliestList(
  counted: CountedShares,
  order: Int32Array,
  from: number,
  to: number,
  cap: number,
): number[] {
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
 * earliestList for a whole-number cap from 1 to INSERTION_CAP, on typed arrays: keeps in `kept` (in
 * order; their times in `keptAt`) the positions of the `cap` first shares by compareShares among
 * `order[from … to)`, by insertion; returns how many. Times are compared as numbers, compareCounted
 * called only where they do not decide (equal, or not numbers); no array is made.
 */
export function earliest(
  counted: CountedShares,
  order: Int32Array,
  from: number,
  to: number,
  cap: number,
  kept: Int32Array,
  keptAt: Float64Array,
): number {
  const sharedAt = counted.sharedAt;
  let size = 0;
  for (let i = from; i < to; i++) {
    const member = order[i]!;
    const at = sharedAt[member]!;
    if (size === cap) {
      // Most shares are later than the last kept one: one number compared, no call.
      const lastAt = keptAt[cap - 1]!;
      if (at > lastAt || (at === lastAt && compareCounted(counted, member, kept[cap - 1]!) >= 0)) continue;
      size--;
    }
    let place = size;
    while (place > 0) {
      const byTime = at - keptAt[place - 1]!;
      if (byTime > 0 || (!(byTime < 0) && compareCounted(counted, member, kept[place - 1]!) >= 0)) break;
      kept[place] = kept[place - 1]!;
      keptAt[place] = keptAt[place - 1]!;
      place--;
    }
    kept[place] = member;
    keptAt[place] = at;
    size++;
  }
  return size;
}

/** The counted shares that earn share points, in the order they earn them, with their days. */
interface Earners {
  positions: Int32Array;
  days: Int32Array;
}

/**
 * The shares of an uncrowded day earn, in the shares' order (into `earners`; returns how many); a
 * crowded day's (more shares than `cap`) are grouped by day instead (a counting sort, into
 * `grouped.order`, each day starting at `grouped.start[day]`). A share of a network without points
 * earns nothing, so it is left out.
 */
function earnUncrowded(
  counted: CountedShares,
  cap: number,
  days: ShareDays,
  dayCount: number,
  perShare: readonly number[],
  grouped: { order: Int32Array; start: Int32Array },
  earners: Earners,
): number {
  const { dayOf, perDay } = days;
  const { order, start } = grouped;
  const { positions, days: earnerDays } = earners;
  const network = counted.network;
  const next = start.slice(0, dayCount);
  // Past the day groups, a place for the writes that count for nothing.
  const spare = order.length - 1;
  let earning = 0;
  // No branch writes alone: each array is written every time (to a place that is not kept when
  // it does not count), so the optimised loop never meets a write it has not seen and undoes itself.
  for (let i = 0; i < counted.count; i++) {
    const day = dayOf[i]!;
    const crowded = perDay[day]! > cap;
    const earns = perShare[network[i]!]! > 0;
    const at = next[day]!;
    order[crowded ? at : spare] = i;
    next[day] = crowded ? at + 1 : at;
    positions[earning] = i;
    earnerDays[earning] = day;
    earning += !crowded && earns ? 1 : 0;
  }
  return earning;
}

/** Adds each crowded day's first `cap` shares (days in number order) to `earners` after the first `earning`; returns how many there are then. */
function earnCrowded(
  counted: CountedShares,
  cap: number,
  days: ShareDays,
  dayCount: number,
  perShare: readonly number[],
  grouped: { order: Int32Array; start: Int32Array },
  earners: Earners,
  earning: number,
): number {
  const { perDay } = days;
  const { order, start } = grouped;
  const { positions, days: earnerDays } = earners;
  const network = counted.network;
  const typed = Number.isInteger(cap) && cap >= 1 && cap <= INSERTION_CAP;
  const kept = new Int32Array(typed ? cap : 0);
  const keptAt = new Float64Array(typed ? cap : 0);
  let count = earning;
  for (let day = 0; day < dayCount; day++) {
    if (!(perDay[day]! > cap)) continue;
    if (!typed) {
      for (const member of earliestList(counted, order, start[day]!, start[day + 1]!, cap)) {
        if (!(perShare[network[member]!]! > 0)) continue;
        positions[count] = member;
        earnerDays[count] = day;
        count++;
      }
      continue;
    }
    const first = earliest(counted, order, start[day]!, start[day + 1]!, cap, kept, keptAt);
    for (let k = 0; k < first; k++) {
      const member = kept[k]!;
      if (!(perShare[network[member]!]! > 0)) continue;
      positions[count] = member;
      earnerDays[count] = day;
      count++;
    }
  }
  return count;
}

/** Each earner's publish time (NaN: not known), from publishedTimes where the shares have it, else one by one. */
function publishTimes(counted: CountedShares, earners: Earners, count: number, out: Float64Array): Float64Array {
  if (counted.publishedTimes) {
    counted.publishedTimes(earners.positions, count, out);
    return out;
  }
  for (let i = 0; i < count; i++) {
    const at = counted.publishedAt(earners.positions[i]!);
    out[i] = at == null ? Number.NaN : at;
  }
  return out;
}

/**
 * Gives each counted share its share points, by day number, to `earnAt`: on an uncrowded day every
 * share in the shares' order, then each crowded day's first `cap` (days in number order). The
 * shares that earn are chosen first, then their publish times looked up together, then their
 * points given (sharePoints in rules.ts).
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
  const perDay = days.perDay;
  const start = new Int32Array(dayCount + 1);
  for (let day = 0; day < dayCount; day++) start[day + 1] = start[day]! + (perDay[day]! > cap ? perDay[day]! : 0);
  // One more than the day groups need: earnUncrowded's spare place.
  const grouped = { order: new Int32Array(start[dayCount]! + 1), start };
  const earners = { positions: new Int32Array(counted.count), days: new Int32Array(counted.count) };
  const uncrowded = earnUncrowded(counted, cap, days, dayCount, perShare, grouped, earners);
  const count = earnCrowded(counted, cap, days, dayCount, perShare, grouped, earners, uncrowded);
  const published = publishTimes(counted, earners, count, new Float64Array(count));
  const early = rules.earlyShareBonus;
  const within = early.withinHours * HOUR_MS;
  const { positions, days: earnerDays } = earners;
  for (let i = 0; i < count; i++) {
    const position = positions[i]!;
    let points = perShare[counted.network[position]!]!;
    const sharedAt = counted.sharedAt[position]!;
    const publishedAt = published[i]!;
    // NaN (not known) fails both tests.
    if (sharedAt >= publishedAt && sharedAt - publishedAt <= within) points += early.points;
    if (counted.personalized[position]) points += rules.personalizedBonus;
    if (points > 0) earnAt(earnerDays[i]!, points);
  }
}
