/** The form helper's pure parts: which server errors an edit clears, and editing rows. */
import { describe, expect, it } from 'vitest';
import { removeAt, replaceAt, rowAfterRemoval, withoutErrorsAt } from '.';

describe('withoutErrorsAt', () => {
  const errors = {
    '': 'Conflict.',
    title: 'Required.',
    'variants.x': 'Add a variant.',
    'variants.x.1': 'Too long.',
    'variants.linkedin.0': 'Required.',
  };

  it('drops the field’s own error, those under it, those of fields above it and the form’s', () => {
    expect(withoutErrorsAt(errors, 'variants.x.1')).toEqual({ title: 'Required.', 'variants.linkedin.0': 'Required.' });
    expect(withoutErrorsAt(errors, 'variants.x')).toEqual({ title: 'Required.', 'variants.linkedin.0': 'Required.' });
  });

  it('gives back the same object when nothing goes', () => {
    const kept = { title: 'Required.' };
    expect(withoutErrorsAt(kept, 'url')).toBe(kept);
  });
});

describe('rows', () => {
  it('replaces and removes by index', () => {
    expect(replaceAt(['a', 'b', 'c'], 1, (value) => value.toUpperCase())).toEqual(['a', 'B', 'c']);
    expect(removeAt(['a', 'b', 'c'], 0)).toEqual(['b', 'c']);
  });

  it('moves focus to the row that took the removed one’s place, else to the add button', () => {
    const id = (index: number) => `row-${index}`;
    expect(rowAfterRemoval(2, 0, id, 'add')).toBe('row-0');
    expect(rowAfterRemoval(2, 2, id, 'add')).toBe('row-1');
    expect(rowAfterRemoval(0, 0, id, 'add')).toBe('add');
  });
});
