/** The scoring form's draft: made from the rules, turned into a ScoringRules candidate, its paths named. */
import { isNetwork, network, perNetwork, type Network } from '../../../../lib/networks';
import type { Badge, ScoringRules } from '../../../../lib/schemas';
import { numberOrUndefined } from '../../forms';

export const FORM = 'scoring';

export interface LevelDraft {
  key: number;
  name: string;
  minPoints: string;
}

/** The number fields besides the points per network, by their path in ScoringRules. */
export const NUMBER_FIELDS = {
  earlyWithinHours: 'earlyShareBonus.withinHours',
  earlyPoints: 'earlyShareBonus.points',
  personalizedBonus: 'personalizedBonus',
  pointsPerClick: 'pointsPerClick',
  maxClickPointsPerShare: 'maxClickPointsPerShare',
} as const;

export type NumberKey = keyof typeof NUMBER_FIELDS;

export type Draft = Record<NumberKey, string> & {
  enabled: boolean;
  points: Record<Network, string>;
  levels: LevelDraft[];
  badges: Badge[];
};

let nextKey = 1;

export function newLevel(minPoints: string): LevelDraft {
  return { key: nextKey++, name: '', minPoints };
}

export function draftFrom(rules: ScoringRules): Draft {
  const points = rules.pointsPerShare as Partial<Record<Network, number>>;
  return {
    enabled: rules.enabled,
    // A network the stored rules predate starts at its default.
    points: perNetwork((id) => String(points[id] ?? network(id).defaultPoints)),
    earlyWithinHours: String(rules.earlyShareBonus.withinHours),
    earlyPoints: String(rules.earlyShareBonus.points),
    personalizedBonus: String(rules.personalizedBonus),
    pointsPerClick: String(rules.pointsPerClick),
    maxClickPointsPerShare: String(rules.maxClickPointsPerShare),
    levels: rules.levels.map((level) => ({ key: nextKey++, name: level.name, minPoints: String(level.minPoints) })),
    badges: rules.badges ?? [],
  };
}

export function candidate(draft: Draft): Record<string, unknown> {
  return {
    enabled: draft.enabled,
    pointsPerShare: perNetwork((id) => numberOrUndefined(draft.points[id])),
    earlyShareBonus: {
      withinHours: numberOrUndefined(draft.earlyWithinHours),
      points: numberOrUndefined(draft.earlyPoints),
    },
    personalizedBonus: numberOrUndefined(draft.personalizedBonus),
    pointsPerClick: numberOrUndefined(draft.pointsPerClick),
    maxClickPointsPerShare: numberOrUndefined(draft.maxClickPointsPerShare),
    levels: draft.levels.map((level) => ({ name: level.name, minPoints: numberOrUndefined(level.minPoints) })),
    badges: draft.badges,
  };
}

export const LABELS: Record<string, string> = {
  'earlyShareBonus.withinHours': 'Early share: within hours',
  'earlyShareBonus.points': 'Early share bonus',
  personalizedBonus: 'Own-words bonus',
  pointsPerClick: 'Points per click',
  maxClickPointsPerShare: 'Most click points per share',
  enabled: 'Points and leaderboard',
};

export function pointsLabel(id: Network): string {
  return `Points per ${network(id).label} share`;
}

/** "levels.1.minPoints" → "Level 2, from points", for the error summary. */
export function labelFor(path: string): string {
  const [first, second, third] = path.split('.');
  if (first === 'levels') {
    if (second === undefined) return 'Levels';
    const row = `Level ${Number(second) + 1}`;
    return third === 'name' ? `${row}, name` : third === 'minPoints' ? `${row}, from points` : row;
  }
  if (first === 'badges') return 'Badges';
  if (first === 'pointsPerShare' && isNetwork(second)) return pointsLabel(second);
  return LABELS[path] ?? LABELS[first ?? ''] ?? 'Scoring rules';
}
