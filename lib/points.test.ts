import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY, HOUR, eventLogArbitrary, scoringRulesArbitrary, type EventLog } from '../tests/helpers/scoring';
import {
  isoMillis,
  isoWeekIndex,
  isoWeekKey,
  isoWeekLabel,
  isoWeekStart,
  levelFor,
  monthKey,
  scoreLocalLog,
  scoreShares,
  sharePoints,
  type ScoredClick,
  type ScoredShare,
} from './points';
import { DEFAULT_SCORING, scoringRulesSchema, type Network, type ScoringRules } from './schemas';

const RULES: ScoringRules = {
  enabled: true,
  pointsPerShare: { linkedin: 10, x: 8, facebook: 5 },
  earlyShareBonus: { withinHours: 24, points: 5 },
  personalizedBonus: 3,
  pointsPerClick: 1,
  maxClickPointsPerShare: 4,
  dailyPointsCap: 30,
  levels: [
    { name: 'Starter', minPoints: 0 },
    { name: 'Bronze', minPoints: 20 },
    { name: 'Silver', minPoints: 50 },
  ],
  badges: [
    { id: 'first-share', name: 'First share', metric: 'shares', threshold: 1 },
    { id: 'streak-3', name: 'Three weeks', metric: 'streakWeeks', threshold: 3 },
    { id: 'own-words-2', name: 'Own words', metric: 'personalizedShares', threshold: 2 },
    { id: 'clicks-5', name: 'Five clicks', metric: 'clicks', threshold: 5 },
  ],
};

/** Monday 2026-01-05 09:00 UTC: ISO week 2026-W02. */
const T0 = Date.UTC(2026, 0, 5, 9);
const WEEK = 7 * DAY;

const share = (
  contentId: string,
  network: Network,
  sharedAt: number,
  extra: Partial<ScoredShare> = {},
): ScoredShare => ({
  contentId,
  network,
  sharedAt,
  ...extra,
});
const clicks = (contentId: string, network: Network, at: number, count = 1): ScoredClick => ({
  contentId,
  network,
  at,
  count,
});

describe('ISO weeks and months (UTC)', () => {
  it.each([
    ['2026-01-01T00:00:00Z', '2026-W01'],
    ['2026-01-04T23:59:59Z', '2026-W01'],
    ['2026-01-05T00:00:00Z', '2026-W02'],
    ['2024-12-30T12:00:00Z', '2025-W01'],
    ['2021-01-03T12:00:00Z', '2020-W53'],
    ['2020-12-31T12:00:00Z', '2020-W53'],
    ['1970-01-01T00:00:00Z', '1970-W01'],
    ['2026-12-31T23:59:59Z', '2026-W53'],
  ])('%s is in %s', (iso, week) => {
    expect(isoWeekKey(Date.parse(iso))).toBe(week);
  });

  it('numbers consecutive weeks consecutively, from Monday 00:00 UTC', () => {
    expect(isoWeekIndex(T0 + WEEK)).toBe(isoWeekIndex(T0) + 1);
    expect(new Date(isoWeekStart(isoWeekIndex(T0))).toISOString()).toBe('2026-01-05T00:00:00.000Z');
    expect(isoWeekIndex(Date.UTC(2026, 0, 4, 23, 59, 59, 999))).toBe(isoWeekIndex(T0) - 1);
    expect(isoWeekLabel(isoWeekIndex(T0))).toBe('2026-W02');
  });

  it('gives UTC months', () => {
    expect(monthKey(Date.UTC(2026, 1, 28, 23, 59))).toBe('2026-02');
    expect(monthKey(Date.UTC(2026, 2, 1))).toBe('2026-03');
  });
});

describe('isoMillis', () => {
  it('equals Date.parse on toISOString output, years 0 to 9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 }), (ms) => {
        const text = new Date(ms).toISOString();
        expect(isoMillis(text)).toBe(Date.parse(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('equals Date.parse on other forms and on damaged strings', () => {
    const chars = fc.constantFrom(...'0123456789-:.TZ+ x');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) }), fc.nat(23), chars, (ms, at, char) => {
        const text = new Date(ms).toISOString();
        const damaged = text.slice(0, at) + char + text.slice(at + 1);
        expect(Object.is(isoMillis(damaged), Date.parse(damaged)), damaged).toBe(true);
      }),
      { numRuns: 2000 },
    );
    for (const text of [
      '2026-02-29T00:00:00.000Z',
      '2024-02-29T12:00:00.000Z',
      '2026-04-31T00:00:00.000Z',
      '2026-01-01T24:00:00.000Z',
      '2026-01-01T10:00:00+02:00',
      '2026-01-01',
      '+012026-01-01T00:00:00.000Z',
    ]) {
      expect(Object.is(isoMillis(text), Date.parse(text)), text).toBe(true);
    }
  });
});

