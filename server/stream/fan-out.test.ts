/** The fan-out's batch sizes: a small first batch so the first answers leave early, then doubling up to the batch size. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchSizes } from './fan-out';

describe('batchSizes', () => {
  it('starts at a fifth of the batch size and doubles up to it (10,000 connections, batches of 2,500)', () => {
    expect(batchSizes(10_000, 2_500)).toEqual([500, 1_000, 2_000, 2_500, 2_500, 1_500]);
  });

  it('gives fewer connections than the first batch one batch, and none no batch', () => {
    expect(batchSizes(120, 2_500)).toEqual([120]);
    expect(batchSizes(0, 2_500)).toEqual([]);
  });

  it('a batch size under five still starts at one connection', () => {
    expect(batchSizes(5, 2)).toEqual([1, 2, 2]);
  });

  it('covers every connection once, no batch empty or over the size, none smaller than the one before but the last', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50_000 }), fc.integer({ min: 1, max: 5_000 }), (total, size) => {
        const sizes = batchSizes(total, size);
        expect(sizes.reduce((sum, n) => sum + n, 0)).toBe(total);
        expect(sizes.every((n) => n >= 1 && n <= size)).toBe(true);
        for (let i = 1; i < sizes.length - 1; i++) expect(sizes[i]).toBeGreaterThanOrEqual(sizes[i - 1]!);
      }),
    );
  });
});
