/** Properties of the guideline checker over generated guidelines and posts (fast-check). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyFix,
  checkPost,
  compileGuidelines,
  MAX_TERM_HINTS,
  mentionsCompany,
  X_MAX,
  xWeightedLength,
  type CheckContext,
} from '.';
import { compilePhrase, findPhrase } from '../phrases';
import type { BannedTerm, Guidelines, Network } from '../schemas';
import { kinds, only, terms } from './test-fixtures';

const NETWORK = fc.constantFrom<Network>('linkedin', 'x', 'facebook');
const WORDS = ['free', 'money', 'leak', 'Acme', 'insider', 'ÉTÉ', '内部', 'c++', '$$$', '#ad', '#employee', 'é'];
const WORD = fc.constantFrom(...WORDS);
const utf16Unit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));

/** Plain patterns: one to three known words. */
const plainPattern = fc.array(WORD, { minLength: 1, maxLength: 2 }).map((words) => words.join(' '));
/** Regex patterns: small valid ones, and some invalid ones (from older stored documents). */
const regexPattern = fc.oneof(
  fc.constantFrom(
    String.raw`\bfree\w*`,
    'mon(?:ey|ies)',
    String.raw`\d+%`,
    'a*',
    String.raw`\b`,
    '[#＃]\\p{L}+',
    'é|e\u0301',
  ),
  fc.constantFrom('(', '[', '\\', '*', '(?<x'),
  fc.string({ maxLength: 8 }),
);
const bannedTerm: fc.Arbitrary<BannedTerm> = fc.oneof(
  fc.record({ pattern: plainPattern, reason: fc.string({ minLength: 1, maxLength: 20 }) }),
  fc.record({ pattern: regexPattern, regex: fc.constant(true), reason: fc.string({ maxLength: 20 }) }),
  fc.record({ pattern: fc.string({ unit: 'binary', maxLength: 12 }), reason: fc.constant('anything') }),
);
const disclosureText = fc.oneof(
  fc.constantFrom('#employee', 'I work at Acme', '#Mitarbeiter', '＃社員', 'Disclosure: employee', '#'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }),
  fc.string({ unit: utf16Unit, minLength: 1, maxLength: 6 }),
);
const guidelines: fc.Arbitrary<Guidelines> = fc.record(
  {
    disclosure: fc.record({ text: disclosureText, networks: fc.subarray(['linkedin', 'x', 'facebook'] as Network[]) }),
    bannedTerms: fc.array(bannedTerm, { maxLength: 12 }),
    maxHashtags: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 30 })),
    dailyShareCap: fc.integer({ min: 1, max: 500 }),
    companyNames: fc.array(fc.oneof(WORD, fc.string({ minLength: 1, maxLength: 10 })), { maxLength: 3 }),
  },
  { requiredKeys: ['bannedTerms'] },
);
const separator = fc.constantFrom(' ', '  ', '\n', '\u00a0', '', '.', '#', '!', 's', 'x');
const wordPost = fc
  .array(
    fc.oneof(
      WORD,
      separator,
      fc.constantFrom('#tag', '#x', 'https://example.com/a', '😀', 'e\u0301', '\uD800', '\uDC00', '\uFEFF'),
    ),
    { maxLength: 120 },
  )
  .map((parts) => parts.join(''));
/** Posts made of banned words, hashtags, links and noise, and arbitrary strings of every kind. */
const post = fc.oneof(
  { arbitrary: wordPost, weight: 4 },
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
  fc.string({ unit: utf16Unit, maxLength: 100 }),
  wordPost,
);
const context: fc.Arbitrary<CheckContext & { guidelines: Guidelines }> = fc.record({
  network: NETWORK,
  guidelines,
  suggestion: fc.option(fc.string({ maxLength: 50 })),
  sharesToday: fc.option(fc.integer({ min: 0, max: 600 })),
});