describe('levelFor', () => {
  it.each([
    [0, 'Starter', 'Bronze'],
    [19, 'Starter', 'Bronze'],
    [20, 'Bronze', 'Silver'],
    [49, 'Bronze', 'Silver'],
    [50, 'Silver', null],
    [5000, 'Silver', null],
  ])('%i points: %s, next %s', (points, name, next) => {
    const level = levelFor(points, RULES);
    expect(level.name).toBe(name);
    expect(level.next?.name ?? null).toBe(next);
  });
});

describe('sharePoints', () => {
  const published = T0;
  it.each<[string, Partial<ScoredShare> & { network?: Network; sharedAt: number }, number]>([
    ['network points (LinkedIn)', { sharedAt: T0 + 30 * HOUR }, 10],
    ['network points (X)', { network: 'x', sharedAt: T0 + 30 * HOUR }, 8],
    ['network points (Facebook)', { network: 'facebook', sharedAt: T0 + 30 * HOUR }, 5],
    ['early bonus within the window', { sharedAt: T0 + HOUR, publishedAt: published }, 15],
    ['early bonus at the end of the window', { sharedAt: T0 + 24 * HOUR, publishedAt: published }, 15],
    ['no early bonus after the window', { sharedAt: T0 + 24 * HOUR + 1, publishedAt: published }, 10],
    ['no early bonus before publishing', { sharedAt: T0 - 1, publishedAt: published }, 10],
    ['no early bonus when the publish time is unknown', { sharedAt: T0 + HOUR, publishedAt: null }, 10],
    ['personalisation bonus', { sharedAt: T0 + 30 * HOUR, personalized: true }, 13],
    ['both bonuses', { sharedAt: T0 + HOUR, publishedAt: published, personalized: true }, 18],
  ])('%s', (_name, fields, expected) => {
    expect(sharePoints(share('c1', fields.network ?? 'linkedin', fields.sharedAt, fields), RULES)).toBe(expected);
  });

  it('gives nothing, bonuses included, on a network switched off', () => {
    const rules = { ...RULES, pointsPerShare: { ...RULES.pointsPerShare, facebook: 0 } };
    expect(sharePoints(share('c1', 'facebook', T0 + HOUR, { publishedAt: T0, personalized: true }), rules)).toBe(0);
  });
});

