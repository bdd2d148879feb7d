/**
 * Admins signing in to the console with the identity provider (a real OpenID provider on
 * loopback): the session cookies as password sign-in sets them, then /admin/; members of
 * RELAY_OIDC_ADMIN_GROUP only (else /admin/?sso-error=not-admin); an existing password admin linked
 * by email; the state works once, in the browser that began the sign-in. RELAY_PASSWORD_SIGNIN=off.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAdmin } from '../../server/admins';
import { CALLBACK_PATH } from '../../server/sso/service';
import { expectProblem } from '../helpers/api';
import { startTestIdp, type TestIdp } from '../helpers/oidc-provider';
import { ADMIN_EMAIL, ADMIN_PASSWORD, type TestServer } from '../helpers/server';
import { ADA, GRACE, startSsoServer } from '../helpers/sso';
import { consoleSignIn, follow, SsoBrowser } from '../helpers/sso-client';

/** The admin routes answer the cookies this browser holds for the server, as the console's fetches send them. */
async function adminSession(server: TestServer, browser: SsoBrowser): Promise<Response> {
  const session = browser.cookie(server.url + '/v1/admin/session', 'relay_admin');
  const csrf = browser.cookie(server.url + '/v1/admin/session', 'relay_csrf');
  return server.call('/v1/admin/session', { headers: { cookie: `relay_admin=${session}; relay_csrf=${csrf}` } });
}

describe('console sign-in with the identity provider', () => {
  let idp: TestIdp;
  let server: TestServer;

  beforeAll(async () => {
    idp = await startTestIdp();
    server = await startSsoServer(idp);
  });
  afterAll(async () => {
    await server?.stop();
    await idp?.close();
  });

  it('offers single sign-on, passwords and invites', async () => {
    const response = await server.call('/v1/sign-in-options');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      sso: true,
      password: true,
      invites: true,
      organization: { name: '', logoUrl: null },
    });
  });

  it('links an existing password admin by email, opens a cookie session and sends the browser to /admin/', async () => {
    await addAdmin(server.deps.db, 'Ada@Example.com', 'ada password 123');
    const browser = new SsoBrowser();
    const end = await consoleSignIn(browser, server.url, { credentials: ADA });
    expect(end.href).toBe(`${server.url}/admin/`);
    const response = await adminSession(server, browser);
    expect(response.status).toBe(200);
    const state = (await response.json()) as { admin: { email: string }; csrfToken: string };
    expect(state.admin.email).toBe('ada@example.com');
    expect(state.csrfToken).toBe(browser.cookie(server.url + '/', 'relay_csrf'));
    const admins = await server.deps.db
      .selectFrom('admins')
      .selectAll()
      .where('email', '=', 'ada@example.com')
      .execute();
    expect(admins).toHaveLength(1);
    expect(admins[0]).toMatchObject({ subject: 'u-ada', name: 'Ada Lovelace' });
    // Her password still works: linking kept it.
    const password = await server.call('/v1/admin/session', {
      method: 'POST',
      json: { email: 'ada@example.com', password: 'ada password 123' },
    });
    expect(password.status).toBe(200);
    // No token in any address the browser went through.
    const token = browser.cookie(server.url + '/', 'relay_admin')!;
    expect(browser.visited.some((url) => url.includes(token))).toBe(false);
  });

  it('signs the same admin in again from another browser, silently with the provider session in the first', async () => {
    const other = new SsoBrowser();
    expect((await consoleSignIn(other, server.url, { credentials: ADA })).href).toBe(`${server.url}/admin/`);
    expect((await adminSession(server, other)).status).toBe(200);
    const logins = idp.logins.length;
    const silent = new SsoBrowser();
    await consoleSignIn(silent, server.url, { credentials: ADA });
    expect((await consoleSignIn(silent, server.url, { prompt: 'none' })).href).toBe(`${server.url}/admin/`);
    expect(idp.logins.length).toBe(logins + 1);
    const count = await server.deps.db.selectFrom('admins').select('id').where('subject', '=', 'u-ada').execute();
    expect(count).toHaveLength(1);
  });

  it('creates an admin without a password for a new member of the admin group', async () => {
    idp.addUser({
      sub: 'u-margaret',
      username: 'margaret',
      password: 'margaret-password',
      name: 'Margaret Hamilton',
      email: 'margaret@example.com',
      groups: ['relay-admins'],
    });
    const browser = new SsoBrowser();
    await consoleSignIn(browser, server.url, { credentials: { username: 'margaret', password: 'margaret-password' } });
    expect((await adminSession(server, browser)).status).toBe(200);
    const row = await server.deps.db
      .selectFrom('admins')
      .selectAll()
      .where('subject', '=', 'u-margaret')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ email: 'margaret@example.com', password_hash: '', name: 'Margaret Hamilton' });
    // No password signs this admin in.
    for (const password of ['', 'margaret-password']) {
      const response = await server.call('/v1/admin/session', {
        method: 'POST',
        json: { email: 'margaret@example.com', password: password || 'x' },
      });
      expect(response.status).toBe(401);
    }
  });

  it('sends someone outside the admin group back with sso-error=not-admin, and no session', async () => {
    const browser = new SsoBrowser();
    const end = await consoleSignIn(browser, server.url, { credentials: GRACE });
    expect(end.pathname + end.search).toBe('/admin/?sso-error=not-admin');
    expect(browser.cookie(server.url + '/', 'relay_admin')).toBeUndefined();
    expect(await server.deps.db.selectFrom('admins').select('id').where('subject', '=', 'u-grace').execute()).toEqual(
      [],
    );
  });

  it('answers sso-error=access-denied when the person cancels at the provider (access_denied)', async () => {
    const end = await consoleSignIn(new SsoBrowser(), server.url, { credentials: 'cancel' });
    expect(end.pathname + end.search).toBe('/admin/?sso-error=access-denied');
  });

  it("reads a provider's error whose description runs over several lines, as Entra ID's does", async () => {
    const browser = new SsoBrowser();
    const atIdp = await follow(browser, `${server.url}/v1/sso/start?for=console`, {
      stop: (url) => url.startsWith(idp.issuer),
    });
    if (!('stoppedAt' in atIdp)) throw new Error('the sign-in did not go to the provider');
    const state = new URL(atIdp.stoppedAt).searchParams.get('state')!;
    const query = new URLSearchParams({
      error: 'access_denied',
      error_description: 'AADSTS50105: The signed in user is not assigned to a role.\r\nTrace ID: 1f2e\r\nTimestamp: x',
      state,
      iss: idp.issuer,
    });
    const answer = await browser.request(`${server.url}/v1/sso/callback?${query}`);
    expect(answer.status).toBe(302);
    expect(answer.headers.get('location')).toBe('/admin/?sso-error=access-denied');
  });

  it('answers sso-error=login-required to a silent sign-in without a provider session', async () => {
    const end = await consoleSignIn(new SsoBrowser(), server.url, { prompt: 'none' });
    expect(end.pathname + end.search).toBe('/admin/?sso-error=login-required');
  });

  it('takes a state once: a callback replayed, or with its state changed, opens no session', async () => {
    const browser = new SsoBrowser();
    const atCallback = await follow(browser, `${server.url}/v1/sso/start?for=console`, {
      stop: (url) => url.startsWith(server.url + CALLBACK_PATH),
      credentials: ADA,
    });
    if (!('stoppedAt' in atCallback)) throw new Error('the sign-in did not come back to the callback');
    const callback = atCallback.stoppedAt;
    const state = new URL(callback).searchParams.get('state')!;
    const tampered = callback.replace(`state=${state}`, `state=${state.slice(0, -2)}xx`);
    expect(tampered).not.toBe(callback);
    // Changed: no sign-in has that state, and nothing says where to send the browser.
    await expectProblem(await fetch(tampered, { redirect: 'manual' }), 400, 'sso-state-invalid');
    // The real one still works, once.
    const done = await browser.request(callback);
    expect(done.status).toBe(302);
    expect(done.headers.get('location')).toBe('/admin/');
    expect(done.headers.get('cache-control')).toBe('no-store');
    expect(done.headers.get('referrer-policy')).toBe('no-referrer');
    expect(browser.cookie(server.url + '/', 'relay_admin')).toMatch(/^rla_/);
    await expectProblem(await browser.request(callback), 400, 'sso-state-invalid');
    await expectProblem(await fetch(callback, { redirect: 'manual' }), 400, 'sso-state-invalid');
    // A browser in the middle of a console sign-in (its state cookie says so) goes back to the console.
    const other = new SsoBrowser();
    expect((await other.request(`${server.url}/v1/sso/start?for=console`)).status).toBe(302);
    const refused = await other.request(tampered);
    expect(refused.status).toBe(302);
    expect(refused.headers.get('location')).toBe('/admin/?sso-error=failed');
    expect(other.cookie(server.url + CALLBACK_PATH, 'relay_sso_state')).toBeUndefined();
  });

  it('opens no session when the callback reaches another browser than the one that began the sign-in', async () => {
    const starter = new SsoBrowser();
    const start = await starter.request(`${server.url}/v1/sso/start?for=console`);
    expect(start.status).toBe(302);
    const victim = new SsoBrowser();
    const end = await follow(victim, start.headers.get('location')!, {
      stop: (url) => url.startsWith(`${server.url}/admin/`),
      credentials: ADA,
    });
    expect('stoppedAt' in end && end.stoppedAt).toBe(`${server.url}/admin/?sso-error=failed`);
    expect(victim.cookie(server.url + '/', 'relay_admin')).toBeUndefined();
  });
});

