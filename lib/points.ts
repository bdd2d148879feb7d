/**
 * The one scoring module: points, level, streak and badges for a log of shares and the clicks they
 * brought, under the admins' scoring rules. The extension runs it on its local share log, the
 * server on the share events and click counts it stored, so both show the same numbers.
 *
 * The rules, in the order they apply:
 * - Shares are taken in time order; only the first share of a content item on a network counts.
 * - A network whose points per share are 0 is switched off entirely: its shares earn nothing (no
 *   bonus, no click points) and count toward neither streaks nor badges (Facebook's policy).
 * - A counted share earns its network's points, plus the early-share bonus when made within N hours
 *   of publishing, plus the personalisation bonus when the advocate changed the suggested text.
 *   Share points (bonuses included) are capped per UTC day, in time order.
 * - Each click on a counted share's tracked link earns points per click, at most
 *   `maxClickPointsPerShare` per share, in the clicks' time order. Clicks are not under the daily cap.
 * - Points belong to the ISO week and month (UTC) in which they were earned: the share's time for
 *   share points, the click's for click points.
 * - The streak is the run of consecutive ISO weeks (UTC) with a counted share, up to the current
 *   week (or the one before, so it survives until the week is over).
 * - Badges are data-driven: earned once their metric reaches the threshold.
 */
import { DEFAULT_BADGES, type BadgeMetric, type Network, type ScoringRules } from './schemas';

export interface ScoredShare {
  /** The event's id, where known (not used for scoring). */
  id?: string;
  contentId: string;
  network: Network;
  /** Milliseconds since the epoch. */
  sharedAt: number;
  personalized?: boolean;
  /** When the content was published (ms), for the early-share bonus; unknown: no bonus. */
  publishedAt?: number | null;
}

/** Clicks on the tracked link of an advocate's share of `contentId` on `network`. */
export interface ScoredClick {
  contentId: string;
  network: Network;
  /** When (ms); the server stores clicks by the hour and gives the hour's start. */
  at: number;
  /** How many clicks at that moment; default 1. */
  count?: number;
}

/** Rules as stored or synced: documents from before badges existed have none (the defaults apply). */
export type RulesForScoring = Omit<ScoringRules, 'badges'> & { badges?: ScoringRules['badges'] };

export interface Level {
  name: string;
  minPoints: number;
  next: { name: string; minPoints: number } | null;
}

/** What the popup's points region shows. */
export interface PointsSummary {
  points: number;
  shares: number;
  level: Level;
}

export interface BadgeProgress {
  id: string;
  name: string;
  description?: string;
  metric: BadgeMetric;
  threshold: number;
  value: number;
  earned: boolean;
}

export interface Score extends PointsSummary {
  /** false when the admins turned gamification off: everything is zero. */
  enabled: boolean;
  /** Clicks on counted shares' tracked links (all of them, beyond the click-points cap). */
  clicks: number;
  personalizedShares: number;
  streak: { current: number; best: number };
  badges: BadgeProgress[];
  /** Points by ISO week of earning, e.g. `{"2026-W05": 35}`. */
  weeks: Record<string, number>;
  /** Points by UTC month of earning, e.g. `{"2026-02": 120}`. */
  months: Record<string, number>;
}

