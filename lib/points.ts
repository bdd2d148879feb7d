/**
 * Points for a log of shares under the scoring rules. One counted share per content per network;
 * points per network, an early-share bonus, a personalisation bonus, and a daily cap. The extension
 * runs this on its local share log and the server on the share events it received, so both show
 * the same numbers.
 */
import type { Network, ScoringRules } from './schemas';

export interface ScoredShare {
  contentId: string;
  network: Network;
  /** Milliseconds since the epoch. */
  sharedAt: number;
  personalized?: boolean;
  /** When the content was published (ms), for the early-share bonus; unknown: no bonus. */
  publishedAt?: number | null;
}

export interface PointsSummary {
  points: number;
  shares: number;
  level: { name: string; minPoints: number; next: { name: string; minPoints: number } | null };
}

const DAY_MS = 86_400_000;

export function sharePoints(share: ScoredShare, rules: ScoringRules): number {
  let points = rules.pointsPerShare[share.network];
  const early = rules.earlyShareBonus;
  if (share.publishedAt != null && share.sharedAt >= share.publishedAt && share.sharedAt - share.publishedAt <= early.withinHours * 3_600_000) {
    points += early.points;
  }
  if (share.personalized) points += rules.personalizedBonus;
  return points;
}

export function levelFor(points: number, rules: ScoringRules): PointsSummary['level'] {
  let index = 0;
  rules.levels.forEach((level, i) => {
    if (points >= level.minPoints) index = i;
  });
  const current = rules.levels[index]!;
  const next = rules.levels[index + 1];
  return { name: current.name, minPoints: current.minPoints, next: next ? { name: next.name, minPoints: next.minPoints } : null };
}

/** Total points of a share log: shares are taken in time order, and each UTC day is capped. */
export function scoreShares(shares: readonly ScoredShare[], rules: ScoringRules): PointsSummary {
  if (!rules.enabled) return { points: 0, shares: 0, level: levelFor(0, rules) };
  const counted = new Set<string>();
  const perDay = new Map<number, number>();
  let total = 0;
  let count = 0;
  for (const share of [...shares].sort((a, b) => a.sharedAt - b.sharedAt)) {
    const key = `${share.contentId}\u0000${share.network}`;
    if (counted.has(key)) continue;
    counted.add(key);
    count++;
    const day = Math.floor(share.sharedAt / DAY_MS);
    const sofar = perDay.get(day) ?? 0;
    const cap = rules.dailyPointsCap ?? Number.POSITIVE_INFINITY;
    const earned = Math.max(0, Math.min(sharePoints(share, rules), cap - sofar));
    perDay.set(day, sofar + earned);
    total += earned;
  }
  return { points: total, shares: count, level: levelFor(total, rules) };
}
