import { describe, expect, it } from 'vitest';
import { DAY, HOUR } from '../../tests/helpers/scoring';
import { RULES, T0, WEEK, clicks, share } from '../../tests/helpers/scoring-fixtures';
import { NETWORKS, perNetwork } from '../networks';
import { DEFAULT_SCORING, scoringRulesSchema } from '../schemas';
import { scoreLocalLog } from './local-log';
import { scoreShares } from './score';
import type { RulesForScoring, ScoredClick, ScoredShare } from './types';

describe('scoreShares', () => {
  interface Case {
    name: string;
    shares: ScoredShare[];
    clicks?: ScoredClick[];
    rules?: Partial<RulesForScoring>;
    points: number;
    shareCount?: number;
    clickCount?: number;
  }
  const cases: Case[] = [
    { name: 'an empty log', shares: [], points: 0, shareCount: 0 },
    { name: 'one LinkedIn share', shares: [share('a', 'linkedin', T0)], points: 10, shareCount: 1 },
    {
      name: 'one counted share per content per network (the first, by time)',
      shares: [share('a', 'linkedin', T0 + HOUR, { personalized: true }), share('a', 'linkedin', T0)],
      points: 10,
      shareCount: 1,
    },
    {
      name: 'the same content on two networks counts twice',
      shares: [share('a', 'linkedin', T0), share('a', 'x', T0 + HOUR)],
      points: 18,
      shareCount: 2,
    },
    {
      name: 'the daily cap: shares past it earn no share points, still counted',
      shares: ['a', 'b', 'c', 'd'].map((id, i) => share(id, 'linkedin', T0 + i * HOUR, { personalized: true })),
      points: 26,
      shareCount: 4,
    },
    {
      name: 'the daily cap resets at 00:00 UTC',
      shares: [
        ...['a', 'b', 'c'].map((id, i) => share(id, 'linkedin', T0 + i * HOUR)),
        share('d', 'linkedin', Date.UTC(2026, 0, 6, 0, 0)),
      ],
      points: 30,
    },
    {
      name: 'no daily cap when it is null',
      shares: ['a', 'b', 'c', 'd'].map((id) => share(id, 'linkedin', T0)),
      rules: { dailyShareCap: null },
      points: 40,
    },
    {
      name: 'points per click',
      shares: [share('a', 'linkedin', T0)],
      clicks: [clicks('a', 'linkedin', T0 + HOUR, 3)],
      points: 13,
      clickCount: 3,
    },
    {
      name: 'click points are capped per share, clicks still counted',
      shares: [share('a', 'linkedin', T0)],
      clicks: [clicks('a', 'linkedin', T0 + HOUR, 3), clicks('a', 'linkedin', T0 + 2 * HOUR, 7)],
      points: 14,
      clickCount: 10,
    },
    {
      name: 'click points are not under the daily cap',
      shares: ['a', 'b', 'c'].map((id) => share(id, 'linkedin', T0)),
      clicks: [clicks('a', 'linkedin', T0 + HOUR, 2)],
      points: 22,
    },
    {
      name: 'clicks on a link that was not shared earn and count nothing',
      shares: [share('a', 'linkedin', T0)],
      clicks: [clicks('a', 'x', T0, 5), clicks('b', 'linkedin', T0, 5)],
      points: 10,
      clickCount: 0,
    },
    {
      name: 'Facebook switched off: no points, no click points, not counted',
      shares: [share('a', 'facebook', T0, { personalized: true }), share('a', 'linkedin', T0)],
      clicks: [clicks('a', 'facebook', T0, 5)],
      rules: { pointsPerShare: { ...RULES.pointsPerShare, facebook: 0 } },
      points: 10,
      shareCount: 1,
      clickCount: 0,
    },
    {
      name: 'gamification off',
      shares: [share('a', 'linkedin', T0)],
      clicks: [clicks('a', 'linkedin', T0, 5)],
      rules: { enabled: false },
      points: 0,
      shareCount: 0,
      clickCount: 0,
    },
  ];
  it.each(cases)('$name', (c) => {
    const score = scoreShares(c.shares, { ...RULES, ...c.rules }, { clicks: c.clicks ?? [] });
    expect(score.points).toBe(c.points);
    if (c.shareCount !== undefined) expect(score.shares).toBe(c.shareCount);
    if (c.clickCount !== undefined) expect(score.clicks).toBe(c.clickCount);
  });

  it('keys shares by content and network: however many networks, none collides with the next post’s', () => {
    // With three slots per post, a fourth or fifth network of post "a" landed on post "b"'s first ones.
    const rules = { ...RULES, dailyShareCap: null, pointsPerShare: perNetwork(() => 1) };
    const log = ['a', 'b'].flatMap((id, i) => NETWORKS.map((network) => share(id, network, T0 + i * HOUR)));
    const linkClicks = ['a', 'b'].flatMap((id) => NETWORKS.map((network) => clicks(id, network, T0 + 2 * HOUR)));
    const score = scoreShares(log, rules, { clicks: linkClicks });
    expect(score.shares).toBe(2 * NETWORKS.length);
    expect(score.clicks).toBe(2 * NETWORKS.length);
    const last = NETWORKS[NETWORKS.length - 1]!;
    const edge = [share('a', last, T0), share('b', NETWORKS[0], T0 + HOUR)];
    expect(scoreShares(edge, rules).shares).toBe(2);
    const logged = edge.map((entry) => ({ ...entry, sharedAt: new Date(entry.sharedAt).toISOString() }));
    expect(scoreLocalLog(logged, [], rules).shares).toBe(2);
  });

  it('a fifth network (Threads) of one post and the first (LinkedIn) of the next both count', () => {
    const log = [share('a', 'threads', T0), share('b', 'linkedin', T0 + HOUR)];
    const score = scoreShares(
      log,
      { ...RULES, pointsPerShare: { ...RULES.pointsPerShare, threads: 5 } },
      {
        clicks: [clicks('a', 'threads', T0 + 2 * HOUR), clicks('b', 'linkedin', T0 + 2 * HOUR)],
      },
    );
    expect(score).toMatchObject({ shares: 2, clicks: 2, points: 5 + 10 + 2 });
  });

  it('puts points in the week and month they were earned: shares at their time, clicks at theirs', () => {
    const lastOfJanuary = Date.UTC(2026, 0, 31, 12);
    const score = scoreShares([share('a', 'linkedin', lastOfJanuary)], RULES, {
      clicks: [clicks('a', 'linkedin', Date.UTC(2026, 1, 2, 8), 2)],
    });
    expect(score.weeks).toEqual({ '2026-W05': 10, '2026-W06': 2 });
    expect(score.months).toEqual({ '2026-01': 10, '2026-02': 2 });
    expect(score.points).toBe(12);
  });

  it('levels follow the points', () => {
    const score = scoreShares(
      ['a', 'b'].map((id, i) => share(id, 'linkedin', T0 + i * DAY)),
      RULES,
    );
    expect(score.level).toEqual({ name: 'Bronze', minPoints: 20, next: { name: 'Silver', minPoints: 50 } });
  });

  describe('streaks: consecutive ISO weeks (UTC) with a counted share', () => {
    const weeks = (...offsets: number[]) => offsets.map((w, i) => share(`c${i}`, 'x', T0 + w * WEEK));
    it.each([
      ['three weeks, judged in the last', weeks(0, 1, 2), T0 + 2 * WEEK, 3, 3],
      ['still alive the week after', weeks(0, 1, 2), T0 + 3 * WEEK + 6 * DAY, 3, 3],
      ['broken after a full week without a share', weeks(0, 1, 2), T0 + 4 * WEEK, 0, 3],
      ['a gap starts a new run', weeks(0, 1, 3, 4), T0 + 4 * WEEK, 2, 2],
      ['several shares in a week count once', weeks(0, 0, 0, 1), T0 + WEEK, 2, 2],
      [
        'Sunday 23:59 and Monday 00:00 are consecutive weeks',
        [share('a', 'x', Date.UTC(2026, 0, 11, 23, 59)), share('b', 'x', Date.UTC(2026, 0, 12))],
        Date.UTC(2026, 0, 12),
        2,
        2,
      ],
      ['no shares', [], T0, 0, 0],
    ])('%s', (_name, log, now, current, best) => {
      expect(scoreShares(log, RULES, { now }).streak).toEqual({ current, best });
    });

    it('without a "now", judges at the latest share', () => {
      expect(scoreShares(weeks(0, 1), RULES).streak).toEqual({ current: 2, best: 2 });
    });

    it('leaves out networks switched off', () => {
      const rules = { ...RULES, pointsPerShare: { ...RULES.pointsPerShare, facebook: 0 } };
      const log = [share('a', 'facebook', T0), share('b', 'facebook', T0 + WEEK)];
      expect(scoreShares(log, rules, { now: T0 + WEEK }).streak).toEqual({ current: 0, best: 0 });
    });
  });

  describe('badges', () => {
    it('reports progress and which are earned', () => {
      const log = [
        share('a', 'linkedin', T0, { personalized: true }),
        share('b', 'linkedin', T0 + WEEK, { personalized: true }),
      ];
      const score = scoreShares(log, RULES, { clicks: [clicks('a', 'linkedin', T0, 4)], now: T0 + WEEK });
      expect(score.badges.map(({ id, value, earned }) => ({ id, value, earned }))).toEqual([
        { id: 'first-share', value: 2, earned: true },
        { id: 'streak-3', value: 2, earned: false },
        { id: 'own-words-2', value: 2, earned: true },
        { id: 'clicks-5', value: 4, earned: false },
      ]);
    });

    it('uses the default badges for rules stored before badges existed', () => {
      const { badges: _badges, ...legacy } = DEFAULT_SCORING;
      const score = scoreShares([share('a', 'x', T0)], legacy);
      expect(score.badges.map((badge) => badge.id)).toEqual(['first-share', 'streak-5', 'own-words-10', 'clicks-100']);
      expect(score.badges[0]!.earned).toBe(true);
    });

    it('stored rules without badges still validate, and get the defaults', () => {
      const { badges: _badges, ...legacy } = DEFAULT_SCORING;
      const parsed = scoringRulesSchema.parse(legacy);
      expect(parsed.badges).toEqual(DEFAULT_SCORING.badges);
    });
  });

  it('scoreLocalLog reads the extension’s share log (ISO times) and its content’s publish times', () => {
    const log = [
      { contentId: 'a', network: 'linkedin' as const, sharedAt: new Date(T0 + HOUR).toISOString(), personalized: true },
      { contentId: 'gone', network: 'x' as const, sharedAt: new Date(T0 + HOUR).toISOString(), personalized: false },
    ];
    const content = [{ id: 'a', publishAt: new Date(T0).toISOString() }];
    expect(scoreLocalLog(log, content, RULES).points).toBe(18 + 8);
  });
});