export interface ScoreOptions {
  clicks?: readonly ScoredClick[];
  /** The moment the streak is judged at; default: the latest counted share. */
  now?: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const NETWORK_SLOT: Record<Network, number> = { linkedin: 0, x: 1, facebook: 2 };

/** Each scored network's slot (0–2) among a content item's three; networks switched off have none. */
function slotOffsets(rules: RulesForScoring): Partial<Record<string, number>> {
  const offsets: Partial<Record<string, number>> = {};
  for (const [network, slot] of Object.entries(NETWORK_SLOT)) {
    if (rules.pointsPerShare[network as Network] > 0) offsets[network] = slot;
  }
  return offsets;
}

/** ISO weeks since the epoch's week (Monday 1969-12-29): consecutive weeks are consecutive numbers. */
export function isoWeekIndex(ms: number): number {
  return Math.floor((Math.floor(ms / DAY_MS) + 3) / 7);
}

/** The Monday 00:00 UTC a week index starts at. */
export function isoWeekStart(week: number): number {
  return (week * 7 - 3) * DAY_MS;
}

/** "2026-W05": the ISO 8601 week (UTC) of a week index. */
export function isoWeekLabel(week: number): string {
  const thursday = week * 7; // days since the epoch: Monday is week*7-3, Thursday three days on
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  const number = Math.floor((thursday - Date.UTC(year, 0, 1) / DAY_MS) / 7) + 1;
  return `${year}-W${String(number).padStart(2, '0')}`;
}

export function isoWeekKey(ms: number): string {
  return isoWeekLabel(isoWeekIndex(ms));
}

/** "2026-02": the UTC month of a moment. */
export function monthKey(ms: number): string {
  const date = new Date(ms);
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

export function monthStart(ms: number): number {
  const date = new Date(ms);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
}

export interface WeekPoints {
  /** "2026-W05" */
  week: string;
  /** Monday 00:00 UTC, ISO. */
  startsAt: string;
  points: number;
}

/** The last `count` ISO weeks up to the one holding `now`, oldest first, with their points. */
export function recentWeeks(weeks: Readonly<Record<string, number>>, now: number, count: number): WeekPoints[] {
  const thisWeek = isoWeekIndex(now);
  return Array.from({ length: count }, (_, i) => {
    const week = thisWeek - (count - 1) + i;
    const label = isoWeekLabel(week);
    return { week: label, startsAt: new Date(isoWeekStart(week)).toISOString(), points: weeks[label] ?? 0 };
  });
}

/** Points of one share before the daily cap: network points plus the bonuses it qualifies for. */
export function sharePoints(share: ScoredShare, rules: RulesForScoring): number {
  let points = rules.pointsPerShare[share.network];
  if (points <= 0) return 0;
  const early = rules.earlyShareBonus;
  if (
    share.publishedAt != null &&
    share.sharedAt >= share.publishedAt &&
    share.sharedAt - share.publishedAt <= early.withinHours * HOUR_MS
  ) {
    points += early.points;
  }
  if (share.personalized) points += rules.personalizedBonus;
  return points;
}

export function levelFor(points: number, rules: Pick<RulesForScoring, 'levels'>): Level {
  let index = 0;
  rules.levels.forEach((level, i) => {
    if (points >= level.minPoints) index = i;
  });
  const current = rules.levels[index]!;
  const next = rules.levels[index + 1];
  return {
    name: current.name,
    minPoints: current.minPoints,
    next: next ? { name: next.name, minPoints: next.minPoints } : null,
  };
}

/** Time order; equal times are ordered by content, network and personalisation so any input order scores alike. */
export function compareShares(a: ScoredShare, b: ScoredShare): number {
  return (
    a.sharedAt - b.sharedAt ||
    (a.contentId < b.contentId ? -1 : a.contentId > b.contentId ? 1 : 0) ||
    (a.network < b.network ? -1 : a.network > b.network ? 1 : 0) ||
    Number(Boolean(b.personalized)) - Number(Boolean(a.personalized))
  );
}

/** Runs of consecutive week indices: the longest, and the one reaching `current` or the week before. */
function streaks(weeks: Set<number>, current: number | undefined): { current: number; best: number } {
  if (weeks.size === 0) return { current: 0, best: 0 };
  const sorted = [...weeks].sort((a, b) => a - b);
  let best = 1;
  let run = 1;
  for (let i = 1; i < sorted.length; i++) {
    run = sorted[i] === sorted[i - 1]! + 1 ? run + 1 : 1;
    if (run > best) best = run;
  }
  const latest = sorted[sorted.length - 1]!;
  const judgedAt = current ?? latest;
  let end = weeks.has(judgedAt) ? judgedAt : weeks.has(judgedAt - 1) ? judgedAt - 1 : undefined;
  let now = 0;
  while (end !== undefined && weeks.has(end)) {
    now++;
    end--;
  }
  return { current: now, best };
}

function badgeProgress(rules: RulesForScoring, values: Record<BadgeMetric, number>): BadgeProgress[] {
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

function disabledScore(rules: RulesForScoring): Score {
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

/** Points, level, streak and badges of a share log and its clicks. */
export function scoreShares(shares: readonly ScoredShare[], rules: RulesForScoring, options: ScoreOptions = {}): Score {
  if (!rules.enabled) return disabledScore(rules);
  const cap = rules.dailyPointsCap ?? Number.POSITIVE_INFINITY;
  const byWeek = new Map<number, number>();
  const byMonthDay = new Map<number, number>();
  const activeWeeks = new Set<number>();
  let total = 0;
  let count = 0;
  let personalized = 0;

  /** Points earned on a UTC day (days since the epoch), by ISO week and by day (months derive from days). */
  const earn = (day: number, points: number) => {
    total += points;
    const week = Math.floor((day + 3) / 7);
    byWeek.set(week, (byWeek.get(week) ?? 0) + points);
    byMonthDay.set(day, (byMonthDay.get(day) ?? 0) + points);
  };

  // The counted share of each content item on each network: its first, in time order. No global
  // sort is needed: one pass keeps the earliest per content and network (three slots per content).
  const slotBase = new Map<string, number>();
  const counted: (ScoredShare | undefined)[] = [];
  const offsets = slotOffsets(rules);
  for (const share of shares) {
    const offset = offsets[share.network];
    if (offset === undefined) continue;
    let base = slotBase.get(share.contentId);
    if (base === undefined) {
      base = counted.length;
      counted.push(undefined, undefined, undefined);
      slotBase.set(share.contentId, base);
    }
    const slot = base + offset;
    const current = counted[slot];
    if (current === undefined || compareShares(share, current) < 0) counted[slot] = share;
  }

  // The daily cap applies in time order within each UTC day.
  const byDay = new Map<number, ScoredShare[]>();
  for (const share of counted) {
    if (!share) continue;
    count++;
    if (share.personalized) personalized++;
    const day = Math.floor(share.sharedAt / DAY_MS);
    activeWeeks.add(Math.floor((day + 3) / 7));
    const list = byDay.get(day);
    if (list) list.push(share);
    else byDay.set(day, [share]);
  }
  for (const [day, list] of byDay) {
    if (list.length > 1 && cap !== Number.POSITIVE_INFINITY) list.sort(compareShares);
    let sofar = 0;
    for (const share of list) {
      const earned = Math.min(sharePoints(share, rules), cap - sofar);
      if (earned > 0) {
        sofar += earned;
        earn(day, earned);
      }
    }
  }

  let clickCount = 0;
  if (options.clicks && options.clicks.length > 0 && count > 0) {
    const perShare = new Map<ScoredShare, ScoredClick[]>();
    for (const click of options.clicks) {
      const base = slotBase.get(click.contentId);
      const share = base === undefined ? undefined : counted[base + NETWORK_SLOT[click.network]];
      if (!share) continue;
      const list = perShare.get(share);
      if (list) list.push(click);
      else perShare.set(share, [click]);
    }
    const perClick = rules.pointsPerClick;
    const maxPerShare = rules.maxClickPointsPerShare;
    for (const list of perShare.values()) {
      if (list.length > 1) list.sort((a, b) => a.at - b.at);
      let used = 0;
      for (const click of list) {
        const clicks = click.count ?? 1;
        clickCount += clicks;
        if (perClick <= 0 || used >= maxPerShare) continue;
        const earned = Math.min(clicks * perClick, maxPerShare - used);
        used += earned;
        earn(Math.floor(click.at / DAY_MS), earned);
      }
    }
  }

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

/** A share as the extension logs it (entrypoints/background/db.ts LocalShare): ISO time, personalised flag. */
export interface LoggedShare {
  contentId: string;
  network: Network;
  sharedAt: string;
  personalized?: boolean;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The decimal digit at `i`, or NaN. */
function digitAt(text: string, i: number): number {
  const code = text.charCodeAt(i) - 48;
  return code >= 0 && code <= 9 ? code : Number.NaN;
}

/**
 * Date.parse for ISO times, fast for the form the extension logs (`Date.prototype.toISOString`:
 * `2026-02-03T04:05:06.789Z`): read digit by digit, no allocation. Anything else, or anything out
 * of range, goes to Date.parse, so the result is always Date.parse's.
 */
export function isoMillis(time: string): number {
  if (time.length !== 24 || time.charCodeAt(23) !== 90 || time.charCodeAt(10) !== 84) return Date.parse(time);
  if (
    time.charCodeAt(4) !== 45 ||
    time.charCodeAt(7) !== 45 ||
    time.charCodeAt(13) !== 58 ||
    time.charCodeAt(16) !== 58 ||
    time.charCodeAt(19) !== 46
  ) {
    return Date.parse(time);
  }
  let year = digitAt(time, 0) * 1000 + digitAt(time, 1) * 100 + digitAt(time, 2) * 10 + digitAt(time, 3);
  const month = digitAt(time, 5) * 10 + digitAt(time, 6);
  const day = digitAt(time, 8) * 10 + digitAt(time, 9);
  const hour = digitAt(time, 11) * 10 + digitAt(time, 12);
  const minute = digitAt(time, 14) * 10 + digitAt(time, 15);
  const second = digitAt(time, 17) * 10 + digitAt(time, 18);
  const ms = digitAt(time, 20) * 100 + digitAt(time, 21) * 10 + digitAt(time, 22);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (
    !(month >= 1 && month <= 12) ||
    !(day >= 1 && day <= (month === 2 && !leap ? 28 : DAYS_IN_MONTH[month - 1]!)) ||
    !(hour <= 23 && minute <= 59 && second <= 59 && ms >= 0)
  ) {
    return Date.parse(time);
  }
  // Days since the epoch from the civil date (H. Hinnant's algorithm), then the time of day.
  if (month <= 2) year -= 1;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  const days = era * 146_097 + dayOfEra - 719_468;
  return ((days * 24 + hour) * 60 + minute) * 60_000 + second * 1000 + ms;
}

/**
 * The extension's path: its local share log, publish times from its synced content, clicks if
 * known. The log is first reduced to the counted share of each content and network (the same
 * choice scoreShares makes: earliest, then personalised), then scored.
 */
export function scoreLocalLog(
  shares: readonly LoggedShare[],
  content: readonly { id: string; publishAt: string | null }[],
  rules: RulesForScoring,
  options: ScoreOptions = {},
): Score {
  if (!rules.enabled) return disabledScore(rules);
  const slotBase = new Map<string, number>();
  const firsts: (LoggedShare | undefined)[] = [];
  let times = new Float64Array(3 * 1024);
  const offsets = slotOffsets(rules);
  for (const share of shares) {
    const offset = offsets[share.network];
    if (offset === undefined) continue;
    let base = slotBase.get(share.contentId);
    if (base === undefined) {
      base = firsts.length;
      firsts.push(undefined, undefined, undefined);
      slotBase.set(share.contentId, base);
      if (firsts.length > times.length) {
        const grown = new Float64Array(times.length * 2);
        grown.set(times);
        times = grown;
      }
    }
    const slot = base + offset;
    const current = firsts[slot];
    const at = isoMillis(share.sharedAt);
    if (
      current === undefined ||
      at < times[slot]! ||
      (at === times[slot] && share.personalized === true && current.personalized !== true)
    ) {
      firsts[slot] = share;
      times[slot] = at;
    }
  }
  const published = new Map<string, number | null>();
  for (const item of content) published.set(item.id, item.publishAt ? isoMillis(item.publishAt) : null);
  const scored: ScoredShare[] = [];
  firsts.forEach((share, slot) => {
    if (!share) return;
    scored.push({
      contentId: share.contentId,
      network: share.network,
      sharedAt: times[slot]!,
      personalized: share.personalized === true,
      publishedAt: published.get(share.contentId) ?? null,
    });
  });
  return scoreShares(scored, rules, options);
}
