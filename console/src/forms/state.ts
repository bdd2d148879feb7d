/** The pure parts of a form's state: which errors an edit clears, and editing rows of a list. */
import type { Errors } from './errors';

/**
 * The errors left once the field at `path` changed: its own, those nested under it, those of the
 * fields it sits in ("variants.x" for "variants.x.1") and the form-level one ("") go, since they
 * may no longer hold. The same object when nothing went.
 */
export function withoutErrorsAt(errors: Errors, path: string): Errors {
  const next = { ...errors };
  let changed = false;
  for (const key of Object.keys(next)) {
    if (key === '' || key === path || key.startsWith(`${path}.`) || path.startsWith(`${key}.`)) {
      delete next[key];
      changed = true;
    }
  }
  return changed ? next : errors;
}

/** The list with its `index`th entry changed. */
export function replaceAt<T>(list: readonly T[], index: number, change: (entry: T) => T): T[] {
  return list.map((entry, i) => (i === index ? change(entry) : entry));
}

/** The list without its `index`th entry. */
export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

/**
 * Where focus goes once row `index` is removed and `remaining` rows are left: the row that took
 * its place (or the new last one), else `fallback` (the "Add" button).
 */
export function rowAfterRemoval(
  remaining: number,
  index: number,
  idOfRow: (index: number) => string,
  fallback: string,
): string {
  return remaining > 0 ? idOfRow(Math.min(index, remaining - 1)) : fallback;
}
