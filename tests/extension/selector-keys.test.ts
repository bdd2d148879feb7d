/** The console's lists of selector keys (lib/selector-keys.ts) are the extension's tables' keys, in order. */
import { describe, expect, it } from 'vitest';
import { linkedinSelectors } from '../../entrypoints/linkedin.content/selectors';
import { xSelectors } from '../../entrypoints/x.content/selectors';
import { SITE_SELECTOR_KEYS } from '../../lib/selector-keys';
import { SELECTOR_KEY } from '../../lib/selector-limits';

describe('selector keys', () => {
  it('lists every key of each site table, and nothing else', () => {
    expect([...SITE_SELECTOR_KEYS.linkedin]).toEqual(linkedinSelectors.keys());
    expect([...SITE_SELECTOR_KEYS.x]).toEqual(xSelectors.keys());
  });

  it('names every key as an override may (lib/selector-limits.ts)', () => {
    for (const key of [...SITE_SELECTOR_KEYS.linkedin, ...SITE_SELECTOR_KEYS.x]) expect(key).toMatch(SELECTOR_KEY);
  });
});
