/**
 * RELAY_MIN_CLIENT_VERSION: every advocate route (from the OpenAPI registry) answers an extension
 * older than the minimum, or one that names no version, 426 `…/client-too-old`, the stream before
 * its upgrade; admin routes, /r/ links, health and signing out never do; a recent extension is
 * served. Two instances share one database: A (no minimum) prepares each case, B (minimum 2.0)
 * answers it. CORS preflights allow the Relay-Client header.
 */
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config';
import type { RouteDoc } from '../../server/openapi/registry';
import { expectProblem } from '../helpers/api';
import {
  bearerFor,
  caseContext,
  consoleFixture,
  routeCases,
  type CaseContext,
  type CaseRequest,
} from '../helpers/route-cases';
import { startTestServer, type TestServer } from '../helpers/server';

const MINIMUM = '2.0';
const CHROME = 'chrome-extension://abcdef';
/** Never refused, whatever the client: signing out must always work. */
const NEVER_REFUSED = new Set(['DELETE /v1/me/token']);
/** The extension's routes: each answers 426 below the minimum. */
const CLIENT_VERSION_PATHS = [
  '/v1/enroll',
  '/v1/sso/exchange',
  '/v1/sync',
  '/v1/shares',
  '/v1/integration-health',
  '/v1/me',
  '/v1/leaderboard',
  '/v1/stream',
];

function isGuarded(route: RouteDoc): boolean {
  return CLIENT_VERSION_PATHS.includes(route.path) && !NEVER_REFUSED.has(`${route.method.toUpperCase()} ${route.path}`);
}

