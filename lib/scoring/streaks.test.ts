import { describe, expect, it } from 'vitest';
import { scoreLocalLog } from './local-log';
import { streaks } from './streaks';
import { RULES } from '../../tests/helpers/scoring-fixtures';

describe('streaks', () => {
  it('counts the longest run and the one reaching this week or the last', () => {
    expect(streaks(new Set([1, 2, 3, 7, 8]), 9)).toEqual({ current: 2, best: 3 });
    expect(streaks(new Set([1, 2, 3, 7, 8]), 10)).toEqual({ current: 0, best: 3 });
    expect(streaks(new Set([1, 2, 3]), undefined)).toEqual({ current: 3, best: 3 });
  });

  it('leaves a week that is not a number out, instead of looping over it for ever', () => {
    expect(streaks(new Set([Number.NaN]), undefined)).toEqual({ current: 0, best: 0 });
    expect(streaks(new Set([Number.NaN, 4, 5]), undefined)).toEqual({ current: 2, best: 2 });
    expect(streaks(new Set([4, 5]), Number.NaN)).toEqual({ current: 2, best: 2 });
  });

  it('scores a local log holding a time that does not parse, without `now`', () => {
    const score = scoreLocalLog(
      [
        { contentId: 'a', network: 'linkedin', sharedAt: 'not a time' },
        { contentId: 'b', network: 'linkedin', sharedAt: '2026-03-02T10:00:00.000Z' },
      ],
      [],
      RULES,
    );
    expect(score.streak).toEqual({ current: 1, best: 1 });
  });
});
