import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyFix,
  checkPost,
  compileGuidelines,
  disclosureAppend,
  LINKEDIN_MAX,
  MAX_TERM_HINTS,
  mentionsCompany,
  X_MAX,
  xWeightedLength,
  type CheckContext,
  type Hint,
  type HintKind,
} from '.';
import { compilePhrase, findPhrase } from '../phrases';
import type { BannedTerm, Guidelines, Network } from '../schemas';

const EMPLOYEE: Guidelines = { bannedTerms: [], disclosure: { text: '#employee', networks: ['linkedin', 'x'] } };

const FULL: Guidelines = {
  disclosure: { text: '#employee', networks: ['linkedin', 'x'] },
  bannedTerms: [
    { pattern: 'free money', reason: 'we never promise returns' },
    { pattern: 'confidential', reason: 'internal information stays internal' },
    { pattern: String.raw`\bguarantee(?:d|s)?\b`, regex: true, reason: 'no guarantees' },
  ],
  maxHashtags: 3,
  dailyShareCap: 5,
  companyNames: ['Acme'],
};

function check(text: string, context: Partial<CheckContext> & { guidelines: Guidelines }): Hint[] {
  return checkPost(text, { network: 'linkedin', ...context });
}

function kinds(hints: Hint[]): HintKind[] {
  return hints.map((hint) => hint.kind);
}

function only(hints: Hint[], kind: HintKind): Hint[] {
  return hints.filter((hint) => hint.kind === kind);
}

function terms(...list: (string | [string, boolean])[]): Guidelines {
  return {
    bannedTerms: list.map((entry, i) =>
      typeof entry === 'string'
        ? { pattern: entry, reason: `reason ${i}` }
        : { pattern: entry[0], regex: entry[1], reason: `reason ${i}` },
    ),
  };
}

/** The banned-term hints' matched texts. */
function matched(text: string, guidelines: Guidelines, network: Network = 'linkedin'): string[] {
  return only(checkPost(text, { network, guidelines }), 'banned-term').map((hint) =>
    text.slice(hint.range?.start, hint.range?.end),
  );
}

describe('a clean post', () => {
  it.each<[string, Network, string]>([
    ['LinkedIn', 'linkedin', 'Proud of what the team shipped this week. Have a look! #employee #launch'],
    ['X', 'x', 'Proud of the team #employee https://acme.example/news/launch'],
    ['Facebook', 'facebook', 'https://acme.example/news/launch'],
    ['LinkedIn, multi-line', 'linkedin', 'We shipped.\n\nRead why it matters.\n#employee'],
  ])('gets no hints on %s', (_, network, text) => {
    expect(checkPost(text, { network, guidelines: FULL, sharesToday: 2, suggestion: 'Something else' })).toEqual([]);
  });

  it('gets no hints with the default guidelines', () => {
    expect(checkPost('anything at all', { network: 'x', guidelines: { bannedTerms: [] } })).toEqual([]);
  });
});

