/** Extension sign-in redirects: which are accepted (with and without RELAY_EXTENSION_IDS), Firefox's hash, and who may redeem a code sent to one. */
import { describe, expect, it } from 'vitest';
import { firefoxRedirectHash, originMayRedeem, parseExtensionRedirect } from './redirects';

const CHROME_ID = 'abcdefghijklmnopabcdefghijklmnop';
const OTHER_CHROME_ID = 'ponmlkjihgfedcbaponmlkjihgfedcba';
const FIREFOX_ID = '{4b376457-9460-4891-b28a-60499c2e3343}';
/** What Firefox's getRedirectURL() gives that add-on (SHA-1 of the id, braces included). */
const FIREFOX_HASH = 'e74fe0942ca5c6c17185e1e4d5798b0ecd5a36d4';

describe('firefoxRedirectHash', () => {
  it("is the hex SHA-1 of the add-on id, as Firefox's identity API computes it", () => {
    expect(firefoxRedirectHash(FIREFOX_ID)).toBe(FIREFOX_HASH);
    expect(firefoxRedirectHash('relay@example.com')).toMatch(/^[0-9a-f]{40}$/);
  });
});

describe('parseExtensionRedirect', () => {
  it("accepts Chrome/Edge's and Firefox's redirect URLs, with a path", () => {
    expect(parseExtensionRedirect(`https://${CHROME_ID}.chromiumapp.org/`, [])).toEqual({
      url: `https://${CHROME_ID}.chromiumapp.org/`,
      browser: 'chromium',
      label: CHROME_ID,
    });
    expect(parseExtensionRedirect(`https://${CHROME_ID}.chromiumapp.org/sso`, [])?.url).toBe(
      `https://${CHROME_ID}.chromiumapp.org/sso`,
    );
    expect(parseExtensionRedirect(`https://${FIREFOX_HASH}.extensions.allizom.org/`, [])).toMatchObject({
      browser: 'firefox',
      label: FIREFOX_HASH,
    });
  });

  it('refuses other hosts, schemes, ports, credentials, queries and fragments', () => {
    for (const bad of [
      'https://evil.example/',
      `https://${CHROME_ID}.chromiumapp.org.evil.example/`,
      `https://evil.example/${CHROME_ID}.chromiumapp.org/`,
      `http://${CHROME_ID}.chromiumapp.org/`,
      `https://${CHROME_ID}.chromiumapp.org:8443/`,
      `https://user@${CHROME_ID}.chromiumapp.org/`,
      `https://${CHROME_ID}.chromiumapp.org/?next=https://evil.example`,
      `https://${CHROME_ID}.chromiumapp.org/?`,
      `https://${CHROME_ID}.chromiumapp.org/#x`,
      'https://tooshort.chromiumapp.org/',
      `https://${'z'.repeat(32)}.chromiumapp.org/`,
      'https://nothex.extensions.allizom.org/',
      `https://x.${FIREFOX_HASH}.extensions.allizom.org/`,
      `chrome-extension://${CHROME_ID}/`,
      'not a url',
      `https://${CHROME_ID}.chromiumapp.org/${'a'.repeat(500)}`,
    ]) {
      expect(parseExtensionRedirect(bad, []), bad).toBeUndefined();
    }
  });

  it('with RELAY_EXTENSION_IDS, accepts only those extensions: Chrome by id, Firefox by the hash of its add-on id', () => {
    const ids = [CHROME_ID, FIREFOX_ID];
    expect(parseExtensionRedirect(`https://${CHROME_ID}.chromiumapp.org/`, ids)).toBeDefined();
    expect(parseExtensionRedirect(`https://${FIREFOX_HASH}.extensions.allizom.org/`, ids)).toBeDefined();
    expect(parseExtensionRedirect(`https://${OTHER_CHROME_ID}.chromiumapp.org/`, ids)).toBeUndefined();
    expect(
      parseExtensionRedirect(`https://${firefoxRedirectHash('other@example.com')}.extensions.allizom.org/`, ids),
    ).toBeUndefined();
    // A Chrome id is not a Firefox add-on id: its hash is not accepted as one.
    expect(
      parseExtensionRedirect(`https://${firefoxRedirectHash(CHROME_ID)}.extensions.allizom.org/`, [CHROME_ID]),
    ).toBeUndefined();
  });
});

describe('originMayRedeem', () => {
  const chrome = `https://${CHROME_ID}.chromiumapp.org/`;
  const firefox = `https://${FIREFOX_HASH}.extensions.allizom.org/`;

  it('lets a Chrome extension redeem only codes sent to its own redirect', () => {
    expect(originMayRedeem(`chrome-extension://${CHROME_ID}`, chrome)).toBe(true);
    expect(originMayRedeem(`chrome-extension://${OTHER_CHROME_ID}`, chrome)).toBe(false);
    expect(originMayRedeem(`chrome-extension://${CHROME_ID}`, firefox)).toBe(false);
  });

  it('lets a Firefox extension (a per-install origin) redeem codes sent to a Firefox redirect only', () => {
    expect(originMayRedeem('moz-extension://4b0c2a8e-1d3f-4c55-9a1e-0123456789ab', firefox)).toBe(true);
    expect(originMayRedeem('moz-extension://4b0c2a8e-1d3f-4c55-9a1e-0123456789ab', chrome)).toBe(false);
  });

  it('refuses web pages, and lets requests without an Origin (not a browser page) through', () => {
    expect(originMayRedeem('https://evil.example', chrome)).toBe(false);
    expect(originMayRedeem('null', chrome)).toBe(false);
    expect(originMayRedeem(undefined, chrome)).toBe(true);
  });
});
