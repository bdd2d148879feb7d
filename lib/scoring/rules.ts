/** One share under the rules: whether its network is scored, its points, and the order shares count in. */
import type { Guidelines, Network, ScoringRules } from '../schemas';
import { HOUR_MS } from './calendar';
import type { Level, RulesForScoring, ScoredShare } from './types';

/**
 * Whether shares on `network` are scored: 0 points per share switches a network off entirely. A
 * network the rules do not name (rules stored before it existed) is off.
 */
export function isScored(network: Network, rules: Pick<RulesForScoring, 'pointsPerShare'>): boolean {
  return (rules.pointsPerShare[network] ?? 0) > 0;
}

/** The networks the rules score, for a lookup per share. */
export function scoredNetworks(rules: Pick<RulesForScoring, 'pointsPerShare'>): Partial<Record<Network, true>> {
  const scored: Partial<Record<Network, true>> = {};
  for (const network in rules.pointsPerShare)
    if (isScored(network as Network, rules)) scored[network as Network] = true;
  return scored;
}

/**
 * The scoring rules with the one daily cap, the guidelines' `dailyShareCap` (shares per UTC day,
 * as the composer warns): the server and the extension both score with this.
 */
export function withDailyCap<R extends Omit<RulesForScoring, 'dailyShareCap'> | ScoringRules>(
  rules: R,
  guidelines: Pick<Guidelines, 'dailyShareCap'> | null | undefined,
): R & { dailyShareCap: number | null } {
  const cap = guidelines?.dailyShareCap;
  return { ...rules, dailyShareCap: typeof cap === 'number' && cap >= 1 ? cap : null };
}

/** Points of one share before the daily cap: network points plus the bonuses it qualifies for. */
export function sharePoints(share: ScoredShare, rules: RulesForScoring): number {
  let points = rules.pointsPerShare[share.network] ?? 0;
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
