import { describe, expect, it } from 'vitest';
import { dailyTotals, dayWords, problemsOf, siteStatus } from './integration-health';
import { zeroCounts, type HealthCounts, type HealthDayRow } from './schemas/health';

function row(
  day: string,
  counts: Partial<HealthCounts>,
  site: 'linkedin' | 'x' = 'linkedin',
  version = '1.0.0',
): HealthDayRow {
  return { site, version, day, browsers: 1, counts: { ...zeroCounts(), ...counts } };
}

describe('integration health status', () => {
  it('says "no data" for a site without rows', () => {
    const status = siteStatus([row('2026-12-01', { composersSeen: 3 }, 'x')], 'linkedin');
    expect(status).toEqual({ site: 'linkedin', state: 'no-data', problems: [], line: 'LinkedIn: no data' });
  });

  it('is healthy when the latest day worked, whatever failed before', () => {
    const rows = [
      row('2026-11-30', { insertionsFailed: 4 }),
      row('2026-12-01', {
        composersSeen: 2,
        insertionsConfirmed: 1,
        insertionsFailed: 1,
        publishesUnconfirmed: 1,
        publishesConfirmed: 1,
      }),
    ];
    expect(siteStatus(rows, 'linkedin')).toMatchObject({ state: 'healthy', line: 'LinkedIn: healthy' });
  });

  it('dates a failure from the first day of the failing run, versions added together', () => {
    const rows = [
      row('2026-11-29', { insertionsConfirmed: 5, insertionsFailed: 1 }),
      row('2026-11-30', { insertionsFailed: 2 }, 'linkedin', '1.0.0'),
      row('2026-12-01', { insertionsFailed: 3 }, 'linkedin', '1.0.0'),
      row('2026-12-01', { insertionsFailed: 1, composersSeen: 1 }, 'linkedin', '1.1.0'),
    ];
    const status = siteStatus(rows, 'linkedin');
    expect(status.state).toBe('failing');
    expect(status.since).toBe('2026-11-30');
    expect(status.line).toBe('LinkedIn: insertions failing since Mon 30 Nov');
  });

  it('names composers not recognised, publishes not confirmed and refused overrides', () => {
    expect(problemsOf({ ...zeroCounts(), composersUnmatched: 2 })).toEqual(['composers']);
    expect(problemsOf({ ...zeroCounts(), composersUnmatched: 2, composersSeen: 1 })).toEqual([]);
    expect(problemsOf({ ...zeroCounts(), publishesUnconfirmed: 1 })).toEqual(['publishes']);
    expect(problemsOf({ ...zeroCounts(), overridesRefused: 1, composersSeen: 1 })).toEqual(['overrides']);
    const line = siteStatus([row('2026-12-02', { composersUnmatched: 1, publishesUnconfirmed: 2 }, 'x')], 'x').line;
    expect(line).toBe('X: composers not recognised, publishes not confirmed since Wed 2 Dec');
  });

  it('adds each day over versions, in day order', () => {
    const totals = dailyTotals(
      [
        row('2026-12-02', { composersSeen: 1 }, 'x', '2.0.0'),
        row('2026-12-01', { composersSeen: 2 }, 'x'),
        row('2026-12-02', { composersSeen: 4 }, 'x'),
      ],
      'x',
    );
    expect(totals.map(([day, counts]) => [day, counts.composersSeen])).toEqual([
      ['2026-12-01', 2],
      ['2026-12-02', 5],
    ]);
    expect(dayWords('2026-12-06')).toBe('Sun 6 Dec');
  });
});
