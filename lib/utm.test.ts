import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_UTM_MEDIUM, UnsupportedUrlError, buildUtmUrl, slugify, type UtmTags } from './utm';

const OUR_KEYS = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_content'] as const;

const isUtmKey = (key: string): boolean => key.toLowerCase().startsWith('utm_');

/** The raw `key=value` pairs of a URL's query, as they appear in its serialization. */
function rawPairs(url: string): string[] {
  return new URL(url).search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '');
}

/** Everything from the first "#" on (the fragment with its delimiter), or null when there is none. */
function fragmentOf(href: string): string | null {
  const index = href.indexOf('#');
  return index === -1 ? null : href.slice(index);
}

/** What a string becomes once it is UTF-8: lone surrogates turn into U+FFFD, a BOM stays. */
function wellFormed(text: string): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(new TextEncoder().encode(text));
}

describe('buildUtmUrl', () => {
  const tags: UtmTags = { source: 'linkedin', campaign: 'launch', content: 'adv123' };
  const ours = 'utm_source=linkedin&utm_medium=employee_advocacy&utm_campaign=launch&utm_content=adv123';

  const cases: { name: string; url: string; tags?: UtmTags; expected: string }[] = [
    {
      name: 'appends the tags to a URL without a query',
      url: 'https://example.com',
      expected: `https://example.com/?${ours}`,
    },
    {
      name: 'keeps other parameters byte-exact and in order, and the fragment',
      url: 'https://example.com/page?a=1&b=two%20words&c=%E2%9C%93#section-2',
      expected: `https://example.com/page?a=1&b=two%20words&c=%E2%9C%93&${ours}#section-2`,
    },
    {
      name: 'keeps unusual encodings as they are (+, lower-case escapes, empty values, bare keys, repeats)',
      url: 'http://example.com/p?q=a+b&x=%7e&empty=&flag&q=again&list[]=1&list[]=2',
      expected: `http://example.com/p?q=a+b&x=%7e&empty=&flag&q=again&list[]=1&list[]=2&${ours}`,
    },
    {
      name: 'replaces existing utm_source/medium/campaign/content whatever their case',
      url: 'https://example.com/?utm_source=old&UTM_MEDIUM=old&Utm_Campaign=old&uTm_CoNtEnT=old&id=5',
      expected: `https://example.com/?id=5&${ours}`,
    },
    {
      name: 'replaces our tags when their key is percent-encoded or repeated',
      url: 'https://example.com/?%75tm_source=old&utm%5Fcampaign=old&utm_source=older&keep=1',
      expected: `https://example.com/?keep=1&${ours}`,
    },
    {
      name: 'keeps other utm_* parameters, first occurrence only',
      url: 'https://example.com/?utm_term=a&x=1&utm_term=b&UTM_TERM=c&utm_id=7&utm_id=8',
      expected: `https://example.com/?utm_term=a&x=1&utm_id=7&${ours}`,
    },
    {
      name: 'keeps an existing utm_content when no content tag is given',
      url: 'https://example.com/?utm_content=hero&utm_content=footer&utm_source=old',
      tags: { source: 'x', campaign: 'c' },
      expected: 'https://example.com/?utm_content=hero&utm_source=x&utm_medium=employee_advocacy&utm_campaign=c',
    },
    {
      name: 'uses a configured medium',
      url: 'https://example.com/a',
      tags: { source: 'facebook', medium: 'social', campaign: 'c', content: 'r' },
      expected: 'https://example.com/a?utm_source=facebook&utm_medium=social&utm_campaign=c&utm_content=r',
    },
    {
      name: 'encodes the values',
      url: 'https://example.com/',
      tags: { source: 'x', campaign: 'Spring sale & more/50%?#=', content: 'é 🚀+' },
      expected:
        'https://example.com/?utm_source=x&utm_medium=employee_advocacy' +
        '&utm_campaign=Spring%20sale%20%26%20more%2F50%25%3F%23%3D&utm_content=%C3%A9%20%F0%9F%9A%80%2B',
    },
    {
      name: 'drops empty pairs left by stray "&"',
      url: 'https://example.com/?&&a=1&',
      expected: `https://example.com/?a=1&${ours}`,
    },
    {
      name: 'keeps a first parameter whose key starts with "?"',
      url: 'https://example.com/??a=1&b=2',
      expected: `https://example.com/??a=1&b=2&${ours}`,
    },
    {
      name: 'does not mistake a "?" in the fragment for a query',
      url: 'https://example.com/p#frag?utm_source=zzz&a=1',
      expected: `https://example.com/p?${ours}#frag?utm_source=zzz&a=1`,
    },
    {
      name: 'keeps an empty fragment, the port, the credentials and the path',
      url: 'http://user:pw@example.com:8080/a/b/?z=1#',
      expected: `http://user:pw@example.com:8080/a/b/?z=1&${ours}#`,
    },
  ];

  it.each(cases)('$name', ({ url, tags: given, expected }) => {
    expect(buildUtmUrl(url, given ?? tags)).toBe(expected);
  });

  it('gives values that decode back to exactly what was given', () => {
    const given = { source: 'x', medium: 'a b', campaign: 'Spring sale & more/50%?#=', content: 'é 🚀+' };
    const params = new URL(buildUtmUrl('https://example.com/?utm_medium=z', given)).searchParams;
    expect(params.get('utm_source')).toBe('x');
    expect(params.get('utm_medium')).toBe('a b');
    expect(params.get('utm_campaign')).toBe('Spring sale & more/50%?#=');
    expect(params.get('utm_content')).toBe('é 🚀+');
  });

  it('defaults utm_medium to employee_advocacy', () => {
    expect(DEFAULT_UTM_MEDIUM).toBe('employee_advocacy');
    expect(new URL(buildUtmUrl('https://e.com', { source: 'x', campaign: 'c' })).searchParams.get('utm_medium')).toBe(
      'employee_advocacy',
    );
  });

  it('treats keys that decode to the same utm_* name as one key, even with malformed escapes', () => {
    // URLSearchParams decodes "%75tm_%ZZ" to "utm_%ZZ" and "%FF" to U+FFFD: each pair below names one key.
    const out = buildUtmUrl('https://e.com/?%75tm_%ZZ=1&utm_%ZZ=2&utm_x%FF=1&utm_%78%FF=2&%75tm_source%FF=3', tags);
    expect(rawPairs(out).slice(0, 3)).toEqual(['%75tm_%ZZ=1', 'utm_x%FF=1', '%75tm_source%FF=3']);
    expect([...new URL(out).searchParams.keys()]).toEqual(['utm_%ZZ', 'utm_x\uFFFD', 'utm_source\uFFFD', ...OUR_KEYS]);
  });

  it('replaces lone surrogates in tag values instead of throwing', () => {
    const out = buildUtmUrl('https://e.com/', { source: 'x', campaign: 'a\uD800b', content: '\uDC00' });
    const params = new URL(out).searchParams;
    expect(params.get('utm_campaign')).toBe('a\uFFFDb');
    expect(params.get('utm_content')).toBe('\uFFFD');
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(document.cookie)//https://example.com',
    'mailto:someone@example.com',
    'ftp://files.example.com/a.txt',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'ws://example.com/socket',
    '/relative/path?a=1',
    '//example.com/protocol-relative',
    'example.com/page',
    '?utm_source=x',
    '',
    'not a url',
    'http://',
    'https://exa mple.com/',
    'http://[::1',
  ])('rejects %j with UnsupportedUrlError', (url) => {
    expect(() => buildUtmUrl(url, tags)).toThrow(UnsupportedUrlError);
    try {
      buildUtmUrl(url, tags);
    } catch (error) {
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).name).toBe('UnsupportedUrlError');
      expect((error as Error).message).toContain('only http(s) URLs');
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const hex = fc.constantFrom(...'0123456789abcdefABCDEF'.split(''));

/** Raw query text, as a hand-written or badly-generated URL may hold it: escapes valid or not. */
const rawToken = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 4 }),
      fc.constantFrom('+', '%', '%%', '=', '/', '?', ':', '@', '!', "'", '(', ')', '*', ';', ',', '$', ' ', '[', ']'),
      fc.tuple(hex, hex).map(([a, b]) => `%${a}${b}`),
      fc.constantFrom('%ZZ', '%F', '%FF', '%C3%A9', '%E2%9C', '%75', '%5F', '%5f', '%26', '%3D', '%23'),
      fc.constantFrom('utm_', 'UTM_', 'Utm_', '%75tm_', 'utm%5F', 'source', 'medium', 'campaign', 'content', 'term'),
    ),
    { maxLength: 5 },
  )
  .map((parts) => parts.join('').replace(/[#&]/g, ''));

/** Decoded keys: ours in any case, other utm_* keys, plain names, unicode, reserved characters. */
const decodedKey = fc.oneof(
  fc.constantFrom(
    'utm_source',
    'UTM_SOURCE',
    'Utm_Medium',
    'utm_campaign',
    'utm_CONTENT',
    'utm_term',
    'UTM_TERM',
    'utm_id',
    'utm_',
    'utm',
    'utmsource',
    'id',
    'q',
    'ref',
  ),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }).map((s) => `utm_${s}`),
  fc.string({
    unit: fc.constantFrom('&', '=', '#', '?', '+', '%', '/', ' ', 'é', '🚀', '\u0000', 'a', 'Z'),
    maxLength: 6,
  }),
);
const decodedValue = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 10 }),
  fc.string({ unit: fc.constantFrom('&', '=', '#', '?', '+', '%', '/', ' ', '%2', 'é'), maxLength: 6 }),
);

