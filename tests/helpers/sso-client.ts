/** Signing in with the identity provider over plain HTTP, the way a browser does (for tests and the bench). */

// A cookie jar per host, redirects followed one by one, and the provider's login form filled in and
// posted. The extension's redirect (chromiumapp.org, extensions.allizom.org) is never fetched: like
// the browser's identity API, the flow stops when a redirect reaches it.

export interface IdpCredentials {
  username: string;
  password: string;
}

interface StoredCookie {
  name: string;
  value: string;
  path: string;
  expiresAt: number | undefined;
}

/** A browser's cookies and redirects, without a browser. */
export class SsoBrowser {
  private readonly jar = new Map<string, StoredCookie[]>();
  /** Every URL requested, in order (for tests that look for a token in one). */
  readonly visited: string[] = [];

  /** Requests `url` (GET, or a POSTed form) with this browser's cookies, keeping the ones it sets; redirects are not followed. */
  async request(url: string, form?: URLSearchParams): Promise<Response> {
    const target = new URL(url);
    this.visited.push(target.href);
    const headers = new Headers();
    const cookie = this.cookieHeader(target);
    if (cookie) headers.set('cookie', cookie);
    if (form) headers.set('content-type', 'application/x-www-form-urlencoded');
    const response = await fetch(target, {
      method: form ? 'POST' : 'GET',
      headers,
      body: form?.toString(),
      redirect: 'manual',
    });
    this.keep(target, response.headers.getSetCookie());
    return response;
  }

  /** The value of a cookie this browser would send to `url`. */
  cookie(url: string, name: string): string | undefined {
    const target = new URL(url);
    return this.matching(target).find((cookie) => cookie.name === name)?.value;
  }

  /** Drops every cookie of `host` (e.g. signing out of the provider in this browser only). */
  forgetHost(host: string): void {
    this.jar.delete(host);
  }

  private matching(url: URL): StoredCookie[] {
    const now = Date.now();
    return (this.jar.get(url.hostname) ?? []).filter(
      (cookie) =>
        (cookie.expiresAt === undefined || cookie.expiresAt > now) &&
        (url.pathname === cookie.path ||
          url.pathname.startsWith(cookie.path.endsWith('/') ? cookie.path : `${cookie.path}/`)),
    );
  }

  private cookieHeader(url: URL): string {
    return this.matching(url)
      .map((cookie) => `${cookie.name}=${cookie.value}`)
      .join('; ');
  }

  /** Keeps cookies by host, as browsers do (not by port). */
  private keep(url: URL, lines: string[]): void {
    for (const line of lines) {
      const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
      const at = pair.indexOf('=');
      const name = pair.slice(0, at);
      const value = pair.slice(at + 1);
      let path = url.pathname.replace(/\/[^/]*$/, '') || '/';
      let expiresAt: number | undefined;
      for (const attribute of attributes) {
        const [key = '', raw = ''] = attribute.split('=');
        if (key.toLowerCase() === 'path') path = raw || '/';
        if (key.toLowerCase() === 'max-age') expiresAt = Date.now() + Number(raw) * 1000;
        if (key.toLowerCase() === 'expires' && expiresAt === undefined) expiresAt = Date.parse(raw);
      }
      const others = (this.jar.get(url.hostname) ?? []).filter(
        (cookie) => cookie.name !== name || cookie.path !== path,
      );
      const gone = expiresAt !== undefined && expiresAt <= Date.now();
      this.jar.set(url.hostname, gone ? others : [...others, { name, value, path, expiresAt }]);
    }
  }
}

/** Where a sign-in ended: a URL the flow stopped at (not fetched), or a page that answered with a body. */
export type FlowEnd = { stoppedAt: string } | { page: Response; url: string };

/** A host the browser hands to the extension instead of loading (browser.identity's redirect). */
export function isExtensionRedirect(url: string): boolean {
  const { hostname } = new URL(url);
  return hostname.endsWith('.chromiumapp.org') || hostname.endsWith('.extensions.allizom.org');
}

