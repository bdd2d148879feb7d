/** What an insertion added, for taking a half insertion back (components/composer/undo-insert.ts). */
import { describe, expect, it } from 'vitest';
import { addedSpan } from '../../components/composer/undo-insert';

describe('addedSpan', () => {
  it('finds text added at the end, at the start and in the middle', () => {
    expect(addedSpan('Hello', 'Hello\n\nRelay 2.0')).toEqual([5, 16]);
    expect(addedSpan('', 'Relay')).toEqual([0, 5]);
    expect(addedSpan('world', 'Hello world')).toEqual([0, 6]);
    expect(addedSpan('ab', 'aXYb')).toEqual([1, 3]);
  });

  it('never counts a character twice when the added text repeats its neighbours', () => {
    expect(addedSpan('aa', 'aaaa')).toEqual([2, 4]);
    const [start, end] = addedSpan('x\n', 'x\n\n');
    expect(end - start).toBe(1);
  });

  it('finds nothing when nothing was added', () => {
    const [start, end] = addedSpan('same', 'same');
    expect(end - start).toBe(0);
  });
});
