import { describe, expect, it } from 'vitest';
import { HOUR } from '../../tests/helpers/scoring';
import { RULES, T0, share } from '../../tests/helpers/scoring-fixtures';
import type { Network } from '../schemas';
import { levelFor, sharePoints } from './rules';
import type { ScoredShare } from './types';

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
