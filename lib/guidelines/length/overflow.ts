/** A post's length by each way a network counts (lib/networks.ts `length.counting`), and where it overflows. */
import type { LengthCounting } from '../../networks';
import { nextCodePointIndex } from '../../phrases';
import { weightedOverflow, xWeightedLength } from './twitter';

/** A text over its limit: its length as the network counts, and where the part over begins (when told). */
export interface Overflow {
  length: number;
  start: number | undefined;
}

export interface Counter {
  length(text: string): number;
  /** Undefined when the text is within `max`. */
  overflow(text: string, max: number): Overflow | undefined;
  /** How the hint names the unit: "by 5 characters". */
  readonly unit: string;
  /** Said after "(3,005 of 3,000": what counts differently from what people expect. */
  readonly note: string;
}

/** What LinkedIn counts: characters (code points), so an emoji counts 1. */
export function codePointLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i = nextCodePointIndex(text, i)) count++;
  return count;
}

/** User-perceived characters: an emoji with its modifiers, a letter with its accents, counts 1. */
export function graphemeLength(text: string): number {
  let count = 0;
  for (const _ of graphemes().segment(text)) count++;
  return count;
}

let segmenter: Intl.Segmenter | undefined;
function graphemes(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return segmenter;
}

export const COUNTERS: Record<LengthCounting, Counter> = {
  'twitter-weighted': {
    length: xWeightedLength,
    overflow: weightedOverflow,
    unit: '',
    note: '; links count 23, most emoji and CJK characters 2',
  },
  characters: {
    length: codePointLength,
    overflow(text, max) {
      const length = codePointLength(text);
      if (length <= max) return undefined;
      let start = 0;
      for (let counted = 0; counted < max; counted++) start = nextCodePointIndex(text, start);
      return { length, start };
    },
    unit: ' characters',
    note: '',
  },
  graphemes: {
    length: graphemeLength,
    overflow(text, max) {
      let length = 0;
      let start: number | undefined;
      for (const { index } of graphemes().segment(text)) {
        if (length === max) start = index;
        length++;
      }
      return length <= max ? undefined : { length, start };
    },
    unit: ' characters',
    note: '',
  },
};
