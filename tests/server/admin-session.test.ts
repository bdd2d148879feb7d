/** Admin sign-in and sign-out, the session cookie, session expiry and who may call what (401/403). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, expectValidation, signIn } from '../helpers/api';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/server';

/** Every admin route the server has, with a body that would be valid where one is needed. */
const ADMIN_ROUTES: { method: string; path: string; json?: unknown }[] = [
  { method: 'DELETE', path: '/v1/admin/session' },
  { method: 'POST', path: '/v1/admin/invites', json: {} },
  { method: 'GET', path: '/v1/admin/invites' },
  { method: 'DELETE', path: '/v1/admin/invites/ABCD-EFGH' },
  {
    method: 'POST',
    path: '/v1/admin/content',
    json: { title: 't', url: 'https://example.com', variants: { x: ['x'] } },
  },
  { method: 'GET', path: '/v1/admin/content' },
  { method: 'GET', path: '/v1/admin/content/some-id' },
  { method: 'PATCH', path: '/v1/admin/content/some-id', json: { title: 'New' } },
  { method: 'DELETE', path: '/v1/admin/content/some-id' },
  { method: 'POST', path: '/v1/admin/content/some-id/publish' },
  { method: 'GET', path: '/v1/admin/guidelines' },
  { method: 'PUT', path: '/v1/admin/guidelines', json: { bannedTerms: [] } },
  { method: 'GET', path: '/v1/admin/scoring' },
  { method: 'PUT', path: '/v1/admin/scoring', json: {} },
  { method: 'GET', path: '/v1/admin/session' },
  { method: 'GET', path: '/v1/admin/advocates' },
  { method: 'DELETE', path: '/v1/admin/advocates/some-id' },
  { method: 'GET', path: '/v1/admin/analytics' },
  { method: 'GET', path: '/v1/admin/analytics.csv' },
  { method: 'POST', path: '/v1/admin/link-preview', json: { url: 'https://example.com' } },
];

const ADVOCATE_ROUTES: { method: string; path: string }[] = [
  { method: 'GET', path: '/v1/sync' },
  { method: 'DELETE', path: '/v1/me/token' },
];

