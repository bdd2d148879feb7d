/**
 * GET /admin and /admin/*: the built console from its dist folder (index.html for client-side
 * routes, long-cached hashed assets), strict security headers on every answer, and a 503 that
 * says how to build it when it is missing.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_CSP } from '../../server/routes/console';
import { expectProblem } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/server';

const INDEX = `<!doctype html><html><head><script type="module" src="/admin/assets/index-3f9a1c.js"></script>
<link rel="stylesheet" href="/admin/assets/index-77bd20.css"></head><body><div id="app"></div></body></html>`;
const SCRIPT = 'console.log("relay console");';

const EXPECTED_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; connect-src 'self'; " +
  "frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";

function expectSecurityHeaders(response: Response): void {
  expect(response.headers.get('content-security-policy')).toBe(EXPECTED_CSP);
  expect(response.headers.get('x-frame-options')).toBe('DENY');
  expect(response.headers.get('referrer-policy')).toBe('same-origin');
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
}

describe('the built console at /admin', () => {
  let server: TestServer;
  let dist: string;
  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'relay-console-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), INDEX);
    writeFileSync(join(dist, 'assets', 'index-3f9a1c.js'), SCRIPT);
    writeFileSync(join(dist, 'assets', 'index-77bd20.css'), 'body{margin:0}');
    writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(tmpdir(), 'relay-console-secret.txt'), 'not for you');
    server = await startTestServer({ consoleDir: dist });
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dist, { recursive: true, force: true });
    rmSync(join(tmpdir(), 'relay-console-secret.txt'), { force: true });
  });

  it('uses exactly the policy the console is built for', () => {
    expect(CONSOLE_CSP).toBe(EXPECTED_CSP);
  });

  it.each([
    '/admin',
    '/admin/',
    '/admin/index.html',
    '/admin/content',
    '/admin/content/abc123/edit',
    '/admin/analytics?from=2026-01-01',
  ])('GET %s answers index.html, not cached, with the security headers', async (path) => {
    const response = await server.call(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expectSecurityHeaders(response);
    expect(await response.text()).toBe(INDEX);
  });

  it('serves hashed assets with their type and a year-long immutable cache', async () => {
    const script = await server.call('/admin/assets/index-3f9a1c.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expectSecurityHeaders(script);
    expect(await script.text()).toBe(SCRIPT);
    const style = await server.call('/admin/assets/index-77bd20.css');
    expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const icon = await server.call('/admin/favicon.svg');
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
    expect(icon.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers 304 to a matching If-None-Match, and HEAD without a body', async () => {
    const first = await server.call('/admin/assets/index-3f9a1c.js');
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await server.call('/admin/assets/index-3f9a1c.js', { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
    const head = await server.call('/admin/content', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('answers 404 for a missing file instead of the page (no HTML served as a script)', async () => {
    for (const path of ['/admin/assets/index-000000.js', '/admin/robots.txt', '/admin/assets/']) {
      const response = await server.call(path);
      if (path.endsWith('/')) {
        // A folder is a client-side route like any other path without an extension.
        expect(response.status).toBe(200);
        continue;
      }
      await expectProblem(response, 404, 'not-found');
      expectSecurityHeaders(response);
    }
  });

  it('never leaves the dist folder', async () => {
    for (const path of [
      '/admin/..%2Frelay-console-secret.txt',
      '/admin/%2e%2e/relay-console-secret.txt',
      '/admin/assets/..%2F..%2Frelay-console-secret.txt',
      '/admin/..%5Crelay-console-secret.txt',
      '/admin/%00.js',
    ]) {
      const response = await server.call(path);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).not.toContain('not for you');
    }
  });

  it('serves only GET and HEAD', async () => {
    await expectProblem(await server.call('/admin', { method: 'POST', body: 'x' }), 404);
  });

  it('keeps API answers free of the console headers', async () => {
    const response = await server.call('/healthz');
    expect(response.headers.get('content-security-policy')).toBeNull();
  });
});

describe('the console before it is built', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ consoleDir: join(tmpdir(), 'relay-console-not-built-here') });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('answers 503 saying to run npm run build:admin, with the security headers', async () => {
    for (const path of ['/admin', '/admin/', '/admin/content', '/admin/assets/index.js']) {
      const response = await server.call(path);
      expectSecurityHeaders(response);
      const problem = await expectProblem(response, 503, 'console-not-built');
      expect(problem.detail).toContain('npm run build:admin');
    }
  });

  it('still runs the API', async () => {
    expect((await server.call('/healthz')).status).toBe(200);
  });
});
