/**
 * What single sign-on refuses, against real OpenID providers on loopback: a changed nonce, a code
 * from another provider with the same client id or from another client of the same provider, a
 * provider naming another issuer at discovery, a sign-in older than ten minutes, redirects that
 * are no (allowed) extension's, and guessing codes. Discovery is tried again after a failure; a
 * public client (no secret) signs in with PKCE alone; with SSO off the routes answer 404 sso-off.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { firefoxRedirectHash } from '../../server/sso/redirects';
import { CALLBACK_PATH } from '../../server/sso/service';
import { expectProblem } from '../helpers/api';
import { startTestIdp, type TestIdp } from '../helpers/oidc-provider';
import { startTestServer, type TestServer } from '../helpers/server';
import { ADA, CHROME_ID, CHROME_ORIGIN, CHROME_REDIRECT, startSsoServer } from '../helpers/sso';
import { exchangeCode, extensionSignIn, follow, isExtensionRedirect, SsoBrowser } from '../helpers/sso-client';

const started: { stop?: () => Promise<void>; close?: () => Promise<void> }[] = [];
afterAll(async () => {
  for (const thing of started.reverse()) await (thing.stop ?? thing.close)!();
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** Starts an extension sign-in and returns the provider URL Relay sent the browser to. */
async function authorizationUrl(server: TestServer, browser: SsoBrowser): Promise<URL> {
  const query = new URLSearchParams({ for: 'extension', redirect: CHROME_REDIRECT });
  const response = await browser.request(`${server.url}/v1/sso/start?${query}`);
  expect(response.status).toBe(302);
  return new URL(response.headers.get('location')!);
}

/** Signs in at whatever provider `url` names and returns where the extension's redirect was reached. */
async function finishAt(browser: SsoBrowser, url: URL): Promise<URL> {
  const end = await follow(browser, url.href, { stop: isExtensionRedirect, credentials: ADA });
  if (!('stoppedAt' in end)) throw new Error(`stopped at ${end.url}: ${end.page.status}`);
  return new URL(end.stoppedAt);
}

/** Collects what the server logs as warnings while `run` runs. */
async function warnings(run: () => Promise<void>): Promise<string> {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  await run();
  return warn.mock.calls.map((call) => call.join(' ')).join('\n');
}

