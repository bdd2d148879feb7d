/** checkPost as a whole (order, plain data, odd input) and mentionsCompany. */
import { describe, expect, it } from 'vitest';
import { checkPost, compileGuidelines, MAX_TERM_HINTS, mentionsCompany } from '.';
import type { Guidelines, Network } from '../schemas';
import { FULL, kinds, only } from './test-fixtures';

describe('a clean post', () => {
  it.each<[string, Network, string]>([
    ['LinkedIn', 'linkedin', 'Proud of what the team shipped this week. Have a look! #employee #launch'],
    ['X', 'x', 'Proud of the team #employee https://acme.example/news/launch'],
    ['Facebook', 'facebook', 'https://acme.example/news/launch'],
    ['LinkedIn, multi-line', 'linkedin', 'We shipped.\n\nRead why it matters.\n#employee'],
  ])('gets no hints on %s', (_, network, text) => {
    expect(checkPost(text, { network, guidelines: FULL, sharesToday: 2, suggestion: 'Something else' })).toEqual([]);
  });

  it('gets no hints with the default guidelines', () => {
    expect(checkPost('anything at all', { network: 'x', guidelines: { bannedTerms: [] } })).toEqual([]);
  });
});

describe('checkPost', () => {
  it('lists errors, then warnings, then information', () => {
    const text = 'free money #a #b #c #d';
    const hints = checkPost(text, { network: 'x', guidelines: FULL, sharesToday: 5, suggestion: text });
    expect(kinds(hints)).toEqual([
      'missing-disclosure',
      'banned-term',
      'too-many-hashtags',
      'daily-cap-reached',
      'identical-to-suggestion',
    ]);
  });

  it('gives plain data only', () => {
    const hints = checkPost('free money '.repeat(40), { network: 'x', guidelines: FULL, sharesToday: 9 });
    expect(JSON.parse(JSON.stringify(hints))).toEqual(hints);
  });

  it('copes with huge text', () => {
    const text = `${'free money #tag confidential '.repeat(8_000)}\uD800`;
    for (const network of ['linkedin', 'x', 'facebook'] as const) {
      const hints = checkPost(text, { network, guidelines: FULL, suggestion: text });
      expect(only(hints, 'banned-term')).toHaveLength(MAX_TERM_HINTS);
    }
  });

  it('accepts compiled guidelines that lost their class (a structured clone)', () => {
    const clone = structuredClone(compileGuidelines(FULL));
    expect(kinds(checkPost('free money', { network: 'x', guidelines: clone }))).toEqual([
      'missing-disclosure',
      'banned-term',
    ]);
  });

  it('copes with input the types rule out', () => {
    const odd = { bannedTerms: 'nope', disclosure: { text: 7 }, companyNames: [null] } as unknown as Guidelines;
    expect(checkPost(undefined as unknown as string, { network: 'x', guidelines: odd })).toEqual([]);
    expect(checkPost('hi', { network: 'x', guidelines: null as unknown as Guidelines })).toEqual([]);
    expect(mentionsCompany('Acme', odd)).toBe(false);
  });
});

describe('mentionsCompany', () => {
  const guidelines: Guidelines = { bannedTerms: [], companyNames: ['Acme', 'AT&T', 'Müller Group'] };
  it.each<[string, boolean]>([
    ['Proud of the team at Acme!', true],
    ["acme's new office", true],
    ['@Acme #ACME', true],
    ['Acmeville is lovely', false],
    ['I called AT&T today', true],
    ['the MÜLLER  GROUP annual report', true],
    ['nothing here', false],
    ['', false],
  ])('%j → %s', (text, expected) => {
    expect(mentionsCompany(text, guidelines)).toBe(expected);
    expect(mentionsCompany(text, compileGuidelines(guidelines))).toBe(expected);
  });

  it('is false without company names', () => {
    expect(mentionsCompany('Acme', { bannedTerms: [] })).toBe(false);
  });
});
