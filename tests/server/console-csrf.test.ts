/**
 * The console's session: sign-in sets the HttpOnly session cookie and the readable relay_csrf
 * cookie; GET /v1/admin/session restores it; cookie-authenticated writes need X-CSRF-Token equal
 * to both (every admin route: route-csrf.test.ts); cross-origin cookie requests are refused; Bearer
 * requests are exempt. And CORS with
 * credentials for the console's dev server when RELAY_CONSOLE_DEV_ORIGIN is set.
 */
import { PERMISSIONS } from '../../lib/roles';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config';
import { expectProblem } from '../helpers/api';
import { cookieSignIn, cookieValue, setCookies, type CookieSession } from '../helpers/console';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/server';

const DEV_ORIGIN = 'http://localhost:5173';

describe('console session and CSRF protection', () => {
  let server: TestServer;
  let session: CookieSession;
  beforeAll(async () => {
    server = await startTestServer();
    session = await cookieSignIn(server);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('sign-in returns csrfToken and sets relay_csrf: readable, SameSite=Strict, beside the HttpOnly session cookie', async () => {
    const response = await server.call('/v1/admin/session', {
      method: 'POST',
      json: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
    });
    const body = (await response.json()) as { token: string; csrfToken: string; admin: { email: string } };
    expect(body).toEqual({
      token: expect.any(String),
      csrfToken: expect.any(String),
      admin: expect.objectContaining({ email: ADMIN_EMAIL, role: 'owner' }),
      permissions: [...PERMISSIONS],
    });
    expect(body.csrfToken.length).toBeGreaterThanOrEqual(32);
    const cookies = setCookies(response);
    const csrf = cookies.get('relay_csrf')!;
    expect(cookieValue(csrf)).toBe(body.csrfToken);
    expect(csrf).not.toMatch(/HttpOnly/i);
    expect(csrf).toMatch(/SameSite=Strict/i);
    expect(csrf).toMatch(/Path=\//);
    expect(cookies.get('relay_admin')).toMatch(/HttpOnly/i);
    // Each session has its own token.
    expect(body.csrfToken).not.toBe(session.csrfToken);
  });

  it('GET /v1/admin/session restores the session from the cookie: admin and the same csrfToken', async () => {
    const response = await server.call('/v1/admin/session', { headers: { cookie: `relay_admin=${session.token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as {
      admin: { email: string; id: string };
      csrfToken: string;
      expiresAt: string;
    };
    expect(body).toEqual({
      admin: { id: expect.any(String), email: ADMIN_EMAIL, role: 'owner' },
      permissions: [...PERMISSIONS],
      csrfToken: session.csrfToken,
      expiresAt: expect.any(String),
    });
    expect(Date.parse(body.expiresAt)).toBeGreaterThan(Date.now());
    // The CSRF cookie comes back even if the browser lost it.
    expect(cookieValue(setCookies(response).get('relay_csrf'))).toBe(session.csrfToken);
    const bearer = await server.call('/v1/admin/session', { token: session.token });
    expect(((await bearer.json()) as { csrfToken: string }).csrfToken).toBe(session.csrfToken);
  });

  it('GET /v1/admin/session answers 401 when not signed in', async () => {
    await expectProblem(await server.call('/v1/admin/session'), 401, 'unauthorized');
    await expectProblem(await server.call('/v1/admin/session', { headers: { cookie: 'relay_admin=rla_nope' } }), 401);
  });

  it('cookie-authenticated reads need no CSRF token', async () => {
    const response = await server.call('/v1/admin/content', { headers: { cookie: session.cookie } });
    expect(response.status).toBe(200);
  });

  // Every admin route's CSRF checks, from the OpenAPI registry: route-csrf.test.ts.

  it('accepts the API’s own origin and same-origin fetch metadata', async () => {
    const own = await server.call('/v1/admin/invites', {
      method: 'POST',
      json: {},
      headers: { ...session.headers, origin: server.url, 'sec-fetch-site': 'same-origin' },
    });
    expect(own.status).toBe(201);
    // Behind a proxy the public URL is the origin the browser sends.
    const publicOrigin = await server.call('/v1/admin/content', {
      headers: { cookie: session.cookie, origin: 'http://relay.test' },
    });
    expect(publicOrigin.status).toBe(200);
    const typed = await server.call('/v1/admin/content', {
      headers: { cookie: session.cookie, 'sec-fetch-site': 'none' },
    });
    expect(typed.status).toBe(200);
  });

  it('refuses cross-site cookie reads too', async () => {
    await expectProblem(
      await server.call('/v1/admin/content', { headers: { cookie: session.cookie, 'sec-fetch-site': 'cross-site' } }),
      403,
      'csrf',
    );
    await expectProblem(
      await server.call('/v1/admin/analytics', { headers: { cookie: session.cookie, origin: 'https://evil.example' } }),
      403,
      'csrf',
    );
  });

  it('refuses a sign-in posted from another origin', async () => {
    await expectProblem(
      await server.call('/v1/admin/session', {
        method: 'POST',
        json: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
        headers: { origin: 'https://evil.example' },
      }),
      403,
      'csrf',
    );
  });

  it('sign-out by cookie needs the token, then clears both cookies and GET /v1/admin/session answers 401', async () => {
    const mine = await cookieSignIn(server);
    await expectProblem(
      await server.call('/v1/admin/session', { method: 'DELETE', headers: { cookie: mine.cookie } }),
      403,
      'csrf',
    );
    const out = await server.call('/v1/admin/session', { method: 'DELETE', headers: mine.headers });
    expect(out.status).toBe(204);
    const cleared = setCookies(out);
    expect(cleared.get('relay_admin')).toMatch(/Max-Age=0/i);
    expect(cleared.get('relay_csrf')).toMatch(/Max-Age=0/i);
    await expectProblem(await server.call('/v1/admin/session', { headers: { cookie: mine.cookie } }), 401);
  });
});

describe('CORS for the console dev server (RELAY_CONSOLE_DEV_ORIGIN)', () => {
  let server: TestServer;
  let session: CookieSession;
  beforeAll(async () => {
    server = await startTestServer({ consoleDevOrigin: DEV_ORIGIN });
    session = await cookieSignIn(server);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('answers the dev server’s preflight with credentials and the CSRF header allowed', async () => {
    const response = await server.call('/v1/admin/content', {
      method: 'OPTIONS',
      headers: {
        origin: DEV_ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, x-csrf-token',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(DEV_ORIGIN);
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('x-csrf-token');
    expect(response.headers.get('access-control-allow-methods')).toContain('DELETE');
  });

  it('lets the dev server use the cookie, with the CSRF token for writes', async () => {
    const read = await server.call('/v1/admin/content', { headers: { cookie: session.cookie, origin: DEV_ORIGIN } });
    expect(read.status).toBe(200);
    expect(read.headers.get('access-control-allow-origin')).toBe(DEV_ORIGIN);
    expect(read.headers.get('access-control-allow-credentials')).toBe('true');
    const write = await server.call('/v1/admin/invites', {
      method: 'POST',
      json: {},
      headers: { ...session.headers, origin: DEV_ORIGIN, 'sec-fetch-site': 'same-site' },
    });
    expect(write.status).toBe(201);
    await expectProblem(
      await server.call('/v1/admin/invites', {
        method: 'POST',
        json: {},
        headers: { cookie: session.cookie, origin: DEV_ORIGIN },
      }),
      403,
      'csrf',
    );
  });

  it('gives any other origin nothing', async () => {
    for (const origin of ['http://localhost:5174', 'https://evil.example', 'chrome-extension://abcdef']) {
      const response = await server.call('/v1/admin/content', {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'GET' },
      });
      expect(response.headers.get('access-control-allow-origin'), origin).toBeNull();
      await expectProblem(
        await server.call('/v1/admin/content', { headers: { cookie: session.cookie, origin } }),
        403,
        'csrf',
      );
    }
  });

  it('is off unless configured, and the variable must be an origin', async () => {
    expect(loadConfig({}).consoleDevOrigin).toBeUndefined();
    expect(loadConfig({ RELAY_CONSOLE_DEV_ORIGIN: 'http://localhost:5173/' }).consoleDevOrigin).toBe(DEV_ORIGIN);
    for (const bad of ['localhost:5173', 'http://localhost:5173/admin', 'ftp://x', 'http://user:pw@localhost:5173']) {
      expect(() => loadConfig({ RELAY_CONSOLE_DEV_ORIGIN: bad }), bad).toThrow(ConfigError);
    }
  });
});
