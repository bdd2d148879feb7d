/** mountRoutes: one declaration gives the OpenAPI entry, CORS by caller, the route's middleware and validated input. */
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadConfig } from '../config';
import type { AppEnv, Deps } from '../context';
import { ApiRegistry } from '../openapi/registry';
import { ProblemError, problemResponse } from '../problem';
import { defineRoute } from './define';
import { mountRoutes } from './mount';

const CHROME = 'chrome-extension://abcdef';
const DEV = 'http://localhost:5173';

const echo = defineRoute({
  method: 'post',
  path: '/things/{id}',
  summary: 'Echo',
  tag: 'test',
  auth: 'none',
  caller: 'extension',
  body: z.object({ count: z.number().int() }).strict(),
  query: z.object({ twice: z.enum(['yes', 'no']).default('no') }),
  responses: { 200: { description: 'The input' } },
  handler: (c, { params, body, query }) =>
    c.json({ id: params.id, count: body.count * (query.twice === 'yes' ? 2 : 1) }),
});

const guarded = defineRoute({
  method: 'put',
  path: '/guarded',
  summary: 'Refused by its own middleware before its body is read',
  tag: 'test',
  auth: 'none',
  caller: 'console',
  body: z.object({ ok: z.boolean() }),
  middleware: [
    async () => {
      throw new ProblemError(403, 'no', { type: 'forbidden' });
    },
  ],
  responses: { 403: { description: 'Always' } },
  handler: (c) => c.body(null, 204),
});

function appWith(config: Partial<Deps['config']> = {}): { app: Hono<AppEnv>; api: ApiRegistry } {
  const app = new Hono<AppEnv>();
  app.onError((error, c) => (error instanceof ProblemError ? problemResponse(c, error) : c.text('boom', 500)));
  const api = new ApiRegistry();
  mountRoutes(app, api, { config: { ...loadConfig({}), ...config } } as Deps, [echo, guarded]);
  return { app, api };
}

const post = (app: Hono<AppEnv>, path: string, body: string, type = 'application/json') =>
  app.request(path, { method: 'POST', body, headers: { 'content-type': type } });

describe('mountRoutes', () => {
  it('lists each route in the OpenAPI registry with its description only', () => {
    const { api } = appWith();
    expect(api.list().map((route) => `${route.method} ${route.path} ${route.auth}`)).toEqual([
      'post /things/{id} none',
      'put /guarded none',
    ]);
    expect(api.list()[0]).not.toHaveProperty('handler');
    expect(api.list()[0]).toHaveProperty('query');
    expect(Object.keys(api.document({ version: 't' }).paths as object)).toEqual(['/things/{id}', '/guarded']);
  });

  it('gives the handler its path parameters, body and query, validated', async () => {
    const { app } = appWith();
    const response = await post(app, '/things/a1?twice=yes', '{"count": 3}');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: 'a1', count: 6 });
  });

  it('answers 400 for a bad query, 415, 400 and 422 for bad bodies, as problem+json', async () => {
    const { app } = appWith();
    const cases: [Response, number, string][] = [
      [await post(app, '/things/a?twice=maybe', '{"count": 1}'), 400, 'malformed-query'],
      [await post(app, '/things/a', '{"count": 1}', 'text/plain'), 415, 'unsupported-media-type'],
      [await post(app, '/things/a', '{"count": '), 400, 'malformed-json'],
      [await post(app, '/things/a', '{"count": 1, "extra": true}'), 422, 'validation'],
    ];
    for (const [response, status, type] of cases) {
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(((await response.json()) as { type: string }).type).toMatch(new RegExp(`/${type}$`));
    }
  });

  it("runs a route's own middleware before its body is read", async () => {
    const { app } = appWith();
    const response = await app.request('/guarded', { method: 'PUT', body: 'not json' });
    expect(response.status).toBe(403);
  });

  it('answers CORS by caller: extension origins on extension routes, the console dev origin when set', async () => {
    const preflight = (app: Hono<AppEnv>, path: string, origin: string) =>
      app.request(path, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
    const { app } = appWith();
    expect((await preflight(app, '/things/x', CHROME)).headers.get('access-control-allow-origin')).toBe(CHROME);
    expect((await preflight(app, '/guarded', CHROME)).headers.get('access-control-allow-origin')).toBeNull();
    expect((await preflight(app, '/guarded', DEV)).headers.get('access-control-allow-origin')).toBeNull();
    const dev = appWith({ consoleDevOrigin: DEV }).app;
    const allowed = await preflight(dev, '/guarded', DEV);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(DEV);
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
    expect((await preflight(dev, '/things/x', DEV)).headers.get('access-control-allow-origin')).toBeNull();
  });
});
