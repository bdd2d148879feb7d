// buildUtmUrl by example: where the tags go, what is kept, what is refused.
import { describe, expect, it } from 'vitest';
import { OUR_KEYS, rawPairs } from '../tests/helpers/utm-urls';
import { DEFAULT_UTM_MEDIUM, UnsupportedUrlError, buildUtmUrl, type UtmTags } from './utm';

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