/** One query pair, written in one of the ways real URLs carry them. */
const queryPair = fc.oneof(
  fc.tuple(decodedKey, decodedValue).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`),
  fc.tuple(decodedKey, decodedValue).map(([k, v]) => new URLSearchParams([[k, v]]).toString()),
  decodedKey.map((k) => encodeURIComponent(k)),
  fc.tuple(rawToken, rawToken).map(([k, v]) => `${k}=${v}`),
  rawToken,
);

/** A query string of pairs, with duplicates made likely and stray "&" allowed. */
const queryString = fc
  .array(queryPair, { maxLength: 8 })
  .chain((pairs) =>
    fc
      .array(fc.nat({ max: Math.max(pairs.length - 1, 0) }), { maxLength: pairs.length === 0 ? 0 : 3 })
      .map((repeats) => [...pairs, ...repeats.map((i) => pairs[i] ?? '')]),
  )
  .chain((pairs) => fc.shuffledSubarray(pairs, { minLength: pairs.length, maxLength: pairs.length }))
  .chain((pairs) => fc.constantFrom('&', '&', '&&').map((sep) => pairs.join(sep)));

const fragment = fc.oneof(
  fc.constant(null),
  fc.webFragments(),
  fc.string({ unit: 'binary', maxLength: 10 }),
  fc.constantFrom('', 'top', 'frag?utm_source=zzz&a=1', '#', '%ZZ'),
);

/** An absolute http(s) URL string: fc.webUrl's, with extra query pairs and a fragment of ours. */
const httpUrl = fc
  .tuple(
    fc.webUrl({ validSchemes: ['http', 'https'], withQueryParameters: true, withFragments: true }),
    queryString,
    fragment,
  )
  .map(([web, extra, frag]) => {
    const hashAt = web.indexOf('#');
    const webFragment = hashAt === -1 ? null : web.slice(hashAt + 1);
    const noFragment = hashAt === -1 ? web : web.slice(0, hashAt);
    const queryAt = noFragment.indexOf('?');
    const head = queryAt === -1 ? noFragment : noFragment.slice(0, queryAt);
    const webQuery = queryAt === -1 ? '' : noFragment.slice(queryAt + 1);
    const query = [webQuery, extra].filter((part) => part !== '').join('&');
    const finalFragment = frag ?? webFragment;
    return `${head}${query === '' ? '' : `?${query}`}${finalFragment === null ? '' : `#${finalFragment}`}`;
  });

const tagValue = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({
    unit: fc.constantFrom('&', '=', '#', '?', '+', '%', '/', ' ', '%20', "'", '\uFEFF', '\uD800'),
    maxLength: 8,
  }),
);
const utmTags: fc.Arbitrary<UtmTags> = fc.record(
  { source: tagValue, medium: tagValue, campaign: tagValue, content: tagValue },
  { requiredKeys: ['source', 'campaign'] },
);

describe('buildUtmUrl properties', { timeout: 30_000 }, () => {
  const params = { numRuns: 1000 };

  it('(a) always gives a URL that parses, with the same origin and path', () => {
    fc.assert(
      fc.property(httpUrl, utmTags, (url, tags) => {
        const input = new URL(url);
        const output = new URL(buildUtmUrl(url, tags));
        expect(output.protocol).toBe(input.protocol);
        expect(output.host).toBe(input.host);
        expect(output.pathname).toBe(input.pathname);
        expect(output.username).toBe(input.username);
        expect(output.password).toBe(input.password);
      }),
      params,
    );
  });

  it('(b) keeps every non-utm parameter, in order and multiplicity, byte-exact', () => {
    fc.assert(
      fc.property(httpUrl, utmTags, (url, tags) => {
        const out = buildUtmUrl(url, tags);
        const nonUtm = (href: string) => [...new URL(href).searchParams].filter(([key]) => !isUtmKey(key));
        expect(nonUtm(out)).toEqual(nonUtm(url));
        // The same, on the raw pairs: not re-encoded in any way.
        const rawNonUtm = (href: string) => {
          const keys = [...new URL(href).searchParams.keys()];
          return rawPairs(href).filter((_pair, i) => !isUtmKey(keys[i] ?? ''));
        };
        expect(rawNonUtm(out)).toEqual(rawNonUtm(url));
      }),
      params,
    );
  });

  it('(c) each utm_* key appears exactly once, whatever its case', () => {
    fc.assert(
      fc.property(httpUrl, utmTags, (url, tags) => {
        const keys = [...new URL(buildUtmUrl(url, tags)).searchParams.keys()].filter(isUtmKey);
        const lower = keys.map((key) => key.toLowerCase());
        expect(new Set(lower).size).toBe(lower.length);
        // Every utm_* key of the input is still there (ours replaced, others kept).
        const inputKeys = new Set(
          [...new URL(url).searchParams.keys()].filter(isUtmKey).map((key) => key.toLowerCase()),
        );
        for (const key of inputKeys) expect(lower).toContain(key);
      }),
      params,
    );
  });

  it('(d) our four tags carry the given values', () => {
    fc.assert(
      fc.property(httpUrl, utmTags, (url, tags) => {
        const out = new URL(buildUtmUrl(url, tags)).searchParams;
        const ofKey = (wanted: string) =>
          [...out].filter(([key]) => key.toLowerCase() === wanted).map(([, value]) => value);
        expect(ofKey('utm_source')).toEqual([wellFormed(tags.source)]);
        expect(ofKey('utm_medium')).toEqual([wellFormed(tags.medium ?? DEFAULT_UTM_MEDIUM)]);
        expect(ofKey('utm_campaign')).toEqual([wellFormed(tags.campaign)]);
        if (tags.content !== undefined) expect(ofKey('utm_content')).toEqual([wellFormed(tags.content)]);
        else expect(ofKey('utm_content').length).toBeLessThanOrEqual(1);
      }),
      params,
    );
  });

  it('(d) keeps values with lone surrogates, as UTF-8 can carry them (U+FFFD)', () => {
    const utf16 = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) });
    fc.assert(
      fc.property(httpUrl, utf16, utf16, (url, campaign, content) => {
        const out = new URL(buildUtmUrl(url, { source: 'x', campaign, content })).searchParams;
        expect(out.get('utm_campaign')).toBe(wellFormed(campaign));
        expect(out.get('utm_content')).toBe(wellFormed(content));
      }),
      params,
    );
  });

  it('(e) leaves the fragment unchanged', () => {
    fc.assert(
      fc.property(httpUrl, utmTags, (url, tags) => {
        const input = new URL(url);
        const out = buildUtmUrl(url, tags);
        expect(fragmentOf(out)).toBe(fragmentOf(input.href));
        expect(new URL(out).hash).toBe(input.hash);
      }),
      params,
    );
  });

  it('is idempotent: tagging a tagged URL again changes nothing', () => {
    fc.assert(
      fc.property(httpUrl, utmTags, (url, tags) => {
        const once = buildUtmUrl(url, tags);
        expect(buildUtmUrl(once, tags)).toBe(once);
      }),
      params,
    );
  });

  it('on any string, either tags an http(s) URL or throws UnsupportedUrlError', () => {
    const anyText = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.webUrl({ validSchemes: ['ftp', 'mailto', 'javascript', 'file', 'data', 'ws', 'chrome-extension'] }),
      fc.webPath(),
    );
    fc.assert(
      fc.property(anyText, (text) => {
        let out: string;
        try {
          out = buildUtmUrl(text, { source: 's', campaign: 'c' });
        } catch (error) {
          expect(error).toBeInstanceOf(UnsupportedUrlError);
          return;
        }
        expect(['http:', 'https:']).toContain(new URL(out).protocol);
      }),
      params,
    );
  });
});

describe('slugify', () => {
  it.each([
    ['Spring Launch 2026!', 'spring-launch-2026'],
    ['Café déjà vu', 'cafe-deja-vu'],
    ['Ünïcödé Façade', 'unicode-facade'],
    ['  --Hello__World--  ', 'hello-world'],
    ['ﬁnance ① report', 'finance-1-report'],
    ['Q4: 10% off — today only', 'q4-10-off-today-only'],
    ['already-a-slug', 'already-a-slug'],
    ['', 'relay'],
    ['!!!', 'relay'],
    ['日本語のタイトル', 'relay'],
    ['a'.repeat(59) + ' bcd', 'a'.repeat(59)],
    ['word '.repeat(30), 'word-'.repeat(12).slice(0, 59)],
  ])('slugify(%j) is %j', (text, expected) => {
    expect(slugify(text)).toBe(expected);
  });

  it('always gives lower-case ASCII words joined by "-", at most 60 characters, and is idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme', maxLength: 100 })), (text) => {
        const slug = slugify(text);
        expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(slug.length).toBeLessThanOrEqual(60);
        expect(slugify(slug)).toBe(slug);
      }),
      { numRuns: 500 },
    );
  });
});
