/** Which extension sign-in redirects (browser.identity.getRedirectURL()) Relay sends one-time codes to. */
import { createHash } from 'node:crypto';

/** Chrome and Edge: `https://<extension id>.chromiumapp.org/…`; an id is 32 letters a to p. */
const CHROMIUM_HOST = /^([a-p]{32})\.chromiumapp\.org$/;
/**
 * Firefox: `https://<hash>.extensions.allizom.org/…`, the hash being the lower-case hex SHA-1 of the
 * add-on id's UTF-8 bytes, braces included (Firefox's toolkit/components/extensions/child/
 * ext-identity.js, computeHash; the domain is the extensions.webextensions.identity.redirectDomain
 * preference's default).
 */
const FIREFOX_HOST = /^([0-9a-f]{40})\.extensions\.allizom\.org$/;

/** What stored return_to columns hold at most. */
const MAX_LENGTH = 500;

/** The host label Firefox gives an add-on's redirect URL. */
export function firefoxRedirectHash(addonId: string): string {
  return createHash('sha1').update(addonId, 'utf8').digest('hex');
}

/** Firefox add-on ids are email-like or a GUID in braces (a Chrome id is neither). */
function isFirefoxAddonId(id: string): boolean {
  return id.includes('@') || /^\{[0-9a-fA-F-]{36}\}$/.test(id);
}

export type ExtensionBrowser = 'chromium' | 'firefox';

export interface ExtensionRedirect {
  /** The URL as the code will be sent to it. */
  url: string;
  browser: ExtensionBrowser;
  /** The Chrome/Edge extension id, or Firefox's hash of the add-on id. */
  label: string;
}

/**
 * The redirect, when it is an extension's sign-in redirect Relay may send a code to: https, a
 * chromiumapp.org or extensions.allizom.org host, no port, credentials, query or fragment. With
 * `allowedIds` (RELAY_EXTENSION_IDS) only those extensions': a Chrome/Edge id is the host label, a
 * Firefox add-on id is compared by its hash.
 */
export function parseExtensionRedirect(raw: string, allowedIds: readonly string[]): ExtensionRedirect | undefined {
  if (raw.length > MAX_LENGTH) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || url.port || url.username || url.password || url.search || url.hash) {
    return undefined;
  }
  // A query or fragment marker with nothing after it leaves url.search and url.hash empty.
  if (/[?#]/.test(raw)) return undefined;
  const chromium = CHROMIUM_HOST.exec(url.hostname);
  const firefox = FIREFOX_HOST.exec(url.hostname);
  const match = chromium ?? firefox;
  if (!match) return undefined;
  const label = match[1]!;
  const browser: ExtensionBrowser = chromium ? 'chromium' : 'firefox';
  if (allowedIds.length > 0) {
    const allowed = allowedIds.some((id) =>
      browser === 'chromium' ? id === label : isFirefoxAddonId(id) && firefoxRedirectHash(id) === label,
    );
    if (!allowed) return undefined;
  }
  return { url: url.href, browser, label };
}

/**
 * Whether an exchange sent with this Origin may redeem a code sent to `returnTo`: a Chrome/Edge
 * extension only its own (its origin names its id); a Firefox extension's origin is a per-install
 * UUID that says nothing of its add-on id, so only the kind of redirect is compared. Web pages are
 * refused; requests without an Origin (scripts) are not browsers' and pass.
 */
export function originMayRedeem(origin: string | undefined, returnTo: string): boolean {
  if (origin === undefined) return true;
  const redirect = parseExtensionRedirect(returnTo, []);
  if (!redirect) return false;
  const chrome = /^chrome-extension:\/\/([a-p]{32})$/.exec(origin);
  if (chrome) return redirect.browser === 'chromium' && redirect.label === chrome[1];
  if (/^moz-extension:\/\/[\w-]+$/.test(origin)) return redirect.browser === 'firefox';
  return false;
}
