import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventLogArbitrary, HOUR, scoringRulesArbitrary, type EventLog } from '../tests/helpers/scoring';
import { combineHistory } from './history';
import { clickPeriodStart, clicksByPeriod, countedShares, summarizeMeHistory, toMeHistory } from './history-summary';
import { scoreLocalLog, scoreShares, type ScoredClick, type ScoredShare } from './scoring';
import type { MeHistory } from './schemas';

// A Wednesday: the generated logs reach back 70 days, over several week and month boundaries.
const ORIGIN = Date.UTC(2026, 6, 1, 15, 30);
const iso = (ms: number) => new Date(ms).toISOString();

/** A log as the server stores it: share events in ms, clicks with counts at arbitrary moments. */
function stored(log: EventLog, counts: number[]): { shares: ScoredShare[]; clicks: ScoredClick[] } {
  const published = (index: number) => (log.published[index] == null ? null : ORIGIN + log.published[index]!);
  return {
    shares: log.shares.map((share, i) => ({
      id: `s${i}`,
      contentId: `c${share.contentIndex}`,
      network: share.network,
      sharedAt: ORIGIN + share.offset,
      personalized: share.personalized,
      publishedAt: published(share.contentIndex),
    })),
    clicks: log.clicks.map((click, i) => ({
      contentId: `c${click.contentIndex}`,
      network: click.network,
      at: ORIGIN + click.offset,
      count: counts[i % counts.length] ?? 1,
    })),
  };
}

const counts = fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 10 });
const nowOffset = fc.integer({ min: 0, max: 30 * 24 * HOUR });

describe('the summarised history', () => {
  it('dates clicks at the start of their stretch in one ISO week and one UTC month', () => {
    // ISO week of Monday 29 June 2026 runs into July.
    expect(iso(clickPeriodStart(Date.UTC(2026, 5, 30, 22)))).toBe('2026-06-29T00:00:00.000Z');
    expect(iso(clickPeriodStart(Date.UTC(2026, 6, 2, 9)))).toBe('2026-07-01T00:00:00.000Z');
    expect(iso(clickPeriodStart(Date.UTC(2026, 6, 9, 9)))).toBe('2026-07-06T00:00:00.000Z');
    const clicks = clicksByPeriod([
      { contentId: 'c', network: 'x', at: Date.UTC(2026, 6, 7), count: 2 },
      { contentId: 'c', network: 'x', at: Date.UTC(2026, 6, 12, 23) },
      { contentId: 'c', network: 'linkedin', at: Date.UTC(2026, 6, 8) },
      { contentId: 'c', network: 'x', at: Date.UTC(2026, 6, 13) },
    ]);
    expect(clicks).toEqual([
      { contentId: 'c', network: 'x', at: Date.UTC(2026, 6, 6), count: 3 },
      { contentId: 'c', network: 'linkedin', at: Date.UTC(2026, 6, 6), count: 1 },
      { contentId: 'c', network: 'x', at: Date.UTC(2026, 6, 13), count: 1 },
    ]);
  });

  it('keeps the counted share of each post and network: the earliest, a personalised one at equal times', () => {
    const base = { contentId: 'c', network: 'x' as const, publishedAt: null };
    const kept = countedShares([
      { ...base, id: 'late', sharedAt: 20 },
      { ...base, id: 'plain', sharedAt: 10, personalized: false },
      { ...base, id: 'own-words', sharedAt: 10, personalized: true },
      { ...base, id: 'other-network', network: 'linkedin', sharedAt: 30 },
    ]);
    expect(kept.map((share) => share.id).sort()).toEqual(['other-network', 'own-words']);
  });

  it('property: scoring the summary gives exactly the Score of the full history, under any rules', () => {
    fc.assert(
      fc.property(
        eventLogArbitrary({ maxShares: 60, maxClicks: 120 }),
        scoringRulesArbitrary,
        counts,
        nowOffset,
        (log, rules, clickCounts, later) => {
          const { shares, clicks } = stored(log, clickCounts);
          const now = ORIGIN + later;
          const full = scoreShares(shares, rules, { clicks, now });
          const summary = scoreShares(countedShares(shares), rules, { clicks: clicksByPeriod(clicks), now });
          expect(summary).toEqual(full);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('property: the popup scores its log with a summarised history as with the full one, and summaries are stable', () => {
    fc.assert(
      fc.property(
        eventLogArbitrary({ maxShares: 50, maxClicks: 80 }),
        scoringRulesArbitrary,
        counts,
        fc.array(fc.constantFrom('server', 'both', 'local'), { minLength: 50, maxLength: 50 }),
        (log, rules, clickCounts, where) => {
          const { shares, clicks } = stored(log, clickCounts);
          const server = shares.filter((_, i) => where[i] !== 'local');
          // As an older server sent them: every event, clicks per hour.
          const hourly = clicks.map((click) => ({ ...click, at: Math.floor(click.at / HOUR) * HOUR }));
          const history = toMeHistory(server, hourly);
          const local = toMeHistory(
            shares.filter((_, i) => where[i] !== 'server'),
            [],
          ).shares.map(({ publishedAt: _publishedAt, ...share }) => share);
          const score = (record: MeHistory) => {
            const input = combineHistory(local, [], record);
            return scoreLocalLog(input.shares, input.content, rules, { clicks: input.clicks, now: ORIGIN });
          };
          const summary = summarizeMeHistory(history);
          expect(score(summary)).toEqual(score(history));
          expect(summarizeMeHistory(summary)).toEqual(summary);
          expect(summary.shares.length).toBeLessThanOrEqual(4 * 3);
        },
      ),
      { numRuns: 300 },
    );
  });
});
