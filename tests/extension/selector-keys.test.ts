/** The console's lists of selector keys (lib/selector-keys.ts) are the adapters' tables' keys, and each is a key an override may name. */
import { describe, expect, it } from 'vitest';
import { linkedinSelectors } from '../../entrypoints/linkedin.content/selectors';
import { xSelectors } from '../../entrypoints/x.content/selectors';
import { SITE_SELECTOR_KEYS } from '../../lib/selector-keys';
import { SELECTOR_KEY } from '../../lib/selector-limits';

describe('selector keys', () => {
  it('lists every key of each site table the adapters use, and nothing else', () => {
    expect([...SITE_SELECTOR_KEYS.linkedin]).toEqual(linkedinSelectors.keys());
    expect([...SITE_SELECTOR_KEYS.x]).toEqual(xSelectors.keys());
    expect(SITE_SELECTOR_KEYS.linkedin).toContain('editor');
    expect(SITE_SELECTOR_KEYS.x).toContain('postButton');
  });

  it('names every key as an override may (lib/selector-limits.ts)', () => {
    for (const key of [...SITE_SELECTOR_KEYS.linkedin, ...SITE_SELECTOR_KEYS.x]) expect(key).toMatch(SELECTOR_KEY);
  });
});
