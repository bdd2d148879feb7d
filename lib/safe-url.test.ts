import { describe, expect, it } from 'vitest';
import { safeHttpUrl } from './safe-url';

describe('safeHttpUrl', () => {
  it('keeps absolute http(s) URLs, normalised', () => {
    expect(safeHttpUrl('https://example.com/a b')).toBe('https://example.com/a%20b');
    expect(safeHttpUrl('http://example.com')).toBe('http://example.com/');
  });

  it('refuses script, data and relative URLs, and nothing at all', () => {
    for (const value of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,x',
      '/relative',
      'not a url',
      '',
      null,
      undefined,
    ])
      expect(safeHttpUrl(value)).toBeNull();
  });
});
