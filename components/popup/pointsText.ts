/** Plain-English wording for the Points tab: ranks, badge progress, leaderboard rows. */
import type { BadgeProgress } from '../../lib/scoring';
import type { BadgeMetric, LeaderboardResponse, Period } from '../../lib/schemas';
import { plural } from './plural';

/** In display order; the popup carries no zod, so this rather than lib/schemas' PERIODS. */
export const PERIOD_LABEL: Record<Period, string> = { week: 'This week', month: 'This month', all: 'All time' };

const BOARD_NAME: Record<Period, string> = {
  week: "this week's leaderboard",
  month: "this month's leaderboard",
  all: 'the all-time leaderboard',
};

const METRIC_NOUN: Record<BadgeMetric, [string, string]> = {
  shares: ['share', 'shares'],
  personalizedShares: ['personalised share', 'personalised shares'],
  clicks: ['click', 'clicks'],
  points: ['point', 'points'],
  streakWeeks: ['week in a row', 'weeks in a row'],
};

/** "3 of 5 shares", or "Earned". */
export function badgeProgressText(badge: BadgeProgress): string {
  if (badge.earned) return 'Earned';
  const [one, many] = METRIC_NOUN[badge.metric];
  const value = Math.min(badge.value, badge.threshold);
  return `${value.toLocaleString('en')} of ${plural(badge.threshold, one, many)}`;
}

/** "#3", or a dash when not ranked. */
export function rankText(rank: number | null): string {
  return rank === null ? '–' : `#${rank.toLocaleString('en')}`;
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
  if (!you.listed) return "You've chosen to stay off the leaderboard. You can change that under Privacy.";
  if (you.rank === null) return `Share a post to get on ${BOARD_NAME[board.period]}.`;
  return null;
}
