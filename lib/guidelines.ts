/**
 * The guideline checker: hints about a post against the programme's guidelines (a missing
 * disclosure, banned terms, length, hashtags, verbatim sharing, the daily share cap). The extension
 * runs it on every (debounced) change in the LinkedIn or X composer; the admin console runs it for
 * previews. Pure: no browser or server APIs, never throws, and every hint is plain data (a fix is
 * text to append, which the content script inserts through the site's editor).
 *
 * Compile the guidelines once with `compileGuidelines` and pass the result to `checkPost` on every
 * keystroke; passing raw guidelines works too, but compiles them on each call.
 *
 * `checkPost` assumes the post is about the company (a Relay share, or a post for which
 * `mentionsCompany` is true): it asks for the disclosure whenever the guidelines require it on the
 * network.
 */
import twitterText from 'twitter-text';
import type { ParsedTweet } from 'twitter-text';
import {
  codePointBoundary,
  compilePhrase,
  findPhrase,
  nextCodePointIndex,
  phraseEndAt,
  phrasesAlternation,
} from './phrases';
import type { Phrase, TextRange } from './phrases';
import type { BannedTerm, Guidelines, Network } from './schemas';

export type HintKind =
  | 'missing-disclosure'
  | 'banned-term'
  | 'too-long'
  | 'too-many-hashtags'
  | 'identical-to-suggestion'
  | 'daily-cap-reached';

export type HintSeverity = 'error' | 'warning' | 'info';

/** Part of the post: [start, end) in UTF-16 code units, never empty. */
export type HintRange = TextRange;

/** A fix as data: append `append` to the end of the post. */
export interface HintFix {
  label: string;
  append: string;
}

export interface Hint {
  kind: HintKind;
  severity: HintSeverity;
  message: string;
  /** The part of the text the hint is about, when it is about a part: 0 <= start < end <= text.length. */
  range?: HintRange;
  fix?: HintFix;
  /** For 'banned-term': the term that matched. */
  term?: BannedTerm;
}

export interface CheckContext {
  network: Network;
  /** Raw guidelines, or (on a hot path) the result of `compileGuidelines`. */
  guidelines: Guidelines | CompiledGuidelines;
  /** The suggested text this post started from, when it started from one. */
  suggestion?: string | null;
  /** Shares this advocate already made today. */
  sharesToday?: number | null;
}

export const LINKEDIN_MAX = 3000;
export const X_MAX = 280;
/** At most this many banned-term hints per check (the first ones in the text). */
export const MAX_TERM_HINTS = 20;

/** Texts longer than this get no overflow range on X when twitter-text's own range can't be used. */
const X_RANGE_SEARCH_MAX = 100_000;

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

interface TermMatch extends TextRange {
  index: number;
  term: BannedTerm;
}

/** Guidelines with every matcher built: make with `compileGuidelines`, reuse for every check. */
export interface CompiledGuidelines {
  /** The guidelines as given. */
  readonly guidelines: Guidelines;
  /** Banned terms that can't be matched: a regex that doesn't compile, or a pattern with no word. */
  readonly skippedTerms: readonly BannedTerm[];
}