describe('RELAY_PASSWORD_SIGNIN=off', () => {
  let idp: TestIdp;
  let server: TestServer;

  beforeAll(async () => {
    idp = await startTestIdp();
    server = await startSsoServer(idp, { passwordSignIn: false });
  });
  afterAll(async () => {
    await server?.stop();
    await idp?.close();
  });

  it('answers password sign-in 403 password-sign-in-off, even with the right password', async () => {
    const response = await server.call('/v1/admin/session', {
      method: 'POST',
      json: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
    });
    const problem = await expectProblem(response, 403, 'password-sign-in-off');
    expect(problem.detail).toMatch(/work account/);
    expect(await (await server.call('/v1/sign-in-options')).json()).toEqual({
      sso: true,
      password: false,
      invites: true,
      organization: { name: '', logoUrl: null },
    });
  });

  it('still creates the start-up admin (a way back in should the provider fail: switch passwords on again)', async () => {
    const row = await server.deps.db
      .selectFrom('admins')
      .selectAll()
      .where('email', '=', ADMIN_EMAIL)
      .executeTakeFirst();
    expect(row?.password_hash).toMatch(/^scrypt\$/);
  });

  it('signs admins in with the identity provider', async () => {
    const browser = new SsoBrowser();
    expect((await consoleSignIn(browser, server.url, { credentials: ADA })).href).toBe(`${server.url}/admin/`);
    expect((await adminSession(server, browser)).status).toBe(200);
  });
});
