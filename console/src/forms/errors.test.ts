/** The console's form helpers: schema and server errors to field messages, local times to ISO. */
import { describe, expect, it } from 'vitest';
import { contentInputSchema, guidelinesSchema, scoringRulesSchema, DEFAULT_SCORING } from '../../../lib/schemas';
import { errorAt, fieldId, numberOrUndefined, serverErrors, splitList, zodErrors } from '.';
import { isoToLocal, localToIso } from '../time';

describe('zodErrors', () => {
  it('keeps a schema’s own messages and words zod’s defaults for people', () => {
    const result = contentInputSchema.safeParse({ title: '', url: 'ftp://x', variants: { linkedin: [''] } });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(zodErrors(result.error)).toMatchObject({
      title: 'A title is required.',
      url: 'Must be an absolute http(s) URL.',
      'variants.linkedin.0': 'A variant cannot be empty.',
    });
  });

  it('says "at most" for numbers over the limit and "enter a number" for text', () => {
    const capped = guidelinesSchema.safeParse({ bannedTerms: [], dailyShareCap: 600 });
    expect(capped.success || zodErrors(capped.error).dailyShareCap).toBe('Must be at most 500.');
    const scoring = scoringRulesSchema.safeParse({ ...DEFAULT_SCORING, pointsPerClick: Number.NaN });
    expect(scoring.success || zodErrors(scoring.error).pointsPerClick).toBe('Enter a number.');
  });

  it('reports a banned term without a reason at the reason', () => {
    const result = guidelinesSchema.safeParse({ bannedTerms: [{ pattern: 'x', reason: '' }] });
    expect(result.success || zodErrors(result.error)['bannedTerms.0.reason']).toBe('Say why the term is banned.');
  });
});

describe('serverErrors and errorAt', () => {
  it('maps problem+json errors[] by dotted path or JSON pointer', () => {
    const errors = serverErrors([
      { path: 'variants.x.1', message: 'a variant cannot be empty' },
      { path: '/expiresAt', message: 'must be in the future' },
    ]);
    expect(errors).toEqual({ 'variants.x.1': 'A variant cannot be empty.', expiresAt: 'Must be in the future.' });
    expect(errorAt(errors, 'variants.x')).toBe('A variant cannot be empty.');
    expect(errorAt(errors, 'variants.linkedin')).toBeUndefined();
  });

  it('makes ids usable in HTML and CSS', () => {
    expect(fieldId('compose', 'variants.x.1')).toBe('compose-variants-x-1');
  });
});

describe('inputs', () => {
  it('reads numbers and lists', () => {
    expect(numberOrUndefined(' ')).toBeUndefined();
    expect(numberOrUndefined('12')).toBe(12);
    expect(numberOrUndefined('twelve')).toBeNaN();
    expect(splitList(' launch, ,lisbon ,')).toEqual(['launch', 'lisbon']);
  });

  it('turns datetime-local values into ISO with zone and back', () => {
    const iso = localToIso('2026-11-23T10:30');
    expect(iso).toMatch(/^2026-11-2\dT\d{2}:30:00\.000Z$/);
    expect(isoToLocal(iso)).toBe('2026-11-23T10:30');
    expect(localToIso('')).toBeUndefined();
    expect(localToIso('not a time')).toBeUndefined();
    expect(isoToLocal(null)).toBe('');
  });
});