function regexMatchesWhole(pattern: string, text: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`, 'iu').test(text);
  } catch {
    return false;
  }
}

function collapse(text: string): string {
  return text.normalize('NFC').split(/\s+/u).filter(Boolean).join(' ').toLowerCase();
}

describe('properties', () => {
  it('checkPost never throws, with raw or compiled guidelines, and gives the same hints either way', () => {
    fc.assert(
      fc.property(post, context, (text, ctx) => {
        const raw = checkPost(text, ctx);
        const compiled = checkPost(text, { ...ctx, guidelines: compileGuidelines(ctx.guidelines) });
        expect(JSON.stringify(compiled)).toBe(JSON.stringify(raw));
        expect(() => mentionsCompany(text, ctx.guidelines)).not.toThrow();
      }),
      { numRuns: 400 },
    );
  });

  it('every range is a non-empty part of the text; banned-term ranges hold the term', () => {
    fc.assert(
      fc.property(post, context, (text, ctx) => {
        for (const hint of checkPost(text, ctx)) {
          if (hint.range) {
            expect(Number.isInteger(hint.range.start) && Number.isInteger(hint.range.end)).toBe(true);
            expect(hint.range.start).toBeGreaterThanOrEqual(0);
            expect(hint.range.start).toBeLessThan(hint.range.end);
            expect(hint.range.end).toBeLessThanOrEqual(text.length);
          }
          if (hint.kind !== 'banned-term') continue;
          expect(hint.range).toBeDefined();
          const slice = text.slice(hint.range!.start, hint.range!.end);
          const term = hint.term!;
          if (term.regex) {
            // Anchors and lookarounds may depend on text outside the match.
            expect(regexMatchesWhole(term.pattern, slice) || /\\[bB]|\(\?|[$^]/.test(term.pattern)).toBe(true);
          } else {
            expect(plainMatchesWhole(term.pattern, slice)).toBe(true);
            if (term.pattern.split(' ').every((word) => WORDS.includes(word))) {
              expect(collapse(slice)).toBe(collapse(term.pattern));
            }
          }
          expect(hint.message).toContain(term.reason.trim());
        }
      }),
      { numRuns: 400 },
    );
  });

  it('a banned phrase set apart by white space is always reported', () => {
    fc.assert(
      fc.property(
        fc.array(bannedTerm, { maxLength: 6 }),
        plainPattern,
        wordPost,
        wordPost,
        fc.constantFrom(' ', '\n', '  ', '\u00a0'),
        NETWORK,
        (others, pattern, before, after, gap, network) => {
          const term = { pattern, reason: 'banned' };
          const inserted = pattern.split(' ').join(gap);
          const start = before.length + 1;
          const text = `${before} ${inserted} ${after}`;
          const hints = only(
            checkPost(text, { network, guidelines: { bannedTerms: [...others, term] } }),
            'banned-term',
          );
          if (hints.length >= MAX_TERM_HINTS) return;
          const end = start + inserted.length;
          const overlapping = hints.filter(
            (hint) => hint.term?.pattern === pattern && hint.range!.start < end && start < hint.range!.end,
          );
          expect(overlapping.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('plain terms are found as scanning for each term on its own finds them', () => {
    const pattern = fc.oneof(
      plainPattern,
      plainPattern.map((p) => p.toUpperCase()),
      fc.constantFrom(
        'lea',
        'leak',
        'leaked',
        'Project Falcon-1',
        'project falcon-12',
        'PROJECT  Falcon',
        'ß',
        'SS',
        'İ',
      ),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 6 }),
    );
    const text = fc.oneof(
      post,
      fc
        .array(
          fc.constantFrom('leak', 'leaked', 'Project', 'falcon-1', 'Falcon-12', 'ss', 'ẞ', 'i̇', ' ', '  ', '-', 'a'),
          {
            maxLength: 40,
          },
        )
        .map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(fc.array(pattern, { minLength: 1, maxLength: 30 }), text, (unique, text) => {
        const patterns = [...unique, ...unique.slice(0, 3).map((p) => p.toLowerCase())]; // some listed twice
        const guidelines: Guidelines = { bannedTerms: patterns.map((p, i) => ({ pattern: p, reason: `r${i}` })) };
        const expected = patterns
          .flatMap((p, index) => {
            const phrase = compilePhrase(p);
            return phrase ? findPhrase(phrase, text, MAX_TERM_HINTS).map((range) => ({ ...range, index })) : [];
          })
          .sort((a, b) => a.start - b.start || a.index - b.index)
          .filter((m, i, all) => {
            const first = all.findIndex(
              (o) =>
                o.start === m.start &&
                o.end === m.end &&
                patterns[o.index]!.toLowerCase() === patterns[m.index]!.toLowerCase(),
            );
            return first === i;
          })
          .slice(0, MAX_TERM_HINTS)
          .map((m) => `${m.start}-${m.end}:${patterns[m.index]}`);
        const hints = only(checkPost(text, { network: 'facebook', guidelines }), 'banned-term');
        expect(hints.map((hint) => `${hint.range!.start}-${hint.range!.end}:${hint.term!.pattern}`)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('regex terms find what a plain global scan finds (patterns starting with \\b included)', () => {
    const patterns = [
      String.raw`\bfree\w*`,
      String.raw`\b\w*`,
      String.raw`\b(?:money|leak)s?\b`,
      String.raw`\b\b(?=a)|x`,
      String.raw`\bé|\bE\u0301`,
      String.raw`\b|free`,
      String.raw`\b(?<=\s)\S+`,
      String.raw`\bs\b`,
      String.raw`[#＃]\w+`,
    ];
    fc.assert(
      fc.property(fc.constantFrom(...patterns), post, (pattern, text) => {
        const expected: string[] = [];
        const regex = new RegExp(pattern, 'giu');
        for (let m = regex.exec(text); m && expected.length < MAX_TERM_HINTS; m = regex.exec(text)) {
          if (m[0] === '') regex.lastIndex = m.index + (text.codePointAt(m.index)! > 0xffff ? 2 : 1);
          else expected.push(`${m.index}:${m[0]}`);
        }
        const hints = only(checkPost(text, { network: 'facebook', guidelines: terms([pattern, true]) }), 'banned-term');
        expect(hints.map((hint) => `${hint.range!.start}:${text.slice(hint.range!.start, hint.range!.end)}`)).toEqual(
          expected,
        );
      }),
      { numRuns: 400 },
    );
  });

  it('applying the disclosure fix removes the missing-disclosure hint', () => {
    fc.assert(
      fc.property(post, NETWORK, disclosureText, (text, network, disclosure) => {
        const g: Guidelines = { bannedTerms: [], disclosure: { text: disclosure, networks: [network] } };
        const hint = checkPost(text, { network, guidelines: g }).find((h) => h.kind === 'missing-disclosure');
        if (!hint) return;
        expect(hint.fix?.label).toBe(`Add ${disclosure.trim()}`);
        const fixed = applyFix(text, hint.fix!);
        expect(fixed.endsWith(disclosure.trim())).toBe(true);
        expect(kinds(checkPost(fixed, { network, guidelines: g }))).not.toContain('missing-disclosure');
      }),
      { numRuns: 400 },
    );
  });

  it('the too-long hint agrees with the counters', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 400 }),
          fc.string({ unit: 'grapheme', minLength: 130, maxLength: 300 }),
        ),
        (text) => {
          const tooLongX = kinds(checkPost(text, { network: 'x', guidelines: { bannedTerms: [] } })).includes(
            'too-long',
          );
          expect(tooLongX).toBe(xWeightedLength(text) > X_MAX);
        },
      ),
    );
  });
});

function escape(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

/** The slice is the plain pattern: its words in any case, any white space between them. */
function plainMatchesWhole(pattern: string, slice: string): boolean {
  return [pattern, pattern.normalize('NFC'), pattern.normalize('NFD')].some((form) => {
    const words = form.trim().split(/\s+/u).map(escape);
    if (/^[#＃]/.test(words[0] ?? '')) words[0] = `[#＃]${(words[0] ?? '').slice(1)}`;
    return regexMatchesWhole(words.join('\\s+'), slice);
  });
}