class Compiled implements CompiledGuidelines {
  constructor(
    readonly guidelines: Guidelines,
    readonly skippedTerms: readonly BannedTerm[],
    readonly plainTerms: readonly PlainTerm[],
    /** Finds every position where some plain term's words (boundaries aside) begin; null: none, or too big. */
    readonly prefilter: RegExp | null,
    readonly regexTerms: readonly RegexTerm[],
    readonly disclosure: { text: string; phrase: Phrase; networks: readonly Network[]; tag?: string } | undefined,
    readonly companies: readonly Phrase[],
  ) {}
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/**
 * Builds every matcher once. Tolerates documents the schema would reject today (stored by an
 * older version): such terms land in `skippedTerms` instead of throwing.
 */
export function compileGuidelines(guidelines: Guidelines): CompiledGuidelines {
  return build(guidelines);
}

function build(guidelines: Guidelines): Compiled {
  const skipped: BannedTerm[] = [];
  const plainTerms: PlainTerm[] = [];
  const regexTerms: RegexTerm[] = [];
  arrayOf(isRecord(guidelines) ? guidelines.bannedTerms : undefined).forEach((raw, index) => {
    if (!isRecord(raw) || typeof raw.pattern !== 'string') return;
    const term = raw as BannedTerm;
    const reason = typeof term.reason === 'string' ? term.reason : '';
    if (term.regex === true) {
      try {
        if (term.pattern === '') throw new SyntaxError('empty pattern');
        regexTerms.push({
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
    if (phrase) plainTerms.push({ index, term: { ...term, reason }, phrase });
    else skipped.push(term);
  });

  let prefilter: RegExp | null = null;
  if (plainTerms.length > 0) {
    try {
      prefilter = new RegExp(`(?=${phrasesAlternation(plainTerms.map((t) => t.phrase))})`, 'giu');
    } catch {
      prefilter = null; // too large for the engine: each term scans on its own instead
    }
  }

  let disclosure: Compiled['disclosure'];
  const rawDisclosure: unknown = isRecord(guidelines) ? guidelines.disclosure : undefined;
  if (isRecord(rawDisclosure) && typeof rawDisclosure.text === 'string') {
    const text = rawDisclosure.text.trim();
    const phrase = compilePhrase(text);
    if (phrase) {
      const networks = arrayOf(rawDisclosure.networks).filter((n): n is Network => typeof n === 'string');
      const tag = /^[#\uFF03][^\s#\uFF03]+$/u.test(text) ? text.slice(1).normalize('NFC').toLowerCase() : undefined;
      disclosure = { text, phrase, networks, tag };
    }
  }

  const companies = arrayOf(isRecord(guidelines) ? guidelines.companyNames : undefined)
    .filter((name): name is string => typeof name === 'string')
    .map((name) => compilePhrase(name))
    .filter((phrase): phrase is Phrase => phrase !== undefined);

  return new Compiled(guidelines, skipped, plainTerms, prefilter, regexTerms, disclosure, companies);
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

function compiled(guidelines: Guidelines | CompiledGuidelines): Compiled {
  if (guidelines instanceof Compiled) return guidelines;
  // A copy that lost its class (structured clone, another bundle's instance): compile what it holds.
  const value: unknown = guidelines;
  if (isRecord(value) && 'skippedTerms' in value && 'guidelines' in value) return build(value.guidelines as Guidelines);
  return build(guidelines as Guidelines);
}

/** X's weighted length (twitter-text, config v3): URLs count 23, most emoji and CJK characters 2. */
export function xWeightedLength(text: string): number {
  return twitterText.parseTweet(text).weightedLength;
}

/** What LinkedIn counts: characters (code points), so an emoji counts 1. */
export function linkedInLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i = nextCodePointIndex(text, i)) count++;
  return count;
}

/** Appends a fix's text: what the content script does through the editor. */
export function applyFix(text: string, fix: HintFix): string {
  return text + fix.append;
}

/** True when the text names one of guidelines.companyNames (whole words, any case). */
export function mentionsCompany(text: string, guidelines: Guidelines | CompiledGuidelines): boolean {
  try {
    if (typeof text !== 'string' || text === '') return false;
    return compiled(guidelines).companies.some((phrase) => findPhrase(phrase, text, 1).length > 0);
  } catch {
    return false;
  }
}

const SEVERITY_ORDER: Record<HintSeverity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Hints about `text` on `context.network`, errors first, then warnings, then information; within
 * a severity in the order: disclosure, banned terms (in text order), length, hashtags, daily cap,
 * verbatim sharing. Never throws: a rule that fails on some input gives no hint.
 */
export function checkPost(text: string, context: CheckContext): Hint[] {
  const post = typeof text === 'string' ? text : '';
  const hints: Hint[] = [];
  let guidelines: Compiled;
  let network: Network;
  try {
    guidelines = compiled(context.guidelines);
    network = context.network;
  } catch {
    return hints;
  }
  const rules: (() => void)[] = [
    () => checkDisclosure(post, network, guidelines, hints),
    () => checkBannedTerms(post, guidelines, hints),
    () => checkLength(post, network, hints),
    () => checkHashtags(post, network, guidelines, hints),
    () => checkDailyCap(context.sharesToday, guidelines.guidelines, hints),
    () => checkIdentical(post, context.suggestion, network, guidelines, hints),
  ];
  for (const rule of rules) {
    const before = hints.length;
    try {
      rule();
    } catch {
      hints.length = before;
    }
  }
  return hints.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

function disclosureFor(guidelines: Compiled, network: Network): Compiled['disclosure'] {
  const disclosure = guidelines.disclosure;
  return disclosure && disclosure.networks.includes(network) ? disclosure : undefined;
}

/**
 * What to append so the post carries the disclosure: on a new line when the text ends with a line
 * break, or is several lines long on LinkedIn; after a space otherwise; with no separator when the
 * text is empty or already ends with a space.
 */
export function disclosureAppend(text: string, disclosure: string, network: Network): string {
  if (text === '') return disclosure;
  if (/[\n\r\u2028\u2029]$/u.test(text)) return `\n${disclosure}`;
  if (network === 'linkedin' && /[\n\r\u2028\u2029]/u.test(text)) return `\n${disclosure}`;
  if (/\s$/u.test(text)) return disclosure;
  return ` ${disclosure}`;
}

function checkDisclosure(text: string, network: Network, guidelines: Compiled, hints: Hint[]): void {
  const disclosure = disclosureFor(guidelines, network);
  if (!disclosure) return;
  if (findPhrase(disclosure.phrase, text, 1).length > 0) return;
  hints.push({
    kind: 'missing-disclosure',
    severity: 'error',
    message: `Say that you work for the company: add "${disclosure.text}" to your post.`,
    fix: { label: `Add ${disclosure.text}`, append: disclosureAppend(text, disclosure.text, network) },
  });
}

function findBannedTerms(text: string, guidelines: Compiled, limit: number): TermMatch[] {
  const found: TermMatch[] = [];
  const plain = guidelines.plainTerms;
  if (guidelines.prefilter) {
    // One scan finds where any term's words begin; only there is each term tried, with its boundaries.
    const lastEnd = new Array<number>(plain.length).fill(0);
    const prefilter = guidelines.prefilter;
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
  for (const entry of guidelines.regexTerms) {
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

function excerpt(text: string): string {
  const flat = collapseWhiteSpace(text);
  const cut = codePointBoundary(flat, 40);
  return flat.length > 40 ? `${flat.slice(0, cut)}…` : flat;
}

function checkBannedTerms(text: string, guidelines: Compiled, hints: Hint[]): void {
  if (text === '') return;
  for (const match of findBannedTerms(text, guidelines, MAX_TERM_HINTS)) {
    const reason = match.term.reason.trim();
    hints.push({
      kind: 'banned-term',
      severity: 'error',
      message: `Avoid "${excerpt(text.slice(match.start, match.end))}"${reason ? `: ${reason}` : '.'}`,
      range: { start: match.start, end: match.end },
      term: match.term,
    });
  }
}

/** Where the part of the text X won't take begins, when it can be told. */
function xOverflowStart(text: string, parsed: ParsedTweet): number | undefined {
  if (text === text.normalize('NFC') && !twitterText.hasInvalidCharacters(text)) {
    // validRangeEnd: the last UTF-16 index within the limit, in the NFC text (the same text here).
    const start = parsed.validRangeEnd + 1;
    if (start > 0 && start < text.length) return codePointBoundary(text, start);
  }
  if (text.length > X_RANGE_SEARCH_MAX) return undefined;
  // The longest prefix within the limit, by binary search (prefixes grow in weight but for URLs).
  let fits = 0;
  let over = text.length;
  while (over - fits > 1) {
    const middle = Math.floor((fits + over) / 2);
    if (xWeightedLength(text.slice(0, middle)) <= X_MAX) fits = middle;
    else over = middle;
  }
  const start = codePointBoundary(text, fits);
  return start > 0 && start < text.length ? start : undefined;
}

function checkLength(text: string, network: Network, hints: Hint[]): void {
  if (network === 'x') {
    const parsed = twitterText.parseTweet(text);
    const length = parsed.weightedLength;
    if (length <= X_MAX) return;
    const start = xOverflowStart(text, parsed);
    hints.push({
      kind: 'too-long',
      severity: 'error',
      message:
        `Too long for X by ${(length - X_MAX).toLocaleString('en-US')} ` +
        `(${length.toLocaleString('en-US')} of ${X_MAX}; links count 23, most emoji and CJK characters 2).`,
      ...(start === undefined ? {} : { range: { start, end: text.length } }),
    });
  } else if (network === 'linkedin') {
    const length = linkedInLength(text);
    if (length <= LINKEDIN_MAX) return;
    let start = 0;
    for (let counted = 0; counted < LINKEDIN_MAX; counted++) start = nextCodePointIndex(text, start);
    hints.push({
      kind: 'too-long',
      severity: 'error',
      message: `Too long for LinkedIn by ${(length - LINKEDIN_MAX).toLocaleString('en-US')} characters (${length.toLocaleString('en-US')} of ${LINKEDIN_MAX.toLocaleString('en-US')}).`,
      range: { start, end: text.length },
    });
  }
}

/** How many hash signs the text holds, counting no further than `stop`. */
function countHashSigns(text: string, stop: number): number {
  let count = 0;
  for (const sign of ['#', '\uFF03']) {
    for (let at = text.indexOf(sign); at >= 0 && count < stop; at = text.indexOf(sign, at + 1)) count++;
  }
  return count;
}

function checkHashtags(text: string, network: Network, guidelines: Compiled, hints: Hint[]): void {
  const max = guidelines.guidelines.maxHashtags;
  if (typeof max !== 'number' || !Number.isFinite(max) || text === '') return;
  // Every hashtag has a hash sign: when there are few, there is nothing to extract (which is slow).
  if (countHashSigns(text, max + 1) <= max) return;
  let tags = twitterText.extractHashtagsWithIndices(text);
  // The disclosure hashtag is required, so it never counts against the limit.
  const required = disclosureFor(guidelines, network)?.tag;
  let exempt: string | undefined;
  if (required !== undefined) {
    const at = tags.findIndex((tag) => tag.hashtag.normalize('NFC').toLowerCase() === required);
    if (at >= 0) {
      exempt = tags[at]?.hashtag;
      tags = tags.filter((_, i) => i !== at);
    }
  }
  if (tags.length <= max) return;
  const first = tags[Math.max(0, max)];
  const [start, end] = first?.indices ?? [0, 0];
  const exemptNote = exempt === undefined ? '' : ` (#${exempt} doesn't count)`;
  hints.push({
    kind: 'too-many-hashtags',
    severity: 'warning',
    message: `${tags.length} hashtags${exemptNote}; the guidelines allow at most ${max}. Remove ${tags.length - max}.`,
    ...(end > start && end <= text.length ? { range: { start, end } } : {}),
  });
}

function checkDailyCap(sharesToday: number | null | undefined, guidelines: Guidelines, hints: Hint[]): void {
  const cap = guidelines.dailyShareCap;
  if (typeof cap !== 'number' || typeof sharesToday !== 'number' || !(sharesToday >= cap)) return;
  hints.push({
    kind: 'daily-cap-reached',
    severity: 'warning',
    message: `You've shared ${sharesToday} time${sharesToday === 1 ? '' : 's'} today; the programme's daily limit is ${cap}. Posting more today can read as spam: keep this one for tomorrow.`,
  });
}

const WHITE_SPACE = /\s+/gu;

/**
 * Runs of white space made one space, and trimmed. An exec loop, not String#replace: once
 * twitter-text has loaded, replace with a regex runs several times slower (its core-js polyfills
 * probe RegExp species, which turns V8's fast path off for the whole page or content script).
 */
function collapseWhiteSpace(text: string): string {
  let result = '';
  let last = 0;
  WHITE_SPACE.lastIndex = 0;
  for (let match = WHITE_SPACE.exec(text); match; match = WHITE_SPACE.exec(text)) {
    result += `${text.slice(last, match.index)} `;
    last = match.index + match[0].length;
  }
  return (result + text.slice(last)).trim();
}

/** Trimmed, white space collapsed, NFC; the disclosure taken out (adding it alone is not personalising). */
function comparable(text: string, disclosure: Phrase | undefined): string {
  let result = text;
  if (disclosure) {
    const pieces: string[] = [];
    let last = 0;
    for (const range of findPhrase(disclosure, text)) {
      pieces.push(text.slice(last, range.start));
      last = range.end;
    }
    pieces.push(text.slice(last));
    result = pieces.join(' ');
  }
  return collapseWhiteSpace(result.normalize('NFC'));
}

function checkIdentical(
  text: string,
  suggestion: string | null | undefined,
  network: Network,
  guidelines: Compiled,
  hints: Hint[],
): void {
  if (typeof suggestion !== 'string') return;
  const disclosure = disclosureFor(guidelines, network)?.phrase;
  const suggested = comparable(suggestion, disclosure);
  if (suggested === '' || comparable(text, disclosure) !== suggested) return;
  hints.push({
    kind: 'identical-to-suggestion',
    severity: 'info',
    message:
      'Add a sentence in your own words: why it matters to you, or what you worked on. Personal posts reach more people than identical ones.',
  });
}
