/**
 * Work-account sign-in in the tests: the real server configured for the real test IdP
 * (tests/helpers/oidc-provider.ts), and a browser stand-in for identity.launchWebAuthFlow: a
 * cookie-keeping HTTP client that follows the redirects as a browser does, fills the IdP's login
 * page when a person is there to do it, and stops at the extension's redirect URL.
 */
import { createServer } from 'node:net';
import type { Config } from '../../server/config';
import { startTestIdp, type TestIdp } from '../helpers/oidc-provider';
import { startTestServer, type TestServer } from '../helpers/server';
import type { IdentityPort } from '../../entrypoints/background/work-account';

/** A Chrome extension's redirect URL, as identity.getRedirectURL('sso') gives it. */
export const TEST_REDIRECT_BASE = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

export interface SsoSetup {
  server: TestServer;
  idp: TestIdp;
  stop(): Promise<void>;
}

/** The real server on loopback with sign-in through the real test IdP (its public URL is its own address). */
export async function startSsoServer(overrides: Partial<Config> = {}): Promise<SsoSetup> {
  const idp = await startTestIdp();
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  idp.client.redirectUris.push(`${publicUrl}/v1/sso/callback`);
  let server: TestServer;
  try {
    server = await startTestServer({
      port,
      publicUrl,
      sso: {
        issuer: idp.issuer,
        clientId: idp.client.clientId,
        clientSecret: idp.client.clientSecret,
        scopes: 'openid profile email groups',
        claims: { name: 'name', email: 'email', groups: 'groups', team: 'department' },
        adminGroup: 'relay-admins',
        extensionIds: [],
      },
      ...overrides,
    });
  } catch (error) {
    await idp.close();
    throw error;
  }
  return {
    server,
    idp,
    async stop() {
      await server.stop();
      await idp.close();
    },
  };
}

interface Cookie {
  name: string;
  value: string;
  path: string;
}

/** Who is at the browser when the IdP shows its login page: someone who signs in, or someone who closes the window. */
export type Person = { username: string; password: string } | 'closes-the-window' | null;

/**
 * identity.launchWebAuthFlow in Node: follows redirects keeping cookies per host (as a browser's
 * profile does: the IdP's session outlives one flow), and answers like Chrome: the redirect URL
 * reached, "User interaction required." when a silent flow meets a page, "The user did not approve
 * access." when the person closes the window.
 */
export class FakeBrowser implements IdentityPort {
  private readonly jar = new Map<string, Cookie[]>();
  /** Every URL the flows loaded, in order. */
  readonly visited: string[] = [];
  /** Flows started, with whether each was interactive. */
  readonly flows: { url: string; interactive: boolean }[] = [];
  person: Person = null;

  constructor(readonly redirectBase = TEST_REDIRECT_BASE) {}

  getRedirectURL(path = ''): string {
    return this.redirectBase + path;
  }

  /** Forgets the IdP session (a fresh profile, or the person signed out at the IdP). */
  clearCookies(): void {
    this.jar.clear();
  }

  async launchWebAuthFlow({ url, interactive }: { url: string; interactive: boolean }): Promise<string> {
    this.flows.push({ url, interactive });
    let next: { url: string; init?: RequestInit } = { url };
    for (let hop = 0; hop < 25; hop++) {
      if (next.url.startsWith(this.redirectBase)) return next.url;
      const response = await this.load(next.url, next.init);
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        next = { url: new URL(location, next.url).href };
        continue;
      }
      const html = await response.text();
      // A page the person has to look at.
      if (!interactive) throw new Error('User interaction required.');
      const login = /<form method="post" action="([^"]+\/login)"/.exec(html);
      if (!login || this.person === null) throw new Error(`The flow stopped at a page: ${response.status} ${next.url}`);
      if (this.person === 'closes-the-window') throw new Error('The user did not approve access.');
      next = {
        url: new URL(login[1]!, next.url).href,
        init: {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams(this.person).toString(),
        },
      };
    }
    throw new Error('Too many redirects.');
  }

  private async load(url: string, init: RequestInit = {}): Promise<Response> {
    this.visited.push(url);
    const target = new URL(url);
    const cookies = (this.jar.get(target.hostname) ?? []).filter((cookie) => target.pathname.startsWith(cookie.path));
    const headers = new Headers(init.headers);
    if (cookies.length) headers.set('cookie', cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; '));
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) this.keep(target, line);
    return response;
  }

  private keep(from: URL, line: string): void {
    const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
    const equals = pair.indexOf('=');
    const name = pair.slice(0, equals);
    const value = pair.slice(equals + 1);
    let path = '/';
    let expired = value === '';
    for (const attribute of attributes) {
      const [key = '', raw = ''] = attribute.split('=');
      if (key.toLowerCase() === 'path') path = raw || '/';
      if (key.toLowerCase() === 'max-age' && Number(raw) <= 0) expired = true;
      if (key.toLowerCase() === 'expires' && Date.parse(raw) <= Date.now()) expired = true;
    }
    const kept = (this.jar.get(from.hostname) ?? []).filter(
      (cookie) => !(cookie.name === name && cookie.path === path),
    );
    if (!expired) kept.push({ name, value, path });
    this.jar.set(from.hostname, kept);
  }
}
