/** Banned terms: each compiled once (plain phrases behind one prefilter, regexes with a scout), then found in a post. */
import { compilePhrase, findPhrase, nextCodePointIndex, phraseEndAt, phrasesAlternation } from '../phrases';
import type { Phrase, TextRange } from '../phrases';
import type { BannedTerm } from '../schemas/guidelines';

interface PlainTerm {
  index: number;
  term: BannedTerm;
  phrase: Phrase;
}

interface RegexTerm {
  index: number;
  term: BannedTerm;
  /** The pattern, flags 'giu'. */
  regex: RegExp;
  /**
   * For a pattern that starts with \b: the pattern without it (flags 'giu'), to find where a match
   * may start, and the whole pattern (flags 'iuy') to try there. V8 scans a pattern that starts with
   * \b under 'iu' ten to forty times slower than one that starts with a letter.
   */
  scout?: { candidates: RegExp; sticky: RegExp };
}

export interface TermMatch extends TextRange {
  index: number;
  term: BannedTerm;
}

/** Every banned term's matcher (plain data and regular expressions: a structured clone keeps it). */
export interface CompiledTerms {
  readonly skipped: readonly BannedTerm[];
  readonly plain: readonly PlainTerm[];
  /** Finds every position where some plain term's words (boundaries aside) begin; null: none, or too big. */
  readonly prefilter: RegExp | null;
  readonly regex: readonly RegexTerm[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Builds every term's matcher. Tolerates lists the schema would reject today (stored by an older
 * version): such terms land in `skipped` instead of throwing.
 */
export function compileTerms(list: readonly unknown[]): CompiledTerms {
  const skipped: BannedTerm[] = [];
  const plain: PlainTerm[] = [];
  const regex: RegexTerm[] = [];
  list.forEach((raw, index) => {
    if (!isRecord(raw) || typeof raw.pattern !== 'string') return;
    const term = raw as BannedTerm;
    const reason = typeof term.reason === 'string' ? term.reason : '';
    if (term.regex === true) {
      try {
        if (term.pattern === '') throw new SyntaxError('empty pattern');
        regex.push({
          index,
          term: { ...term, reason },
          regex: new RegExp(term.pattern, 'giu'),
          scout: scoutFor(term.pattern),
        });
      } catch {
        skipped.push(term);
      }
      return;
    }
    const phrase = compilePhrase(term.pattern);
    if (phrase) plain.push({ index, term: { ...term, reason }, phrase });
    else skipped.push(term);
  });

  let prefilter: RegExp | null = null;
  if (plain.length > 0) {
    try {
      prefilter = new RegExp(`(?=${phrasesAlternation(plain.map((t) => t.phrase))})`, 'giu');
    } catch {
      prefilter = null; // too large for the engine: each term scans on its own instead
    }
  }
  return { skipped, plain, prefilter, regex };
}

/**
 * Every match of `\bX` starts where `X` matches, so scanning for `X` and trying `\bX` at each hit
 * finds exactly what scanning for `\bX` finds.
 */
function scoutFor(pattern: string): RegexTerm['scout'] {
  let rest = pattern;
  while (rest.startsWith('\\b')) rest = rest.slice(2);
  if (rest === pattern || rest === '') return undefined;
  try {
    return { candidates: new RegExp(rest, 'giu'), sticky: new RegExp(pattern, 'iuy') };
  } catch {
    return undefined;
  }
}

/** At most `limit` matches, in text order; the same pattern at the same place counts once. */
export function findBannedTerms(text: string, terms: CompiledTerms, limit: number): TermMatch[] {
  const found: TermMatch[] = [];
  const plain = terms.plain;
  if (terms.prefilter) {
    // One scan finds where any term's words begin; only there is each term tried, with its boundaries.
    const lastEnd = new Array<number>(plain.length).fill(0);
    const prefilter = terms.prefilter;
    prefilter.lastIndex = 0;
    scan: while (found.length < limit) {
      const candidate = prefilter.exec(text);
      if (!candidate) break;
      const start = candidate.index;
      const here = new Set<string>(); // the same pattern listed twice counts once
      for (let i = 0; i < plain.length; i++) {
        const entry = plain[i];
        if (!entry || start < (lastEnd[i] ?? 0)) continue;
        const end = phraseEndAt(entry.phrase, text, start);
        if (end <= start) continue;
        lastEnd[i] = end;
        const key = `${end}:${entry.term.pattern.toLowerCase()}`;
        if (here.has(key)) continue;
        here.add(key);
        found.push({ start, end, index: entry.index, term: entry.term });
        if (found.length >= limit) break scan;
      }
      prefilter.lastIndex = nextCodePointIndex(text, start);
    }
  } else {
    for (const entry of plain) {
      for (const range of findPhrase(entry.phrase, text, limit)) found.push({ ...range, ...entry });
    }
  }
  for (const entry of terms.regex) {
    try {
      for (const range of findRegex(entry, text, limit)) found.push({ ...range, index: entry.index, term: entry.term });
    } catch {
      // A pathological regex (the engine's stack or memory ran out): this term gives no hint.
    }
  }
  const seen = new Set<string>();
  return found
    .sort((a, b) => a.start - b.start || a.index - b.index)
    .filter((match) => {
      const key = `${match.start}:${match.end}:${match.term.pattern.toLowerCase()}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, limit);
}

/** Non-empty matches, left to right, as a global scan finds them; zero-length matches skipped. */
function findRegex(entry: RegexTerm, text: string, limit: number): TextRange[] {
  const found: TextRange[] = [];
  const scan = entry.scout?.candidates ?? entry.regex;
  const sticky = entry.scout?.sticky;
  scan.lastIndex = 0;
  while (found.length < limit) {
    const candidate = scan.exec(text);
    if (!candidate) break;
    const start = candidate.index;
    let length = candidate[0].length;
    if (sticky) {
      sticky.lastIndex = start;
      length = sticky.exec(text)?.[0].length ?? 0;
    }
    if (length > 0) {
      found.push({ start, end: start + length });
      scan.lastIndex = start + length;
    } else {
      scan.lastIndex = nextCodePointIndex(text, start);
    }
  }
  return found;
}
