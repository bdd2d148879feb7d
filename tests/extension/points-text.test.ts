import { describe, expect, it } from 'vitest';
import { badgeProgressText, leaderboardRows, rankText, unrankedReason } from '../../components/popup/pointsText';
import { scaleTop, weekLabel } from '../../components/popup/WeeklyChart';
import type { LeaderboardResponse } from '../../lib/schemas';

const board = (over: Partial<LeaderboardResponse> = {}): LeaderboardResponse => ({
  period: 'week',
  enabled: true,
  from: '2026-11-30T00:00:00.000Z',
  team: null,
  entries: [
    { rank: 1, name: 'Ada', points: 40, team: 'Sales', you: false },
    { rank: 2, name: 'Ben', points: 30, team: null, you: false },
    { rank: 2, name: 'Cy', points: 30, team: null, you: false },
  ],
  you: { rank: 9, name: 'Dee', points: 4, team: null, listed: true },
  ...over,
});

describe('Points tab wording', () => {
  it('badge progress: capped at the threshold, with the metric’s noun', () => {
    const badge = { id: 'b', name: 'B', metric: 'streakWeeks' as const, threshold: 5, value: 1, earned: false };
    expect(badgeProgressText(badge)).toBe('1 of 5 weeks in a row');
    expect(badgeProgressText({ ...badge, metric: 'clicks', threshold: 1000, value: 12 })).toBe('12 of 1,000 clicks');
    expect(badgeProgressText({ ...badge, value: 7, earned: true })).toBe('Earned');
    expect(badgeProgressText({ ...badge, metric: 'shares', threshold: 1, value: 3 })).toBe('1 of 1 share');
  });

  it('ranks', () => {
    expect(rankText(1)).toBe('#1');
    expect(rankText(1234)).toBe('#1,234');
    expect(rankText(null)).toBe('–');
  });

  it('the leaderboard lists its entries, then your own row when you are further down', () => {
    const rows = leaderboardRows(board());
    expect(rows.map((row) => [row.rank, row.name, row.you, row.separated])).toEqual([
      [1, 'Ada', false, false],
      [2, 'Ben', false, false],
      [2, 'Cy', false, false],
      [9, 'Dee', true, true],
    ]);
    // Already listed, opted out, or without points: no extra row.
    const listed = board({
      entries: [{ rank: 1, name: 'Dee', points: 4, team: null, you: true }],
      you: { rank: 1, name: 'Dee', points: 4, team: null, listed: true },
    });
    expect(leaderboardRows(listed)).toHaveLength(1);
    expect(
      leaderboardRows(board({ you: { rank: null, name: 'Dee', points: 0, team: null, listed: false } })),
    ).toHaveLength(3);
    expect(
      leaderboardRows(board({ you: { rank: null, name: 'Dee', points: 0, team: null, listed: true } })),
    ).toHaveLength(3);
  });

  it('says why you are not ranked', () => {
    expect(unrankedReason(board())).toBeNull();
    expect(unrankedReason(board({ you: { rank: null, name: 'D', points: 0, team: null, listed: false } }))).toMatch(
      /chosen to stay off the leaderboard/,
    );
    expect(
      unrankedReason(board({ period: 'all', you: { rank: null, name: 'D', points: 0, team: null, listed: true } })),
    ).toBe('Share a post to get on the all-time leaderboard.');
    expect(unrankedReason(board({ enabled: false, you: null }))).toBeNull();
  });

  it('the chart’s week labels and scale', () => {
    expect(weekLabel('2026-11-30T00:00:00.000Z')).toBe('Nov 30');
    expect(scaleTop(0)).toBe(10);
    expect(scaleTop(8)).toBe(10);
    expect(scaleTop(12)).toBe(14);
    expect(scaleTop(95)).toBe(120);
    expect(scaleTop(1234)).toBe(1600);
  });
});
