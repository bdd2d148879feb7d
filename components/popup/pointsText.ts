/** The Points tab's wording, in the browser's language: ranks, badge progress, leaderboard rows. */
import type { BadgeProgress } from '../../lib/scoring';
import type { BadgeMetric, LeaderboardResponse, Period } from '../../lib/schemas';
import { plural } from './plural';
import { formatNumber, t, type PluralKey } from '../shared/i18n';

/** In display order; the popup carries no zod, so this rather than lib/schemas' PERIODS. */
export const PERIODS: readonly Period[] = ['week', 'month', 'all'];

const PERIOD_KEYS = { week: 'period_week', month: 'period_month', all: 'period_all' } as const;
const NOBODY_KEYS = { week: 'board_nobody_week', month: 'board_nobody_month', all: 'board_nobody_all' } as const;
const UNRANKED_KEYS = { week: 'unranked_week', month: 'unranked_month', all: 'unranked_all' } as const;

/** "This week", "Dieser Monat", "Depuis le début". */
export function periodLabel(period: Period): string {
  return t(PERIOD_KEYS[period]);
}

/** "No one has points this week yet. Be the first to share!" */
export function nobodyYet(period: Period): string {
  return t(NOBODY_KEYS[period]);
}

const METRIC_NOUN: Record<BadgeMetric, PluralKey> = {
  shares: 'shares_count',
  personalizedShares: 'unit_personalized',
  clicks: 'unit_clicks',
  points: 'points_count',
  streakWeeks: 'unit_streak',
};

/** "3 of 5 shares", or "Earned". */
export function badgeProgressText(badge: BadgeProgress): string {
  if (badge.earned) return t('badge_earned');
  const value = Math.min(badge.value, badge.threshold);
  return t('badge_progress', { value, target: plural(badge.threshold, METRIC_NOUN[badge.metric]) });
}

/** "#3", or a dash when not ranked. */
export function rankText(rank: number | null): string {
  return rank === null ? '–' : `#${formatNumber(rank)}`;
}

export interface BoardRow {
  key: string;
  rank: number | null;
  name: string;
  team: string | null;
  points: number;
  you: boolean;
  /** Set on the advocate's own row when it comes after the listed entries. */
  separated: boolean;
}

/** The rows to list: the entries, then the advocate's own standing when it is further down. */
export function leaderboardRows(board: LeaderboardResponse): BoardRow[] {
  const rows: BoardRow[] = board.entries.map((entry, index) => ({
    key: `${index}`,
    rank: entry.rank,
    name: entry.name,
    team: entry.team,
    points: entry.points,
    you: entry.you,
    separated: false,
  }));
  const you = board.you;
  if (you?.listed && you.rank !== null && !board.entries.some((entry) => entry.you)) {
    rows.push({
      key: 'you',
      rank: you.rank,
      name: you.name,
      team: you.team,
      points: you.points,
      you: true,
      separated: true,
    });
  }
  return rows;
}

/** Why the advocate has no rank in a period, or null when they have one. */
export function unrankedReason(board: LeaderboardResponse): string | null {
  if (!board.enabled) return null;
  const you = board.you;
  if (!you) return null;
  if (!you.listed) return t('unranked_private');
  if (you.rank === null) return t(UNRANKED_KEYS[board.period]);
  return null;
}
