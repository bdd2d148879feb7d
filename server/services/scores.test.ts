/**
 * "For the same events, the popup shows the same numbers as the server": random event logs run
 * through the extension's path (its local share log, ISO times, publish times from synced content,
 * clicks one by one) and the server's path (rows as stored: ms times, 0/1 flags, hourly click
 * counts per link, through the conversion code the server uses) must score identically.
 * tests/server/scoring.test.ts does the same through the real database and HTTP API.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreLocalLog } from '../../lib/scoring';
import { DEFAULT_SCORING } from '../../lib/schemas';
import { HOUR, eventLogArbitrary, scoringRulesArbitrary, type EventLog } from '../../tests/helpers/scoring';
import {
  bucketRows,
  rulesVersion,
  scoreInputs,
  scoredClicksFromRows,
  scoredSharesFromRows,
  type ClickCountRow,
  type ShareRow,
} from './scores';

const ORIGIN = Date.UTC(2026, 4, 20, 13, 7);

function extensionPath(log: EventLog) {
  const shares = log.shares.map((s) => ({
    contentId: `c${s.contentIndex}`,
    network: s.network,
    sharedAt: new Date(ORIGIN + s.offset).toISOString(),
    personalized: s.personalized,
  }));
  const content = log.published.map((offset, i) => ({
    id: `c${i}`,
    publishAt: offset === null ? null : new Date(ORIGIN + offset).toISOString(),
  }));
  const clicks = log.clicks.map((c) => ({
    contentId: `c${c.contentIndex}`,
    network: c.network,
    at: ORIGIN + c.offset,
  }));
  return { shares, content, clicks };
}

function serverRows(log: EventLog): { shares: ShareRow[]; clicks: ClickCountRow[] } {
  const shares = log.shares.map((s) => ({
    content_id: `c${s.contentIndex}`,
    network: s.network,
    shared_at: ORIGIN + s.offset,
    personalized: s.personalized ? 1 : 0,
    publish_at: log.published[s.contentIndex] == null ? null : ORIGIN + log.published[s.contentIndex]!,
  }));
  const counts = new Map<string, ClickCountRow>();
  for (const c of log.clicks) {
    const hour = Math.floor((ORIGIN + c.offset) / HOUR);
    const key = `c${c.contentIndex} ${c.network} ${hour}`;
    const row = counts.get(key);
    if (row) row.clicks++;
    else counts.set(key, { content_id: `c${c.contentIndex}`, network: c.network, hour, clicks: 1 });
  }
  return { shares, clicks: [...counts.values()] };
}

describe('extension and server score the same events alike', () => {
  it('property: equal scores for random logs and rules', () => {
    fc.assert(
      fc.property(
        eventLogArbitrary(),
        scoringRulesArbitrary,
        fc.integer({ min: -30, max: 30 }),
        (log, rules, nowDays) => {
          const now = ORIGIN + nowDays * 86_400_000;
          const ext = extensionPath(log);
          const fromPopup = scoreLocalLog(ext.shares, ext.content, rules, { clicks: ext.clicks, now });
          const rows = serverRows(log);
          const fromServer = scoreInputs(
            { shares: scoredSharesFromRows(rows.shares), clicks: scoredClicksFromRows(rows.clicks) },
            rules,
            now,
          );
          expect(fromServer).toEqual(fromPopup);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('stored buckets are the score’s total, months and weeks, and sum up per period', () => {
    fc.assert(
      fc.property(eventLogArbitrary(), scoringRulesArbitrary, (log, rules) => {
        const rows = serverRows(log);
        const score = scoreInputs(
          { shares: scoredSharesFromRows(rows.shares), clicks: scoredClicksFromRows(rows.clicks) },
          {
            ...rules,
            enabled: true,
          },
        );
        const buckets = bucketRows(score);
        const total = (match: RegExp) =>
          buckets.filter((row) => match.test(row.bucket)).reduce((sum, row) => sum + row.points, 0);
        expect(buckets.find((row) => row.bucket === 'all')?.points ?? 0).toBe(score.points);
        expect(total(/^\d{4}-\d{2}$/)).toBe(score.points);
        expect(total(/^\d{4}-W\d{2}$/)).toBe(score.points);
        expect(buckets.every((row) => row.points > 0)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('rulesVersion', () => {
  it('ignores enabled (turning gamification off and on needs no recomputation) but nothing else', () => {
    expect(rulesVersion({ ...DEFAULT_SCORING, enabled: false })).toBe(rulesVersion(DEFAULT_SCORING));
    expect(rulesVersion({ ...DEFAULT_SCORING, personalizedBonus: 6 })).not.toBe(rulesVersion(DEFAULT_SCORING));
    expect(
      rulesVersion({ ...DEFAULT_SCORING, pointsPerShare: { ...DEFAULT_SCORING.pointsPerShare, facebook: 5 } }),
    ).not.toBe(rulesVersion(DEFAULT_SCORING));
  });
});
