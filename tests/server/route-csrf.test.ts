/**
 * The CSRF table, from the OpenAPI registry: every admin route, authenticated by the console's
 * cookie, is refused from another origin or site; every one that changes state is refused without
 * X-CSRF-Token, with a wrong one or another session's pair, and accepted with the token in both the
 * header and the cookie; Bearer requests need none of it. A route without a case fails
 * (tests/helpers/route-cases.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteDoc } from '../../server/openapi/registry';
import { expectProblem } from '../helpers/api';
import { cookieSignIn, type CookieSession } from '../helpers/console';
import { caseContext, consoleFixture, routeCases, type CaseContext, type CaseRequest } from '../helpers/route-cases';
import { startTestServer, type TestServer } from '../helpers/server';

const FOREIGN_ORIGINS = ['https://evil.example', 'null', 'http://127.0.0.1:1'];

describe('CSRF protection of every admin route (from the OpenAPI registry)', () => {
  let server: TestServer;
  let ctx: CaseContext;
  let session: CookieSession;
  let admin: { route: RouteDoc; key: string; build: () => Promise<CaseRequest> }[];

  beforeAll(async () => {
    server = await startTestServer({ consoleDir: consoleFixture() });
    ctx = caseContext(server);
    admin = (await routeCases(server, ctx)).filter(({ route }) => route.auth === 'admin');
    session = await cookieSignIn(server);
  });
  afterAll(async () => {
    await server?.stop();
  });

  const writes = () => admin.filter(({ route }) => route.method !== 'get');

  function send(route: RouteDoc, request: CaseRequest, headers: Record<string, string>, token?: string) {
    return server.call(`${request.path}${request.query ? `?${request.query}` : ''}`, {
      method: route.method.toUpperCase(),
      json: request.json,
      headers: request.upload ? { ...headers, 'content-type': request.upload.type } : headers,
      body: request.upload?.body,
      token,
    });
  }

  /** Asserts a 403 csrf problem, naming the route when it is not. */
  async function refused(response: Response, what: string) {
    expect(response.status, what).toBe(403);
    return expectProblem(response, 403, 'csrf');
  }

  /** The session a request is sent with: the shared one, or its own for a sign-out. */
  const sessionFor = async (request: CaseRequest) => (request.endsSession ? cookieSignIn(server) : session);

  it('covers the routes that change state', () => {
    expect(writes().map(({ key }) => key)).toEqual(
      expect.arrayContaining(['POST /v1/admin/invites', 'POST /v1/admin/content', 'PUT /v1/admin/guidelines']),
    );
  });

  it('refuses every state-changing route by cookie without X-CSRF-Token, with a wrong one, or with another session’s pair', async () => {
    for (const { route, key, build } of writes()) {
      const request = await build();
      const mine = await sessionFor(request);
      const missing = await refused(await send(route, request, { cookie: mine.cookie }), `${key} without the token`);
      expect(missing.detail, key).toMatch(/X-CSRF-Token/);
      await refused(
        await send(route, request, { cookie: mine.cookie, 'x-csrf-token': 'x'.repeat(43) }),
        `${key} with a wrong token`,
      );
      // The header without the relay_csrf cookie.
      await refused(
        await send(route, request, { cookie: `relay_admin=${mine.token}`, 'x-csrf-token': mine.csrfToken }),
        `${key} without the relay_csrf cookie`,
      );
      const other = await cookieSignIn(server);
      await refused(
        await send(route, request, {
          cookie: `relay_admin=${mine.token}; relay_csrf=${other.csrfToken}`,
          'x-csrf-token': other.csrfToken,
        }),
        `${key} with another session's pair`,
      );
    }
  });

  it('refuses every admin route by cookie from another origin or site, even with the token', async () => {
    for (const { route, key, build } of admin) {
      const request = await build();
      const mine = await sessionFor(request);
      for (const origin of FOREIGN_ORIGINS) {
        await refused(await send(route, request, { ...mine.headers, origin }), `${key} from ${origin}`);
      }
      for (const site of ['cross-site', 'same-site']) {
        await refused(await send(route, request, { ...mine.headers, 'sec-fetch-site': site }), `${key} ${site}`);
      }
    }
  });

  it('accepts every admin route by cookie with the token in the header and the cookie, from the API’s own origin', async () => {
    for (const { route, key, build } of admin) {
      const request = await build();
      const mine = await sessionFor(request);
      const headers = { ...mine.headers, origin: server.url, 'sec-fetch-site': 'same-origin' };
      const response = await send(route, request, headers);
      expect(response.status, `${key}: ${await response.clone().text()}`).toBe(request.ok);
    }
  });

  it('needs none of this with the Bearer header, from any origin', async () => {
    for (const { route, key, build } of admin) {
      const request = await build();
      const token = request.endsSession ? (await cookieSignIn(server)).token : await server.adminToken();
      const headers = { origin: 'https://scripts.example', 'sec-fetch-site': 'cross-site' };
      const response = await send(route, request, headers, token);
      expect(response.status, `${key}: ${await response.clone().text()}`).toBe(request.ok);
    }
  });
});