describe('missing disclosure', () => {
  it.each<[string, string, boolean]>([
    ['absent', 'Great launch today', true],
    ['present', 'Great launch today #employee', false],
    ['in another case', 'Great launch today #EMPLOYEE', false],
    ['at the start', '#Employee: great launch', false],
    ['followed by punctuation', 'Great launch (#employee).', false],
    ['a longer tag', 'Great launch #employees', true],
    ['a tag with an underscore', 'Great launch #employee_life', true],
    ['a tag continued in another script', 'Great launch #employeeé', true],
    ['glued to a word', 'Great launch#employee', true],
    ['with a full-width hash sign', 'Great launch ＃employee', false],
    ['only the word', 'Great launch, employee here', true],
  ])('a hashtag disclosure %s', (_, text, missing) => {
    const hints = only(check(text, { guidelines: EMPLOYEE }), 'missing-disclosure');
    expect(hints.length).toBe(missing ? 1 : 0);
  });

  it.each<[string, string, boolean]>([
    ['absent', 'Great launch', true],
    ['present', 'Great launch. I work at Acme.', false],
    ['in another case, spaced out', 'great launch, i work   at ACME', false],
    ['across a line break', 'I work\nat Acme', false],
    ['inside a longer word', 'I work at Acmeville', true],
  ])('a phrase disclosure %s', (_, text, missing) => {
    const guidelines: Guidelines = { bannedTerms: [], disclosure: { text: 'I work at Acme', networks: ['linkedin'] } };
    expect(kinds(check(text, { guidelines })).includes('missing-disclosure')).toBe(missing);
  });

  it('is an error with a fix that appends the disclosure', () => {
    const [hint] = check('Great launch', { guidelines: EMPLOYEE });
    expect(hint).toMatchObject({
      kind: 'missing-disclosure',
      severity: 'error',
      fix: { label: 'Add #employee', append: ' #employee' },
    });
    expect(hint?.message).toContain('#employee');
    expect(hint?.range).toBeUndefined();
    expect(JSON.parse(JSON.stringify(hint))).toEqual(hint);
  });

  it('is not asked for on networks the disclosure does not list', () => {
    expect(checkPost('Great launch', { network: 'facebook', guidelines: EMPLOYEE })).toEqual([]);
    const linkedInOnly: Guidelines = { bannedTerms: [], disclosure: { text: '#employee', networks: ['linkedin'] } };
    expect(checkPost('Great launch', { network: 'x', guidelines: linkedInOnly })).toEqual([]);
  });

  it.each<[string, Network, string, string]>([
    ['empty text', 'linkedin', '', '#employee'],
    ['one line on LinkedIn', 'linkedin', 'Great launch', ' #employee'],
    ['one line on X', 'x', 'Great launch', ' #employee'],
    ['a trailing line break', 'x', 'Great launch\n', '\n#employee'],
    ['a trailing line break on LinkedIn', 'linkedin', 'Great launch\n', '\n#employee'],
    ['several lines on LinkedIn', 'linkedin', 'Great launch\n\nRead it', '\n#employee'],
    ['several lines on X', 'x', 'Great launch\nRead it', ' #employee'],
    ['a trailing space', 'x', 'Great launch ', '#employee'],
  ])('separates the appended disclosure after %s', (_, network, text, append) => {
    expect(disclosureAppend(text, '#employee', network)).toBe(append);
    const [hint] = checkPost(text, { network, guidelines: EMPLOYEE });
    expect(hint?.fix).toEqual({ label: 'Add #employee', append });
    expect(
      only(checkPost(applyFix(text, hint!.fix!), { network, guidelines: EMPLOYEE }), 'missing-disclosure'),
    ).toEqual([]);
  });
});

