import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY, HOUR, eventLogArbitrary, scoringRulesArbitrary, type EventLog } from '../../tests/helpers/scoring';
import type { Network } from '../schemas';
import { scoreLocalLog } from './local-log';
import { compareShares, isScored, sharePoints } from './rules';
import { scoreShares } from './score';
import type { ScoredClick } from './types';

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

  it('on a crowded day counts the first shares by compareShares, with a cap kept by insertion or by sorting the day', () => {
    const DAY_START = Date.UTC(2026, 2, 16);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            offset: fc.integer({ min: 0, max: DAY - 1 }),
            network: fc.constantFrom<Network>('linkedin', 'x'),
            personalized: fc.boolean(),
          }),
          { minLength: 1, maxLength: 150, size: 'max' },
        ),
        scoringRulesArbitrary,
        fc.integer({ min: 1, max: 100 }),
        (entries, base, cap) => {
          const rules = { ...base, enabled: true, dailyShareCap: cap };
          const shares = entries.map((entry, i) => ({
            contentId: `p${i}`,
            network: entry.network,
            sharedAt: DAY_START + entry.offset,
            personalized: entry.personalized,
            publishedAt: null,
          }));
          // Shares on networks the rules do not score take no place under the cap.
          const expected = shares
            .filter((share) => isScored(share.network, rules))
            .sort(compareShares)
            .slice(0, cap)
            .reduce((sum, share) => sum + sharePoints(share, rules), 0);
          expect(scoreShares(shares, rules).points).toBe(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never gives share points to more shares in one UTC day than the daily cap', () => {
    fc.assert(
      fc.property(eventLogArbitrary({ spanDays: 3 }), scoringRulesArbitrary, (log, rules) => {
        fc.pre(rules.enabled && rules.dailyShareCap !== null);
        const score = scoreShares(toShares(log), rules);
        const days = new Set(log.shares.map((s) => Math.floor((ORIGIN + s.offset) / DAY))).size;
        // No share earns more than its network's points with both bonuses.
        const most =
          Math.max(...Object.values(rules.pointsPerShare)) + rules.earlyShareBonus.points + rules.personalizedBonus;
        expect(score.points).toBeLessThanOrEqual(days * rules.dailyShareCap! * most);
        expect(scoreShares(toShares(log), { ...rules, dailyShareCap: null }).points).toBeGreaterThanOrEqual(
          score.points,
        );
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
