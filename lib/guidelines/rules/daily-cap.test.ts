/** The daily-cap-reached rule. */
import { describe, expect, it } from 'vitest';
import { checkPost } from '..';

describe('daily share cap', () => {
  it.each<[number | undefined, number | null | undefined, boolean]>([
    [5, 4, false],
    [5, 5, true],
    [5, 9, true],
    [1, 1, true],
    [undefined, 100, false],
    [5, undefined, false],
    [5, null, false],
    [5, Number.NaN, false],
  ])('cap %s, %s shares today', (dailyShareCap, sharesToday, reached) => {
    const hints = checkPost('Hello', { network: 'x', guidelines: { bannedTerms: [], dailyShareCap }, sharesToday });
    expect(hints).toEqual(reached ? [expect.objectContaining({ kind: 'daily-cap-reached', severity: 'warning' })] : []);
  });
});
