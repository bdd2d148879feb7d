/** The banned-term rule: plain phrases, regexes, Unicode, limits and documents an older version stored. */
import { describe, expect, it } from 'vitest';
import { checkPost, compileGuidelines, MAX_TERM_HINTS } from '..';
import type { Guidelines } from '../../schemas';
import { matched, only, terms } from '../test-fixtures';

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
        messageKey: 'banned_term_reason',
        params: { term: 'Free money', reason: 'reason 0' },
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
