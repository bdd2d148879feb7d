/** Reading form inputs: numbers and lists typed as text. */

/** "" → undefined, else the number (NaN for text that is not one, which the schema reports). */
export function numberOrUndefined(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return Number(trimmed);
}

/** A comma- or newline-separated list, trimmed, empties dropped. */
export function splitList(text: string, separator: RegExp = /[,\n]/): string[] {
  return text
    .split(separator)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
