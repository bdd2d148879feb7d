import { describe, expect, it } from 'vitest';
import { T0, WEEK } from '../../tests/helpers/scoring-fixtures';
import { isoWeekIndex, isoWeekKey, isoWeekLabel, isoWeekStart, monthKey } from './calendar';

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