describe('what a sign-in with the identity provider refuses', () => {
  let idp: TestIdp;
  let server: TestServer;

  beforeAll(async () => {
    idp = await startTestIdp({
      extraClients: [{ clientId: 'other-app', clientSecret: 'other-app-secret-0123456789', redirectUris: [] }],
    });
    started.push(idp);
    server = await startSsoServer(idp);
    started.push(server);
    idp.extraClients[0]!.redirectUris.push(server.url + CALLBACK_PATH);
  });

  it('refuses an ID token whose nonce is not the one the sign-in kept (the request was changed on the way)', async () => {
    const browser = new SsoBrowser();
    const url = await authorizationUrl(server, browser);
    url.searchParams.set('nonce', 'a-nonce-of-someone-else-0123456789');
    let end: URL | undefined;
    const logged = await warnings(async () => {
      end = await finishAt(browser, url);
    });
    expect(end!.searchParams.get('error')).toBe('failed');
    expect(end!.searchParams.get('code')).toBeNull();
    expect(logged).toMatch(/nonce/);
  });

  it('refuses an answer from another provider with the same client id and secret (issuer pinned)', async () => {
    const impostor = await startTestIdp({
      clientId: idp.client.clientId,
      clientSecret: idp.client.clientSecret,
      redirectUris: [server.url + CALLBACK_PATH],
    });
    started.push(impostor);
    const browser = new SsoBrowser();
    const url = await authorizationUrl(server, browser);
    const moved = new URL(url.pathname + url.search, impostor.issuer);
    let end: URL | undefined;
    const logged = await warnings(async () => {
      end = await finishAt(browser, moved);
    });
    expect(impostor.logins).toEqual(['ada']);
    expect(end!.searchParams.get('error')).toBe('failed');
    expect(logged).toMatch(/iss/);
  });

  it("refuses a code the provider issued to another of the company's apps", async () => {
    const browser = new SsoBrowser();
    const url = await authorizationUrl(server, browser);
    url.searchParams.set('client_id', 'other-app');
    let end: URL | undefined;
    const logged = await warnings(async () => {
      end = await finishAt(browser, url);
    });
    expect(end!.searchParams.get('error')).toBe('failed');
    expect(logged).toMatch(/invalid_grant/);
  });

  it('answers failed to a sign-in that took longer than ten minutes', async () => {
    const browser = new SsoBrowser();
    const url = await authorizationUrl(server, browser);
    server.clock.advance(10 * 60_000 + 1_000);
    const end = await finishAt(browser, url);
    expect(end.searchParams.get('error')).toBe('failed');
    // Sign-ins left unfinished are swept when later ones begin.
    const db = server.deps.db;
    await authorizationUrl(server, new SsoBrowser());
    const left = async () => (await db.selectFrom('sso_logins').select('state_hash').execute()).length;
    expect(await left()).toBeGreaterThan(0);
    server.clock.advance(10 * 60_000 + 1_000);
    await authorizationUrl(server, new SsoBrowser());
    expect(await left()).toBe(1);
  });

  it("refuses a redirect that is no extension's sign-in redirect, or none, before sending anyone to the provider", async () => {
    for (const redirect of [
      'https://evil.example/',
      `https://${CHROME_ID}.chromiumapp.org.evil.example/`,
      `http://${CHROME_ID}.chromiumapp.org/`,
      `https://${CHROME_ID}.chromiumapp.org/?next=x`,
      undefined,
    ]) {
      const query = new URLSearchParams({ for: 'extension', ...(redirect ? { redirect } : {}) });
      const response = await server.call(`/v1/sso/start?${query}`);
      await expectProblem(response, 400, 'sso-redirect-invalid');
    }
    await expectProblem(await server.call('/v1/sso/start?for=extension&prompt=login'), 400, 'malformed-query');
  });

  it('limits failed code exchanges per address (RELAY_RATE_LIMIT_ENROLL), not successful ones', async () => {
    const limited = await startSsoServer(idp, {
      rateLimits: { ...server.deps.config.rateLimits, enroll: { limit: 3, windowMs: 60_000 } },
    });
    started.push(limited);
    for (let i = 0; i < 5; i++) {
      const end = await extensionSignIn(new SsoBrowser(), limited.url, { redirect: CHROME_REDIRECT, credentials: ADA });
      expect((await exchangeCode(limited.url, end.searchParams.get('code')!, CHROME_ORIGIN)).status).toBe(201);
    }
    for (let i = 0; i < 3; i++) {
      await expectProblem(await exchangeCode(limited.url, `guess-${i}-${'x'.repeat(40)}`), 401, 'sso-code-invalid');
    }
    const refused = await exchangeCode(limited.url, 'y'.repeat(43));
    await expectProblem(refused, 429, 'rate-limited');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('the extensions single sign-on answers (RELAY_EXTENSION_IDS)', () => {
  it('sends codes only to the listed extensions: Chrome by id, Firefox by the hash of its add-on id', async () => {
    const idp = await startTestIdp();
    started.push(idp);
    const server = await startSsoServer(idp, {}, { extensionIds: [CHROME_ID, 'relay@example.com'] });
    started.push(server);
    const firefox = `https://${firefoxRedirectHash('relay@example.com')}.extensions.allizom.org/`;
    for (const redirect of [CHROME_REDIRECT, firefox]) {
      const end = await extensionSignIn(new SsoBrowser(), server.url, { redirect, credentials: ADA });
      expect(end.origin + '/').toBe(redirect);
      expect(end.searchParams.get('code')).toBeTruthy();
    }
    for (const redirect of [
      'https://ponmlkjihgfedcbaponmlkjihgfedcba.chromiumapp.org/',
      `https://${firefoxRedirectHash('other@example.com')}.extensions.allizom.org/`,
    ]) {
      const query = new URLSearchParams({ for: 'extension', redirect });
      await expectProblem(await server.call(`/v1/sso/start?${query}`), 400, 'sso-redirect-invalid');
    }
  });
});

describe('discovery', () => {
  it('refuses a provider whose metadata names another issuer than RELAY_OIDC_ISSUER', async () => {
    const idp = await startTestIdp({ issuerHost: 'localhost' });
    started.push(idp);
    const server = await startSsoServer(idp, {}, { issuer: idp.issuer.replace('localhost', '127.0.0.1') });
    started.push(server);
    let end: URL | undefined;
    const logged = await warnings(async () => {
      end = await extensionSignIn(new SsoBrowser(), server.url, { redirect: CHROME_REDIRECT, credentials: ADA });
    });
    expect(Object.fromEntries(end!.searchParams)).toEqual({ error: 'failed', error_description: expect.any(String) });
    expect(logged).toMatch(/could not be discovered.*issuer/);
    expect(idp.logins).toEqual([]);
  });

  it('is tried again after a failure: a provider that was down works once it is up', async () => {
    const first = await startTestIdp();
    const port = Number(new URL(first.issuer).port);
    const server = await startSsoServer(first);
    started.push(server);
    await first.close();
    const logged = await warnings(async () => {
      const consoleEnd = await follow(new SsoBrowser(), `${server.url}/v1/sso/start?for=console`, {
        stop: (url) => url.startsWith(`${server.url}/admin/`),
      });
      expect('stoppedAt' in consoleEnd && consoleEnd.stoppedAt).toBe(`${server.url}/admin/?sso-error=failed`);
    });
    expect(logged).toMatch(/could not be discovered/);
    const again = await startTestIdp({ port, redirectUris: [server.url + CALLBACK_PATH] });
    started.push(again);
    const end = await extensionSignIn(new SsoBrowser(), server.url, { redirect: CHROME_REDIRECT, credentials: ADA });
    expect(end.searchParams.get('code')).toBeTruthy();
  });
});

describe('a public client', () => {
  it('signs in with PKCE alone when no client secret is set', async () => {
    const idp = await startTestIdp({ clientSecret: null });
    started.push(idp);
    const server = await startSsoServer(idp);
    started.push(server);
    expect(server.deps.config.sso?.clientSecret).toBeUndefined();
    const end = await extensionSignIn(new SsoBrowser(), server.url, { redirect: CHROME_REDIRECT, credentials: ADA });
    const response = await exchangeCode(server.url, end.searchParams.get('code')!, CHROME_ORIGIN);
    expect(response.status).toBe(201);
  });
});

describe('single sign-on off', () => {
  it('answers 404 sso-off on its routes, and says so in the sign-in options', async () => {
    const server = await startTestServer();
    started.push(server);
    expect(await (await server.call('/v1/sign-in-options')).json()).toEqual({
      sso: false,
      password: true,
      invites: true,
      organization: { name: '', logoUrl: null },
    });
    await expectProblem(await server.call('/v1/sso/start?for=console'), 404, 'sso-off');
    await expectProblem(await server.call(`/v1/sso/start?for=extension&redirect=${CHROME_REDIRECT}`), 404, 'sso-off');
    await expectProblem(await server.call('/v1/sso/callback?state=s&code=c'), 404, 'sso-off');
    const exchange = await server.call('/v1/sso/exchange', { method: 'POST', json: { code: 'c'.repeat(43) } });
    await expectProblem(exchange, 404, 'sso-off');
  });
});
