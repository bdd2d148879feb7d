// slugify: campaign names as lower-case ASCII slugs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { slugify } from './utm';

describe('slugify', () => {
  it.each([
    ['Spring Launch 2026!', 'spring-launch-2026'],
    ['Café déjà vu', 'cafe-deja-vu'],
    ['Ünïcödé Façade', 'unicode-facade'],
    ['  --Hello__World--  ', 'hello-world'],
    ['ﬁnance ① report', 'finance-1-report'],
    ['Q4: 10% off — today only', 'q4-10-off-today-only'],
    ['already-a-slug', 'already-a-slug'],
    ['', 'relay'],
    ['!!!', 'relay'],
    ['日本語のタイトル', 'relay'],
    ['a'.repeat(59) + ' bcd', 'a'.repeat(59)],
    ['word '.repeat(30), 'word-'.repeat(12).slice(0, 59)],
  ])('slugify(%j) is %j', (text, expected) => {
    expect(slugify(text)).toBe(expected);
  });

  it('always gives lower-case ASCII words joined by "-", at most 60 characters, and is idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme', maxLength: 100 })), (text) => {
        const slug = slugify(text);
        expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(slug.length).toBeLessThanOrEqual(60);
        expect(slugify(slug)).toBe(slug);
      }),
      { numRuns: 500 },
    );
  });
});
