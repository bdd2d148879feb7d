import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoMillis } from './iso-millis';

describe('isoMillis', () => {
  it('equals Date.parse on toISOString output, years 0 to 9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 }), (ms) => {
        const text = new Date(ms).toISOString();
        expect(isoMillis(text)).toBe(Date.parse(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('equals Date.parse on other forms and on damaged strings', () => {
    const chars = fc.constantFrom(...'0123456789-:.TZ+ x');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) }), fc.nat(23), chars, (ms, at, char) => {
        const text = new Date(ms).toISOString();
        const damaged = text.slice(0, at) + char + text.slice(at + 1);
        expect(Object.is(isoMillis(damaged), Date.parse(damaged)), damaged).toBe(true);
      }),
      { numRuns: 2000 },
    );
    for (const text of [
      '2026-02-29T00:00:00.000Z',
      '2024-02-29T12:00:00.000Z',
      '2026-04-31T00:00:00.000Z',
      '2026-01-01T24:00:00.000Z',
      '2026-01-01T10:00:00+02:00',
      '2026-01-01',
      '+012026-01-01T00:00:00.000Z',
    ]) {
      expect(Object.is(isoMillis(text), Date.parse(text)), text).toBe(true);
    }
  });
});
