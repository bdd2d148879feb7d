/** Property tests: DenseDays numbers days as a Map would, for any numbers. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DenseDays } from './dense-days';

describe('DenseDays', () => {
  it('numbers days in the order met, as a Map would, for any numbers', () => {
    const day = fc.oneof(
      { weight: 8, arbitrary: fc.integer({ min: 20_000, max: 20_000 + 3_000 }) },
      { weight: 2, arbitrary: fc.integer() },
      { weight: 1, arbitrary: fc.double() },
      { weight: 1, arbitrary: fc.constantFrom(0, -0, 2 ** 31, -(2 ** 31), 2 ** 32, Number.NaN, Infinity, -Infinity) },
    );
    fc.assert(
      fc.property(fc.array(day, { maxLength: 3_000 }), (met) => {
        const dense = new DenseDays();
        const numbers = met.map((d) => dense.indexOf(d));
        const reference = new Map<number, number>();
        const days: number[] = [];
        const expected = met.map((d) => {
          let index = reference.get(d);
          if (index === undefined) {
            index = days.length;
            reference.set(d, index);
            days.push(d);
          }
          return index;
        });
        expect(numbers).toEqual(expected);
        expect(dense.days).toEqual(days);
        days.forEach((d, index) => expect(Object.is(dense.days[index], d)).toBe(true));
      }),
      { numRuns: 300 },
    );
  });
});