describe('banned terms', () => {
  it.each<[string, string, string[]]>([
    ['a word', 'This is confidential.', ['confidential']],
    ['in another case', 'CONFIDENTIAL: do not share', ['CONFIDENTIAL']],
    ['not inside a longer word', 'Confidentiality matters', []],
    ['not after a letter', 'nonconfidential', []],
    ['a phrase', 'Get free money today', ['free money']],
    ['a phrase with several spaces', 'Get FREE   money', ['FREE   money']],
    ['a phrase across a line break', 'Get free\nmoney', ['free\nmoney']],
    ['a phrase across a no-break space', 'Get free\u00a0money', ['free\u00a0money']],
    ['not a phrase glued together', 'Get freemoney', []],
    ['not a phrase continued', 'Get free moneys', []],
    [
      'every occurrence',
      'confidential, Confidential and confidential',
      ['confidential', 'Confidential', 'confidential'],
    ],
  ])('match %s', (_, text, expected) => {
    expect(matched(text, terms('confidential', 'free money'))).toEqual(expected);
  });

  it.each<[string, string, string, string[]]>([
    ['a plus sign', 'c++', 'we write C++ and c++', ['C++', 'c++']],
    ['dollar signs', '$$$', 'make $$$ fast', ['$$$']],
    ['parentheses', '(beta)', 'the app (BETA) is out', ['(BETA)']],
    ['a dot', 'a.b', 'a.b but not axb', ['a.b']],
    ['a percent sign', '100%', '100% sure, 1000% not', ['100%']],
    ['a backslash and brackets', String.raw`[x]\d`, String.raw`see [x]\d and x1`, [String.raw`[x]\d`]],
    ['a hashtag', '#ad', '#AD #ads #ad', ['#AD', '#ad']],
    ['a bar and a question mark', 'yes|no?', 'yes|no? yes', ['yes|no?']],
    ['repeats, without overlaps', '$$', 'pay $$$$$ now', ['$$', '$$']],
  ])('take %s literally in plain patterns', (_, pattern, text, expected) => {
    expect(matched(text, terms(pattern))).toEqual(expected);
  });

  it.each<[string, string, string, string[]]>([
    ['accented capitals', 'Müller', 'ask MÜLLER or müller', ['MÜLLER', 'müller']],
    ['decomposed accents', 'café', 'a cafe\u0301 here', ['cafe\u0301']],
    ['not a prefix of an accented word', 'cafe', 'a cafe\u0301 here', []],
    ['Cyrillic words', 'взятка', 'Взятка, не взятках', ['Взятка']],
    ['Greek words', 'κρυφό', 'ΚΡΥΦΌ', ['ΚΡΥΦΌ']],
    ['Japanese inside a sentence', '内部情報', '内部情報を共有します', ['内部情報']],
    ['Chinese inside a sentence', '保证收益', '我们保证收益！', ['保证收益']],
    ['Latin next to Japanese', 'iPhone', 'iPhoneを買った', ['iPhone']],
    ['Korean words', '비밀', '비밀 정보, 비밀번호', ['비밀']],
    ['emoji', '🚀🚀', 'to the moon 🚀🚀!', ['🚀🚀']],
  ])('match Unicode text: %s', (_, pattern, text, expected) => {
    expect(matched(text, terms(pattern))).toEqual(expected);
  });

  it('give an error per occurrence with the reason and the range', () => {
    const text = 'Free money! Also free money.';
    const hints = checkPost(text, { network: 'x', guidelines: terms('free money') });
    expect(hints).toEqual([
      {
        kind: 'banned-term',
        severity: 'error',
        message: 'Avoid "Free money": reason 0',
        range: { start: 0, end: 10 },
        term: { pattern: 'free money', reason: 'reason 0' },
      },
      expect.objectContaining({ range: { start: 17, end: 27 } }),
    ]);
  });

  it('report overlapping terms each', () => {
    expect(matched('free money now', terms('free money', 'money', 'free'))).toEqual(['free money', 'free', 'money']);
  });

  it.each<[string, string, string, string[]]>([
    [
      'with flags giu',
      String.raw`\bguarantee(?:d|s)?\b`,
      'Guaranteed returns, guarantees, GUARANTEE',
      ['Guaranteed', 'guarantees', 'GUARANTEE'],
    ],
    ['Unicode properties', String.raw`\p{Script=Greek}+`, 'a big deal, ΚΑΛΟ', ['ΚΑΛΟ']],
    ['across words', String.raw`\d+\s*%\s+returns?`, 'earn 12 % returns', ['12 % returns']],
    ['zero-length matches skipped', 'x*', 'ab xx c x', ['xx', 'x']],
    ['only zero-length matches', String.raw`\b`, 'a b c', []],
    ['a lookahead', '(?=a)', 'aaa', []],
    ['zero-length matches between surrogate pairs', 'x*', '😀x😀😀', ['x']],
  ])('regex terms: %s', (_, pattern, text, expected) => {
    expect(matched(text, terms([pattern, true]))).toEqual(expected);
  });

  it.each(['(', '[a-', '(?<name', '\\', 'a{2,1}', String.raw`\k<nope>`, '(?<a>x)(?<a>y)'])(
    'skip the invalid regex %j without throwing',
    (pattern) => {
      const guidelines = terms([pattern, true], 'confidential');
      expect(compileGuidelines(guidelines).skippedTerms).toEqual([guidelines.bannedTerms[0]]);
      expect(matched('( [a- \\ confidential', guidelines)).toEqual(['confidential']);
    },
  );

  it('skip patterns with no word and terms a stored document mangled', () => {
    const guidelines = {
      bannedTerms: [
        { pattern: '   ', reason: 'blank' },
        { pattern: '', regex: true, reason: 'empty' },
        null,
        { pattern: 42, reason: 'not a string' },
        { pattern: 'leak', reason: 'ok' },
        { pattern: 'secret' },
      ],
    } as unknown as Guidelines;
    expect(matched('a leak and a secret', guidelines)).toEqual(['leak', 'secret']);
    expect(only(checkPost('a secret', { network: 'x', guidelines }), 'banned-term')[0]?.message).toBe(
      'Avoid "secret".',
    );
  });

  it(`give at most ${MAX_TERM_HINTS} hints, the first ones in the text`, () => {
    const text = Array.from({ length: 50 }, (_, i) => `leak${i % 2 ? '' : 'y'} secret ${i}`).join(' ');
    const hints = only(
      checkPost(text, { network: 'linkedin', guidelines: terms('secret', 'leak', ['\\d+', true]) }),
      'banned-term',
    );
    expect(hints).toHaveLength(MAX_TERM_HINTS);
    const starts = hints.map((hint) => hint.range!.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(text.slice(hints[0]!.range!.start, hints[0]!.range!.end)).toBe('secret');
  });

  it('count a term listed twice once, even past the cap', () => {
    const text = 'leak, '.repeat(30);
    for (const guidelines of [terms('leak', 'Leak'), terms('leak', ['leak', true])]) {
      const hints = only(checkPost(text, { network: 'x', guidelines }), 'banned-term');
      expect(hints.map((hint) => hint.range!.start)).toEqual(Array.from({ length: MAX_TERM_HINTS }, (_, i) => i * 6));
    }
  });

  it('match the same among many terms, with raw and compiled guidelines', () => {
    const many = terms(...Array.from({ length: 300 }, (_, i) => `term${i} word`), 'confidential');
    const text = 'term7 word, term77  word, term7 words, confidential';
    const expected = ['term7 word', 'term77  word', 'confidential'];
    expect(matched(text, many)).toEqual(expected);
    const compiled = compileGuidelines(many);
    expect(only(checkPost(text, { network: 'x', guidelines: compiled }), 'banned-term')).toEqual(
      only(checkPost(text, { network: 'x', guidelines: many }), 'banned-term'),
    );
  });
});

describe('too long', () => {
  const url = `https://example.com/${'path/'.repeat(40)}`;
  it.each<[string, Network, string, number | null, { start: number; end: number } | null]>([
    ['X at the limit', 'x', 'a'.repeat(X_MAX), null, null],
    ['X one over', 'x', 'a'.repeat(X_MAX + 1), 1, { start: 280, end: 281 }],
    ['X with a long link that counts 23', 'x', `${'a'.repeat(250)} ${url}`, null, null],
    ['X with a link over the limit', 'x', `${'a'.repeat(270)} ${url}`, 14, { start: 271, end: 271 + url.length }],
    ['X emoji count 2', 'x', '😀'.repeat(141), 2, { start: 280, end: 282 }],
    ['X CJK counts 2', 'x', '字'.repeat(141), 2, { start: 140, end: 141 }],
    ['LinkedIn at the limit', 'linkedin', 'a'.repeat(LINKEDIN_MAX), null, null],
    ['LinkedIn one over', 'linkedin', 'a'.repeat(LINKEDIN_MAX + 5), 5, { start: 3000, end: 3005 }],
    ['LinkedIn counts an emoji once', 'linkedin', '😀'.repeat(LINKEDIN_MAX), null, null],
    ['LinkedIn emoji over', 'linkedin', '😀'.repeat(LINKEDIN_MAX + 1), 1, { start: 6000, end: 6002 }],
    ['never on Facebook', 'facebook', 'a'.repeat(70_000), null, null],
  ])('%s', (_, network, text, over, range) => {
    const hints = only(checkPost(text, { network, guidelines: { bannedTerms: [] } }), 'too-long');
    if (over === null) {
      expect(hints).toEqual([]);
      return;
    }
    expect(hints).toHaveLength(1);
    expect(hints[0]).toMatchObject({ severity: 'error', range });
    expect(hints[0]?.message).toContain(`by ${over.toLocaleString('en-US')}`);
  });

  it('measures X like twitter-text', () => {
    expect(xWeightedLength('hello')).toBe(5);
    expect(xWeightedLength(`see ${url}`)).toBe(4 + 23);
    expect(xWeightedLength('😀字')).toBe(4);
    expect(xWeightedLength('')).toBe(0);
  });

  it('finds where X overflows in text twitter-text would normalise', () => {
    const text = 'e\u0301'.repeat(300); // NFC turns each pair into one é
    const [hint] = only(checkPost(text, { network: 'x', guidelines: { bannedTerms: [] } }), 'too-long');
    expect(hint?.message).toContain('by 20');
    const start = hint!.range!.start;
    expect(xWeightedLength(text.slice(0, start))).toBeLessThanOrEqual(X_MAX);
    expect(xWeightedLength(text.slice(0, start + 2))).toBeGreaterThan(X_MAX);
  });

  it('finds where X overflows in text with characters X rejects', () => {
    const text = `\uFEFF${'a'.repeat(300)}`;
    const [hint] = only(checkPost(text, { network: 'x', guidelines: { bannedTerms: [] } }), 'too-long');
    expect(hint?.range).toEqual({ start: 279, end: 301 });
  });
});

describe('too many hashtags', () => {
  it.each<[string, Network, string, number | undefined, { start: number; end: number } | null]>([
    ['within the limit', 'x', '#one #two', 2, null],
    ['over the limit', 'x', '#one #two #three', 2, { start: 10, end: 16 }],
    ['over the limit on LinkedIn', 'linkedin', '#one\n#two\n#three #four', 2, { start: 10, end: 16 }],
    ['none allowed', 'linkedin', 'Look #one', 0, { start: 5, end: 9 }],
    ['no limit set', 'x', '#a #b #c #d #e #f', undefined, null],
    ['not counting links', 'x', 'https://example.com/#one #two', 1, null],
    ['not counting other hash signs', 'linkedin', 'C# and F# ## #one', 1, null],
    ['not counting the disclosure tag', 'x', '#one #two #Employee', 2, null],
    ['counting other tags', 'x', '#employee #one #two #three', 2, { start: 20, end: 26 }],
  ])('%s', (_, network, text, maxHashtags, range) => {
    const guidelines: Guidelines = { ...EMPLOYEE, maxHashtags };
    const hints = only(checkPost(text, { network, guidelines }), 'too-many-hashtags');
    if (range === null) {
      expect(hints).toEqual([]);
      return;
    }
    expect(hints).toEqual([expect.objectContaining({ severity: 'warning', range })]);
    expect(hints[0]?.message).toContain(`at most ${maxHashtags}`);
  });
});

describe('identical to the suggestion', () => {
  const suggestion = 'We just launched Relay.\n\nhttps://acme.example/r/abc';
  it.each<[string, string | null | undefined, string, boolean]>([
    ['the same', suggestion, suggestion, true],
    ['with other white space', suggestion, '  We just launched   Relay.\nhttps://acme.example/r/abc \n', true],
    ['with the disclosure only', suggestion, `${suggestion} #employee`, true],
    ['with a sentence of their own', suggestion, `Months of work went into this! ${suggestion}`, false],
    ['edited', suggestion, 'We just launched Relay! https://acme.example/r/abc', false],
    ['no suggestion', null, suggestion, false],
    ['an empty suggestion', '  ', '', false],
  ])('%s', (_, given, text, identical) => {
    const hints = checkPost(text, { network: 'linkedin', guidelines: EMPLOYEE, suggestion: given });
    const hint = only(hints, 'identical-to-suggestion');
    expect(hint.length).toBe(identical ? 1 : 0);
    if (identical) {
      expect(hint[0]?.severity).toBe('info');
      expect(hint[0]?.message).toMatch(/^Add a sentence in your own words/);
    }
  });
});

describe('daily share cap', () => {
  it.each<[number | undefined, number | null | undefined, boolean]>([
    [5, 4, false],
    [5, 5, true],
    [5, 9, true],
    [1, 1, true],
    [undefined, 100, false],
    [5, undefined, false],
    [5, null, false],
    [5, Number.NaN, false],
  ])('cap %s, %s shares today', (dailyShareCap, sharesToday, reached) => {
    const hints = checkPost('Hello', { network: 'x', guidelines: { bannedTerms: [], dailyShareCap }, sharesToday });
    expect(hints).toEqual(reached ? [expect.objectContaining({ kind: 'daily-cap-reached', severity: 'warning' })] : []);
  });
});

describe('checkPost', () => {
  it('lists errors, then warnings, then information', () => {
    const text = 'free money #a #b #c #d';
    const hints = checkPost(text, { network: 'x', guidelines: FULL, sharesToday: 5, suggestion: text });
    expect(kinds(hints)).toEqual([
      'missing-disclosure',
      'banned-term',
      'too-many-hashtags',
      'daily-cap-reached',
      'identical-to-suggestion',
    ]);
  });

  it('gives plain data only', () => {
    const hints = checkPost('free money '.repeat(40), { network: 'x', guidelines: FULL, sharesToday: 9 });
    expect(JSON.parse(JSON.stringify(hints))).toEqual(hints);
  });

  it('copes with huge text', () => {
    const text = `${'free money #tag confidential '.repeat(8_000)}\uD800`;
    for (const network of ['linkedin', 'x', 'facebook'] as const) {
      const hints = checkPost(text, { network, guidelines: FULL, suggestion: text });
      expect(only(hints, 'banned-term')).toHaveLength(MAX_TERM_HINTS);
    }
  });

  it('accepts compiled guidelines that lost their class (a structured clone)', () => {
    const clone = structuredClone(compileGuidelines(FULL));
    expect(kinds(checkPost('free money', { network: 'x', guidelines: clone }))).toEqual([
      'missing-disclosure',
      'banned-term',
    ]);
  });

  it('copes with input the types rule out', () => {
    const odd = { bannedTerms: 'nope', disclosure: { text: 7 }, companyNames: [null] } as unknown as Guidelines;
    expect(checkPost(undefined as unknown as string, { network: 'x', guidelines: odd })).toEqual([]);
    expect(checkPost('hi', { network: 'x', guidelines: null as unknown as Guidelines })).toEqual([]);
    expect(mentionsCompany('Acme', odd)).toBe(false);
  });
});

describe('mentionsCompany', () => {
  const guidelines: Guidelines = { bannedTerms: [], companyNames: ['Acme', 'AT&T', 'Müller Group'] };
  it.each<[string, boolean]>([
    ['Proud of the team at Acme!', true],
    ["acme's new office", true],
    ['@Acme #ACME', true],
    ['Acmeville is lovely', false],
    ['I called AT&T today', true],
    ['the MÜLLER  GROUP annual report', true],
    ['nothing here', false],
    ['', false],
  ])('%j → %s', (text, expected) => {
    expect(mentionsCompany(text, guidelines)).toBe(expected);
    expect(mentionsCompany(text, compileGuidelines(guidelines))).toBe(expected);
  });

  it('is false without company names', () => {
    expect(mentionsCompany('Acme', { bannedTerms: [] })).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

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
