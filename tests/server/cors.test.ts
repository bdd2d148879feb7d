/**
 * CORS: advocate endpoints answer browser-extension origins (so the extension needs no host
 * permission); other origins get no allow-origin, and admin endpoints never answer extensions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/server';

const CHROME = 'chrome-extension://abcdef';
const FIREFOX = 'moz-extension://4b0c2a8e-1d3f-4c55-9a1e-0123456789ab';

function preflight(server: TestServer, path: string, origin: string, method = 'GET'): Promise<Response> {
  return server.call(path, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': method,
      'access-control-request-headers': 'authorization, content-type',
    },
  });
}

describe('CORS', () => {
  let server: TestServer;
  let advocate: string;
  let admin: string;

  beforeAll(async () => {
    server = await startTestServer();
    advocate = (await server.enroll('Cors Cora')).token;
    admin = await server.adminToken();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('answers an extension preflight on /v1/sync, echoing the origin and allowing the Authorization header', async () => {
    for (const origin of [CHROME, FIREFOX]) {
      const response = await preflight(server, '/v1/sync', origin);
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe(origin);
      expect(response.headers.get('access-control-allow-methods')).toContain('GET');
      expect(response.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
      expect(response.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('if-none-match');
    }
  });

  it('answers an extension preflight on /v1/enroll', async () => {
    const response = await preflight(server, '/v1/enroll', CHROME, 'POST');
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(CHROME);
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it('adds allow-origin and exposes ETag on the actual sync response', async () => {
    const response = await server.call('/v1/sync', { token: advocate, headers: { origin: CHROME } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(CHROME);
    expect(response.headers.get('access-control-expose-headers')?.toLowerCase()).toContain('etag');
    expect(response.headers.get('vary')?.toLowerCase()).toContain('origin');
  });

  it('keeps allow-origin on error answers, so the extension can read them', async () => {
    const response = await server.call('/v1/sync', { token: 'rlv_bad', headers: { origin: CHROME } });
    expect(response.headers.get('access-control-allow-origin')).toBe(CHROME);
    await expectProblem(response, 401);
  });

  it('gives a web origin no allow-origin on advocate endpoints', async () => {
    for (const origin of ['https://evil.example.com', 'http://localhost:3000', 'chrome-extension://bad/path', 'null']) {
      const pre = await preflight(server, '/v1/sync', origin);
      expect(pre.headers.get('access-control-allow-origin'), origin).toBeNull();
      const actual = await server.call('/v1/sync', { token: advocate, headers: { origin } });
      expect(actual.headers.get('access-control-allow-origin'), origin).toBeNull();
    }
  });

  it('never sends allow-origin for extension origins on admin endpoints', async () => {
    for (const path of [
      '/v1/admin/session',
      '/v1/admin/content',
      '/v1/admin/invites',
      '/v1/admin/guidelines',
      '/v1/admin/scoring',
    ]) {
      const pre = await preflight(server, path, CHROME, 'POST');
      expect(pre.headers.get('access-control-allow-origin'), path).toBeNull();
      expect(pre.headers.get('access-control-allow-credentials'), path).toBeNull();
      const actual = await server.call(path, { token: admin, headers: { origin: CHROME } });
      expect(actual.headers.get('access-control-allow-origin'), path).toBeNull();
    }
    const signIn = await server.call('/v1/admin/session', {
      method: 'POST',
      json: { email: 'a@b.c', password: 'x' },
      headers: { origin: CHROME },
    });
    expect(signIn.headers.get('access-control-allow-origin')).toBeNull();
  });
});