/** Opens the stream on `server` with the version in the query; resolves to the status it answered (101: opened). */
function openStream(server: TestServer, token: string, query: string, headers: Record<string, string> = {}) {
  const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/v1/stream${query}`, ['relay.v1', token], { headers });
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    ws.once('open', () => {
      ws.close();
      resolve({ status: 101, body: '' });
    });
    ws.once('unexpected-response', (_request, response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    ws.once('error', reject);
  });
}

describe('RELAY_MIN_CLIENT_VERSION', () => {
  it('is unset by default, takes a version, and refuses anything else naming the variable', () => {
    expect(loadConfig({}).minClientVersion).toBeUndefined();
    expect(loadConfig({ RELAY_MIN_CLIENT_VERSION: '' }).minClientVersion).toBeUndefined();
    expect(loadConfig({ RELAY_MIN_CLIENT_VERSION: '1.10.2' }).minClientVersion).toBe('1.10.2');
    for (const bad of ['latest', '1.2.3.4.5', 'v1', '1.x', '-1']) {
      expect(() => loadConfig({ RELAY_MIN_CLIENT_VERSION: bad }), bad).toThrow(ConfigError);
      expect(() => loadConfig({ RELAY_MIN_CLIENT_VERSION: bad }), bad).toThrow(/RELAY_MIN_CLIENT_VERSION/);
    }
  });
});

describe('a server that needs a newer extension', () => {
  let a: TestServer;
  let b: TestServer;
  let ctx: CaseContext;
  let cases: Awaited<ReturnType<typeof routeCases>>;

  beforeAll(async () => {
    const consoleDir = consoleFixture();
    a = await startTestServer({ consoleDir });
    b = await startTestServer({ consoleDir, databaseUrl: a.database_.url, minClientVersion: MINIMUM });
    ctx = caseContext(a);
    cases = await routeCases(a, ctx);
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
  });

  async function send(route: RouteDoc, request: CaseRequest, version: string | null): Promise<Response> {
    const token = await bearerFor(route, request, ctx);
    const headers: Record<string, string> = {};
    if (version !== null) headers['relay-client'] = version;
    if (request.json !== undefined) headers['content-type'] = 'application/json';
    if (request.upload) headers['content-type'] = request.upload.type;
    return b.call(`${request.path}${request.query ? `?${request.query}` : ''}`, {
      method: route.method.toUpperCase(),
      headers,
      body: request.json !== undefined ? JSON.stringify(request.json) : request.upload?.body,
      token,
    });
  }

  it('answers 426 on every advocate route to an older extension or one naming no version, and serves a recent one', async () => {
    const guarded = cases.filter(({ route }) => isGuarded(route) && route.path !== '/v1/stream');
    expect(guarded.map(({ key }) => key).sort()).toEqual(
      [
        'GET /v1/leaderboard',
        'GET /v1/me',
        'GET /v1/sync',
        'PATCH /v1/me',
        'POST /v1/enroll',
        'POST /v1/shares',
        'POST /v1/integration-health',
        'POST /v1/sso/exchange',
      ].sort(),
    );
    for (const { route, key, build } of guarded) {
      const request = await build();
      for (const old of ['1.9.9', '0.1.0', null, 'not-a-version']) {
        const problem = await expectProblem(await send(route, request, old), 426, 'client-too-old');
        expect(problem.detail, `${key} ${old}`).toContain(`Relay ${MINIMUM} or later`);
      }
      for (const recent of ['2.0', '2.0.1', '10.0']) {
        const response = await send(route, await build(), recent);
        expect(response.status, `${key} ${recent}: ${await response.clone().text()}`).toBe(request.ok);
      }
    }
  });

  it('never refuses admin routes, /r/ links, health, the console or signing out, whatever the client', async () => {
    const open = cases.filter(({ route }) => !isGuarded(route));
    expect(open.map(({ key }) => key)).toEqual(
      expect.arrayContaining(['GET /r/{code}', 'POST /v1/admin/content', 'GET /healthz', 'DELETE /v1/me/token']),
    );
    for (const { route, key, build } of open) {
      const request = await build();
      const response = await send(route, request, '0.0.1');
      expect(response.status, `${key}: ${await response.clone().text()}`).toBe(request.ok);
    }
  });

  it('refuses the stream before the upgrade to an older extension, by query parameter or header', async () => {
    const token = await ctx.advocate();
    for (const query of ['', '?relay-client=1.9', '?relay-client=garbage']) {
      const refused = await openStream(b, token, query);
      expect(refused.status, query).toBe(426);
      expect(JSON.parse(refused.body)).toMatchObject({ status: 426, type: expect.stringMatching(/client-too-old$/) });
    }
    expect((await openStream(b, token, '', { 'relay-client': '1.0' })).status).toBe(426);
    expect((await openStream(b, token, '?relay-client=2.0')).status).toBe(101);
    expect((await openStream(b, token, '', { 'relay-client': '2.1' })).status).toBe(101);
    // Without a minimum, any extension connects.
    expect((await openStream(a, token, '')).status).toBe(101);
  });

  it('keeps allow-origin on the 426, so the extension can read it', async () => {
    const token = await ctx.advocate();
    const response = await b.call('/v1/sync', { token, headers: { origin: CHROME, 'relay-client': '1.0' } });
    expect(response.headers.get('access-control-allow-origin')).toBe(CHROME);
    await expectProblem(response, 426, 'client-too-old');
  });

  it('documents the 426 in /openapi.json on the advocate routes only', async () => {
    const document = (await (await b.call('/openapi.json')).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, { description: string }> }>>;
    };
    expect(document.paths['/v1/sync']!.get!.responses['426']!.description).toMatch(/RELAY_MIN_CLIENT_VERSION/);
    expect(document.paths['/v1/stream']!.get!.responses['426']!.description).toMatch(
      /WebSocket.*RELAY_MIN_CLIENT_VERSION/,
    );
    // Routes sharing a path (GET and PATCH /v1/me) each say it once.
    for (const method of ['get', 'patch']) {
      const said = document.paths['/v1/me']![method]!.responses['426']!.description;
      expect(said.match(/RELAY_MIN_CLIENT_VERSION/g)).toHaveLength(1);
    }
    expect(document.paths['/v1/me/token']!.delete!.responses['426']).toBeUndefined();
    expect(document.paths['/r/{code}']!.get!.responses['426']).toBeUndefined();
  });
});

describe('CORS and Relay-Client', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.stop());

  it('allows the Relay-Client header in every advocate endpoint’s preflight', async () => {
    for (const [path, method] of [
      ['/v1/sync', 'GET'],
      ['/v1/enroll', 'POST'],
      ['/v1/shares', 'POST'],
      ['/v1/me', 'PATCH'],
      ['/v1/me/token', 'DELETE'],
      ['/v1/leaderboard', 'GET'],
    ] as const) {
      const response = await server.call(path, {
        method: 'OPTIONS',
        headers: {
          origin: CHROME,
          'access-control-request-method': method,
          'access-control-request-headers': 'authorization, content-type, relay-client',
        },
      });
      expect(response.status, path).toBe(204);
      expect(response.headers.get('access-control-allow-origin'), path).toBe(CHROME);
      expect(response.headers.get('access-control-allow-headers')?.toLowerCase(), path).toContain('relay-client');
    }
  });
});
