import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendOverSocket, serveOnLoopback, type SocketApp } from '../../../tests/helpers/socket-app';
import { ProblemError, problemResponse } from '../../problem';
import { consoleCors, extensionCors } from './index';

const EXTENSION = 'chrome-extension://abcdefghijklmnop';
const DEV = 'http://localhost:5173';

/** The answers the /sync handler made, and what left the CORS middleware. */
const made: Response[] = [];
const sent: Response[] = [];

function app() {
  const hono = new Hono();
  hono.onError((error, c) => (error instanceof ProblemError ? problemResponse(c, error) : c.text('unexpected', 500)));
  hono.use('/v1/*', async (c, next) => {
    await next();
    sent.push(c.res);
  });
  hono.use('/v1/*', extensionCors());
  hono.use('/admin/*', consoleCors({ consoleDevOrigin: DEV })!);
  hono.get('/v1/sync', (c) => {
    const answer = c.json({ ok: true }, 200, { etag: '"1"' });
    made.push(answer);
    return answer;
  });
  hono.get('/v1/same', (c) => c.body(null, 304));
  hono.get('/v1/refused', () => {
    throw new ProblemError(401, 'No.', { type: 'unauthorized' });
  });
  hono.get('/admin/things', (c) => c.json([]));
  return hono;
}

describe('CORS middleware', () => {
  let served: SocketApp;
  const call = (method: string, path: string, headers: Record<string, string> = {}) =>
    sendOverSocket(served.port, method, path, { headers });

  beforeAll(async () => {
    served = await serveOnLoopback(app().fetch);
  });
  afterAll(() => served.close());

  it("gives an extension's answers, errors and 304s the allow-origin, exposed headers and Vary", async () => {
    for (const [path, status] of [
      ['/v1/sync', 200],
      ['/v1/same', 304],
      ['/v1/refused', 401],
    ] as const) {
      const answer = await call('GET', path, { origin: EXTENSION });
      expect(answer.status, path).toBe(status);
      expect(answer.headers['access-control-allow-origin'], path).toBe(EXTENSION);
      expect(answer.headers['access-control-expose-headers'], path).toBe('ETag,Retry-After');
      expect(answer.headers.vary, path).toBe('Origin');
      expect(answer.headers['access-control-allow-credentials'], path).toBeUndefined();
    }
  });

  it('allows no other origin, and still says the answer varies by origin', async () => {
    const answer = await call('GET', '/v1/sync', { origin: 'https://evil.example' });
    expect(answer.status).toBe(200);
    expect(answer.headers['access-control-allow-origin']).toBeUndefined();
    expect(answer.headers.vary).toBe('Origin');
  });

  it("answers preflights (Hono's middleware), and the console's dev origin with credentials", async () => {
    const preflight = await call('OPTIONS', '/v1/sync', {
      origin: EXTENSION,
      'access-control-request-method': 'GET',
      'access-control-request-headers': 'authorization',
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(EXTENSION);
    expect(preflight.headers['access-control-allow-methods']).toContain('PATCH');
    expect(preflight.headers['access-control-max-age']).toBe('600');
    const admin = await call('GET', '/admin/things', { origin: DEV });
    expect(admin.headers['access-control-allow-origin']).toBe(DEV);
    expect(admin.headers['access-control-allow-credentials']).toBe('true');
  });

  it("leaves the handler's answer as it was made, not copied into a new one around its body stream", async () => {
    made.length = 0;
    sent.length = 0;
    const answer = await call('GET', '/v1/sync', { origin: EXTENSION });
    expect(JSON.parse(answer.text)).toEqual({ ok: true });
    expect(answer.headers.etag).toBe('"1"');
    expect(made).toHaveLength(1);
    expect(sent.at(-1)).toBe(made[0]);
  });
});