describe('scoreShares', () => {
  interface Case {
    name: string;
    shares: ScoredShare[];
    clicks?: ScoredClick[];
    rules?: Partial<ScoringRules>;
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
      name: 'the daily cap, in time order, with bonuses',
      shares: ['a', 'b', 'c', 'd'].map((id, i) => share(id, 'linkedin', T0 + i * HOUR, { personalized: true })),
      points: 30,
      shareCount: 4,
    },
    {
      name: 'the daily cap resets at 00:00 UTC',
      shares: [
        ...['a', 'b', 'c'].map((id, i) => share(id, 'linkedin', T0 + i * HOUR)),
        share('d', 'linkedin', Date.UTC(2026, 0, 6, 0, 0)),
      ],
      points: 40,
    },
    {
      name: 'no daily cap when it is null',
      shares: ['a', 'b', 'c', 'd'].map((id) => share(id, 'linkedin', T0)),
      rules: { dailyPointsCap: null },
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
      points: 32,
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
      rules: { pointsPerShare: { linkedin: 10, x: 8, facebook: 0 } },
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

describe('scoring properties', () => {
  const ORIGIN = Date.UTC(2026, 2, 15, 10);
  const toShares = (log: EventLog) =>
    log.shares.map((s) => ({
      contentId: `c${s.contentIndex}`,
      network: s.network,
      sharedAt: ORIGIN + s.offset,
      personalized: s.personalized,
      publishedAt: log.published[s.contentIndex] == null ? null : ORIGIN + log.published[s.contentIndex]!,
    }));
  const toClicks = (log: EventLog) =>
    log.clicks.map((c) => ({ contentId: `c${c.contentIndex}`, network: c.network, at: ORIGIN + c.offset }));

  it('does not depend on the order of the log', () => {
    fc.assert(
      fc.property(eventLogArbitrary(), scoringRulesArbitrary, fc.integer(), (log, rules, seed) => {
        const shares = toShares(log);
        const clickLog = toClicks(log);
        const shuffle = <T>(items: T[]) =>
          items
            .map((item, i) => ({ item, key: Math.sin(seed + i * 7919) }))
            .sort((a, b) => a.key - b.key)
            .map(({ item }) => item);
        expect(scoreShares(shuffle(shares), rules, { clicks: shuffle(clickLog), now: ORIGIN })).toEqual(
          scoreShares(shares, rules, { clicks: clickLog, now: ORIGIN }),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('adds up: total = Σ weeks = Σ months, and stays within the per-share maximum', () => {
    fc.assert(
      fc.property(eventLogArbitrary(), scoringRulesArbitrary, (log, rules) => {
        const score = scoreShares(toShares(log), rules, { clicks: toClicks(log) });
        const sum = (record: Record<string, number>) => Object.values(record).reduce((a, b) => a + b, 0);
        expect(sum(score.weeks)).toBe(score.points);
        expect(sum(score.months)).toBe(score.points);
        const maxPerShare =
          Math.max(...Object.values(rules.pointsPerShare)) + rules.earlyShareBonus.points + rules.personalizedBonus;
        expect(score.points).toBeLessThanOrEqual(score.shares * (maxPerShare + rules.maxClickPointsPerShare));
        expect(score.shares).toBeLessThanOrEqual(log.shares.length);
        expect(score.streak.current).toBeLessThanOrEqual(score.streak.best);
        if (!rules.enabled) expect(score.points + score.shares + score.clicks).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('never gives one UTC day more share points than the daily cap', () => {
    fc.assert(
      fc.property(eventLogArbitrary({ spanDays: 3 }), scoringRulesArbitrary, (log, rules) => {
        fc.pre(rules.enabled && rules.dailyPointsCap !== null);
        const score = scoreShares(toShares(log), rules);
        const days = new Set(log.shares.map((s) => Math.floor((ORIGIN + s.offset) / DAY))).size;
        expect(score.points).toBeLessThanOrEqual(days * rules.dailyPointsCap!);
      }),
      { numRuns: 300 },
    );
  });

  it('counts repeats of the same share once', () => {
    fc.assert(
      fc.property(eventLogArbitrary(), scoringRulesArbitrary, (log, rules) => {
        const shares = toShares(log);
        expect(scoreShares([...shares, ...shares], rules, { now: ORIGIN })).toEqual(
          scoreShares(shares, rules, { now: ORIGIN }),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('a network with 0 points scores as if its shares and clicks were not there', () => {
    fc.assert(
      fc.property(eventLogArbitrary(), scoringRulesArbitrary, (log, rules) => {
        const off = { ...rules, pointsPerShare: { ...rules.pointsPerShare, facebook: 0 } };
        const without = <T extends { network: Network }>(items: T[]) =>
          items.filter((item) => item.network !== 'facebook');
        expect(scoreShares(toShares(log), off, { clicks: toClicks(log), now: ORIGIN })).toEqual(
          scoreShares(without(toShares(log)), off, { clicks: without(toClicks(log)), now: ORIGIN }),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('scoreLocalLog gives the same score whatever zone its ISO times are written in', () => {
    fc.assert(
      fc.property(
        eventLogArbitrary(),
        scoringRulesArbitrary,
        fc.array(fc.integer({ min: -12, max: 14 }), { minLength: 1 }),
        (log, rules, zones) => {
          const content = log.published.map((offset, i) => ({
            id: `c${i}`,
            publishAt: offset === null ? null : new Date(ORIGIN + offset).toISOString(),
          }));
          const canonical = log.shares.map((s) => ({
            contentId: `c${s.contentIndex}`,
            network: s.network,
            sharedAt: new Date(ORIGIN + s.offset).toISOString(),
            personalized: s.personalized,
          }));
          /** The same moment written with another UTC offset, e.g. 2026-03-15T12:00:00.000+02:00. */
          const zoned = canonical.map((entry, i) => {
            const hours = zones[i % zones.length]!;
            const local = new Date(Date.parse(entry.sharedAt) + hours * HOUR).toISOString().slice(0, 23);
            const sign = hours < 0 ? '-' : '+';
            return { ...entry, sharedAt: `${local}${sign}${String(Math.abs(hours)).padStart(2, '0')}:00` };
          });
          expect(scoreLocalLog(zoned, content, rules, { now: ORIGIN })).toEqual(
            scoreLocalLog(canonical, content, rules, { now: ORIGIN }),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('clicks within an hour score alike one by one or as the hour’s count (how the server stores them)', () => {
    fc.assert(
      fc.property(eventLogArbitrary(), scoringRulesArbitrary, (log, rules) => {
        const single = toClicks(log);
        const hourly = new Map<string, ScoredClick>();
        for (const c of single) {
          const hour = Math.floor(c.at / HOUR) * HOUR;
          const key = `${c.contentId} ${c.network} ${hour}`;
          const entry = hourly.get(key);
          if (entry) entry.count = (entry.count ?? 1) + 1;
          else hourly.set(key, { contentId: c.contentId, network: c.network, at: hour, count: 1 });
        }
        expect(scoreShares(toShares(log), rules, { clicks: [...hourly.values()] })).toEqual(
          scoreShares(toShares(log), rules, { clicks: single }),
        );
      }),
      { numRuns: 300 },
    );
  });
});
