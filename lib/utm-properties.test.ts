// buildUtmUrl's properties over generated URLs and tags: parses, keeps, tags once, idempotent.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fragmentOf, isUtmKey, rawPairs, wellFormed } from '../tests/helpers/utm-urls';
import { DEFAULT_UTM_MEDIUM, UnsupportedUrlError, buildUtmUrl, type UtmTags } from './utm';

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