/** The action of a form on a provider page (tests/helpers/oidc-provider.ts's login page): the one ending in `ending`. */
function formAction(html: string, pageUrl: string, ending: string): string | undefined {
  for (const match of html.matchAll(/<form[^>]*method="post"[^>]*action="([^"]+)"/gi)) {
    const action = match[1]!.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
    if (action.endsWith(ending)) return new URL(action, pageUrl).href;
  }
  return undefined;
}

/** What to do on the provider's login page: sign in, or press Cancel. */
export type AtLoginPage = IdpCredentials | 'cancel';

/**
 * Follows redirects from `url` in `browser` until one reaches `stop` (not fetched) or a page
 * answers. On the provider's login page, signs in with `credentials` when given (or cancels), and
 * goes on.
 */
export async function follow(
  browser: SsoBrowser,
  url: string,
  options: { stop: (url: string) => boolean; credentials?: AtLoginPage; maxHops?: number },
): Promise<FlowEnd> {
  let next = url;
  let form: URLSearchParams | undefined;
  for (let hop = 0; hop < (options.maxHops ?? 20); hop++) {
    if (options.stop(next)) return { stoppedAt: next };
    const response = await browser.request(next, form);
    form = undefined;
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      next = new URL(location, next).href;
      continue;
    }
    const text = await response.clone().text();
    const { credentials } = options;
    const cancel = credentials === 'cancel';
    const action = response.status === 200 ? formAction(text, next, cancel ? '/abort' : '/login') : undefined;
    if (action && credentials && !text.includes('role="alert"')) {
      form = cancel
        ? new URLSearchParams()
        : new URLSearchParams({ username: credentials.username, password: credentials.password });
      next = action;
      continue;
    }
    return { page: response, url: next };
  }
  throw new Error(`more than ${options.maxHops ?? 20} redirects from ${url}`);
}

/** The extension's sign-in: GET /v1/sso/start?for=extension&redirect=… and on until the redirect; its URL. */
export async function extensionSignIn(
  browser: SsoBrowser,
  serverUrl: string,
  options: { redirect: string; credentials?: AtLoginPage; prompt?: 'none' },
): Promise<URL> {
  const query = new URLSearchParams({ for: 'extension', redirect: options.redirect });
  if (options.prompt) query.set('prompt', options.prompt);
  const end = await follow(browser, `${serverUrl}/v1/sso/start?${query}`, {
    stop: isExtensionRedirect,
    credentials: options.credentials,
  });
  if ('stoppedAt' in end) return new URL(end.stoppedAt);
  throw new Error(
    `the sign-in stopped at ${end.url}: ${end.page.status} ${(await end.page.text()).replace(/<style[\s\S]*<\/style>/, '').slice(0, 1500)}`,
  );
}

/** The console's sign-in: GET /v1/sso/start?for=console and on until Relay sends the browser to /admin/; that URL. */
export async function consoleSignIn(
  browser: SsoBrowser,
  serverUrl: string,
  options: { credentials?: AtLoginPage; prompt?: 'none' } = {},
): Promise<URL> {
  const query = new URLSearchParams({ for: 'console' });
  if (options.prompt) query.set('prompt', options.prompt);
  const end = await follow(browser, `${serverUrl}/v1/sso/start?${query}`, {
    stop: (url) => url.startsWith(`${serverUrl}/admin/`),
    credentials: options.credentials,
  });
  if ('stoppedAt' in end) return new URL(end.stoppedAt);
  throw new Error(
    `the sign-in stopped at ${end.url}: ${end.page.status} ${(await end.page.text()).replace(/<style[\s\S]*<\/style>/, '').slice(0, 1500)}`,
  );
}

/** POST /v1/sso/exchange with a code, as the extension does (its origin, when given). */
export function exchangeCode(serverUrl: string, code: string, origin?: string): Promise<Response> {
  return fetch(`${serverUrl}/v1/sso/exchange`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(origin ? { origin } : {}) },
    body: JSON.stringify({ code }),
  });
}