describe('admin session', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('signs in with the right password: a token, the admin, and an HttpOnly SameSite=Strict cookie', async () => {
    const response = await signIn(server, ADMIN_EMAIL, ADMIN_PASSWORD);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as { token: string; admin: { id: string; email: string } };
    expect(body.token).toMatch(/^\S{20,}$/);
    expect(body.admin.email).toBe(ADMIN_EMAIL);
    expect(body.admin.id).toEqual(expect.any(String));
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toContain(`relay_admin=${body.token}`);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\//);
    // The token works as a bearer credential.
    expect((await server.call('/v1/admin/content', { token: body.token })).status).toBe(200);
  });

  it('matches the email case-insensitively', async () => {
    const response = await signIn(server, ADMIN_EMAIL.toUpperCase(), ADMIN_PASSWORD);
    expect(response.status).toBe(200);
  });

  it('refuses a wrong password and an unknown email alike with 401', async () => {
    const wrong = await expectProblem(await signIn(server, ADMIN_EMAIL, 'not the password'), 401, 'bad-credentials');
    const unknown = await expectProblem(
      await signIn(server, 'nobody@relay.test', ADMIN_PASSWORD),
      401,
      'bad-credentials',
    );
    // The answer does not reveal whether the account exists.
    expect(unknown.detail).toBe(wrong.detail);
  });

  it('validates the sign-in body: 422 per field, 400 for malformed JSON, 415 for another media type', async () => {
    await expectValidation(
      await server.call('/v1/admin/session', { method: 'POST', json: { email: ADMIN_EMAIL } }),
      'password',
    );
    await expectValidation(
      await server.call('/v1/admin/session', { method: 'POST', json: { email: 'not-an-email', password: 'x' } }),
      'email',
    );
    await expectValidation(
      await server.call('/v1/admin/session', { method: 'POST', json: { email: ADMIN_EMAIL, password: 42 } }),
      'password',
    );
    await expectValidation(
      await server.call('/v1/admin/session', {
        method: 'POST',
        json: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD, remember: true },
      }),
      'remember',
    );
    await expectValidation(await server.call('/v1/admin/session', { method: 'POST', json: [] }));
    await expectProblem(
      await server.call('/v1/admin/session', {
        method: 'POST',
        body: '{"email":',
        headers: { 'content-type': 'application/json' },
      }),
      400,
      'malformed-json',
    );
    await expectProblem(
      await server.call('/v1/admin/session', {
        method: 'POST',
        body: `email=${ADMIN_EMAIL}`,
        headers: { 'content-type': 'text/plain' },
      }),
      415,
    );
  });

  it('accepts the session cookie instead of the Authorization header', async () => {
    const response = await signIn(server, ADMIN_EMAIL, ADMIN_PASSWORD);
    const { token } = (await response.json()) as { token: string };
    const withCookie = await server.call('/v1/admin/invites', { headers: { cookie: `relay_admin=${token}` } });
    expect(withCookie.status).toBe(200);
    expect(await withCookie.json()).toEqual({ items: expect.any(Array) });
  });

  it('signs out: DELETE ends the session, clears the cookie, and the token stops working', async () => {
    const { token } = (await (await signIn(server, ADMIN_EMAIL, ADMIN_PASSWORD)).json()) as { token: string };
    const out = await server.call('/v1/admin/session', { method: 'DELETE', token });
    expect(out.status).toBe(204);
    expect(await out.text()).toBe('');
    expect(out.headers.get('set-cookie') ?? '').toMatch(/relay_admin=;.*Max-Age=0/i);
    await expectProblem(await server.call('/v1/admin/content', { token }), 401, 'unauthorized');
    await expectProblem(await server.call('/v1/admin/session', { method: 'DELETE', token }), 401, 'unauthorized');
    // Other sessions are unaffected.
    expect((await server.call('/v1/admin/content', { token: await server.adminToken() })).status).toBe(200);
  });

  it('signs out with the cookie alone (and the CSRF token the console echoes)', async () => {
    const { token, csrfToken } = (await (await signIn(server, ADMIN_EMAIL, ADMIN_PASSWORD)).json()) as {
      token: string;
      csrfToken: string;
    };
    const cookie = `relay_admin=${token}; relay_csrf=${csrfToken}`;
    const headers = { cookie, 'x-csrf-token': csrfToken };
    expect((await server.call('/v1/admin/session', { method: 'DELETE', headers })).status).toBe(204);
    await expectProblem(await server.call('/v1/admin/content', { headers: { cookie } }), 401);
  });

  describe.each(ADMIN_ROUTES)('admin route $method $path', ({ method, path, json }) => {
    it('answers 401 with no credentials, with a WWW-Authenticate challenge', async () => {
      const response = await server.call(path, { method, json });
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      await expectProblem(response, 401, 'unauthorized');
    });

    it('answers 401 for a made-up token and a malformed Authorization header', async () => {
      await expectProblem(
        await server.call(path, { method, json, token: 'rla_not-a-real-token' }),
        401,
        'unauthorized',
      );
      await expectProblem(
        await server.call(path, { method, json, headers: { authorization: 'Basic YWRtaW46YWRtaW4=' } }),
        401,
      );
    });

    it('answers 403 for an advocate token', async () => {
      const advocate = await server.enroll('Role Tester');
      await expectProblem(await server.call(path, { method, json, token: advocate.token }), 403, 'forbidden');
    });
  });

  describe.each(ADVOCATE_ROUTES)('advocate route $method $path', ({ method, path }) => {
    it('answers 401 without a token or with a made-up one', async () => {
      await expectProblem(await server.call(path, { method }), 401, 'unauthorized');
      await expectProblem(await server.call(path, { method, token: 'rlv_made-up' }), 401, 'unauthorized');
    });

    it('answers 403 for an admin token', async () => {
      await expectProblem(await server.call(path, { method, token: await server.adminToken() }), 403, 'forbidden');
    });
  });
});

describe('admin session expiry (by the server clock)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ sessionTtlMs: 60 * 60_000 });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('keeps a session until sessionTtlMs, then answers 401 and a new sign-in works', async () => {
    const { token } = (await (await signIn(server, ADMIN_EMAIL, ADMIN_PASSWORD)).json()) as { token: string };
    server.clock.advance(60 * 60_000 - 1_000);
    expect((await server.call('/v1/admin/content', { token })).status).toBe(200);

    server.clock.advance(2_000);
    const expired = await expectProblem(await server.call('/v1/admin/content', { token }), 401, 'unauthorized');
    expect(expired.detail).toMatch(/expired/i);
    await expectProblem(await server.call('/v1/admin/content', { headers: { cookie: `relay_admin=${token}` } }), 401);

    const again = await signIn(server, ADMIN_EMAIL, ADMIN_PASSWORD);
    expect(again.status).toBe(200);
    const fresh = ((await again.json()) as { token: string }).token;
    expect(fresh).not.toBe(token);
    expect((await server.call('/v1/admin/content', { token: fresh })).status).toBe(200);
  });

  it('an expired admin session is refused on advocate routes with 401, not 403', async () => {
    const { token } = (await (await signIn(server, ADMIN_EMAIL, ADMIN_PASSWORD)).json()) as { token: string };
    await expectProblem(await server.call('/v1/sync', { token }), 403, 'forbidden');
    server.clock.advance(60 * 60_000 + 1);
    await expectProblem(await server.call('/v1/sync', { token }), 401, 'unauthorized');
  });
});
