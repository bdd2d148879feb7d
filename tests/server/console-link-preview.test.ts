/**
 * POST /v1/admin/link-preview: refused addresses through the real route, and the fetch path
 * (redirects, limits, timeouts, pinning) against a local HTTP server, reachable only because the
 * tests build the previewer with its explicit test option allowing loopback.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROBLEM_BASE, ProblemError } from '../../server/problem';
import { LinkPreviewer, type ResolvedAddress } from '../../server/services/link-preview/fetch';
import { expectProblem, expectValidation } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/server';

const OG_PAGE = `<!doctype html><html><head>
  <meta property="og:title" content="Local launch">
  <meta property="og:description" content="Served by the test.">
  <meta property="og:image" content="/cover.png">
  <meta property="og:site_name" content="Test Site">
</head><body>Hello</body></html>`;

interface PageServer {
  server: Server;
  port: number;
  base: string;
  /** Requests seen, with their Host header. */
  seen: { path: string; host: string | undefined }[];
  /** Bytes the big page managed to write before the client went away. */
  bigWritten: { bytes: number };
}

async function startPages(): Promise<PageServer> {
  const seen: PageServer['seen'] = [];
  const bigWritten = { bytes: 0 };
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? '/';
    seen.push({ path, host: req.headers.host });
    const html = (body: string | Buffer, headers: Record<string, string> = {}) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers });
      res.end(body);
    };
    switch (path) {
      case '/page':
        return html(OG_PAGE);
      case '/redirect':
        res.writeHead(302, { location: '/page' });
        return res.end();
      case '/redirect-chain-3':
        res.writeHead(301, { location: '/redirect-chain-2' });
        return res.end();
      case '/redirect-chain-2':
        res.writeHead(307, { location: '/redirect-chain-1' });
        return res.end();
      case '/redirect-chain-1':
        res.writeHead(308, { location: '/page' });
        return res.end();
      case '/loop':
        res.writeHead(302, { location: '/loop' });
        return res.end();
      case '/to-private':
        res.writeHead(302, { location: 'http://10.0.0.1/admin' });
        return res.end();
      case '/to-metadata':
        res.writeHead(301, { location: 'http://169.254.169.254/latest/meta-data/' });
        return res.end();
      case '/to-file':
        res.writeHead(302, { location: 'file:///etc/passwd' });
        return res.end();
      case '/gzip':
        return html(gzipSync(Buffer.from(OG_PAGE)), { 'content-encoding': 'gzip' });
      case '/latin1':
        res.writeHead(200, { 'content-type': 'text/html; charset=iso-8859-1' });
        return res.end(Buffer.from('<title>Caf\xe9 cr\xe8me</title>', 'latin1'));
      case '/json':
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end('{"title":"no"}');
      case '/missing':
        res.writeHead(404, { 'content-type': 'text/html' });
        return res.end('<title>Not found</title>');
      case '/slow-headers':
        return; // never answers
      case '/big': {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.write('<head><meta property="og:title" content="Big page">');
        const filler = Buffer.alloc(64 * 1024, 'x');
        let sent = 0;
        const pump = () => {
          while (sent < 4 * 1024 * 1024) {
            sent += filler.length;
            bigWritten.bytes = sent;
            if (!res.write(filler)) return void res.once('drain', pump);
          }
          res.end('<meta property="og:description" content="past the limit">');
        };
        res.on('error', () => undefined);
        return pump();
      }
      default:
        res.writeHead(404);
        return res.end();
    }
  };
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { server, port, base: `http://127.0.0.1:${port}`, seen, bigWritten };
}

async function problemOf(promise: Promise<unknown>): Promise<ProblemError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ProblemError);
  return error as ProblemError;
}

describe('POST /v1/admin/link-preview refuses non-public addresses', () => {
  let server: TestServer;
  let token: string;
  beforeAll(async () => {
    server = await startTestServer();
    token = await server.adminToken();
  });
  afterAll(async () => {
    await server?.stop();
  });

  const preview = (url: unknown) => server.call('/v1/admin/link-preview', { method: 'POST', json: { url }, token });

  it.each([
    'http://127.0.0.1/',
    'http://127.0.0.1:8787/v1/admin/content',
    'http://localhost/',
    'http://localhost:5432/',
    'https://localhost./',
    'http://admin.localhost/',
    'http://10.0.0.1/',
    'http://192.168.1.1/',
    'http://172.16.5.4/',
    'http://[::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[fd00::1]/',
    'http://[fe80::1]/',
    'http://169.254.169.254/latest/meta-data/',
    'http://100.64.0.1/',
    'http://0.0.0.0/',
    'http://224.0.0.1/',
    'http://2130706433/',
    'http://0x7f.1/',
  ])('%s → 422', async (url) => {
    const body = await expectProblem(await preview(url), 422, 'link-preview-refused');
    expect(body.detail).toMatch(/^Relay only fetches public addresses/);
  });

  it('says what a resolved name pointed at', async () => {
    const body = await expectProblem(await preview('http://localhost:1/'), 422, 'link-preview-refused');
    expect(body.detail).toMatch(/localhost (resolves to (127\.0\.0\.1|::1), a loopback address|is this machine)/);
  });

  it('validates the body: an http(s) url is required', async () => {
    await expectValidation(await preview('ftp://example.com/file'), 'url');
    await expectValidation(await preview('not a url'), 'url');
    await expectValidation(await server.call('/v1/admin/link-preview', { method: 'POST', json: {}, token }), 'url');
    await expectValidation(
      await server.call('/v1/admin/link-preview', {
        method: 'POST',
        json: { url: 'https://example.com', extra: 1 },
        token,
      }),
      'extra',
    );
    await expectProblem(
      await server.call('/v1/admin/link-preview', {
        method: 'POST',
        body: '{',
        headers: { 'content-type': 'application/json' },
        token,
      }),
      400,
    );
  });

  it('is for admins only', async () => {
    await expectProblem(
      await server.call('/v1/admin/link-preview', { method: 'POST', json: { url: 'https://example.com' } }),
      401,
    );
    const advocate = await server.enroll('Preview Pete');
    await expectProblem(
      await server.call('/v1/admin/link-preview', {
        method: 'POST',
        json: { url: 'https://example.com' },
        token: advocate.token,
      }),
      403,
    );
  });
});

describe('POST /v1/admin/link-preview through a previewer allowed to reach loopback (test option)', () => {
  let server: TestServer;
  let pages: PageServer;
  let token: string;
  beforeAll(async () => {
    pages = await startPages();
    server = await startTestServer(
      {},
      {
        beforeListen: async (deps) => {
          deps.linkPreview = new LinkPreviewer({ allowLoopbackForTests: true, timeoutMs: 1_000 });
        },
      },
    );
    token = await server.adminToken();
  });
  afterAll(async () => {
    await server?.stop();
    await new Promise((resolve) => pages?.server.close(resolve));
  });

  const preview = (url: string) => server.call('/v1/admin/link-preview', { method: 'POST', json: { url }, token });

  it('answers the page preview', async () => {
    const response = await preview(`${pages.base}/page`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({
      title: 'Local launch',
      description: 'Served by the test.',
      imageUrl: `${pages.base}/cover.png`,
      siteName: 'Test Site',
      url: `${pages.base}/page`,
    });
  });

  it('answers 502 for an error page, a timeout and a closed port; 422 for a private redirect target', async () => {
    const missing = await expectProblem(await preview(`${pages.base}/missing`), 502, 'link-preview-failed');
    expect(missing.detail).toMatch(/404/);
    const slow = await expectProblem(await preview(`${pages.base}/slow-headers`), 502, 'link-preview-failed');
    expect(slow.detail).toMatch(/did not answer within 1 s/);
    await expectProblem(await preview('http://127.0.0.1:1/'), 502, 'link-preview-failed');
    await expectProblem(await preview(`${pages.base}/to-private`), 422, 'link-preview-refused');
    // Loopback is the only exception the test option makes.
    await expectProblem(await preview('http://10.0.0.1/'), 422, 'link-preview-refused');
  });
});

describe('LinkPreviewer fetch path', () => {
  let pages: PageServer;
  beforeAll(async () => {
    pages = await startPages();
  });
  afterAll(async () => {
    await new Promise((resolve) => pages?.server.close(resolve));
  });

  const local = (options: ConstructorParameters<typeof LinkPreviewer>[0] = {}) =>
    new LinkPreviewer({ allowLoopbackForTests: true, timeoutMs: 2_000, ...options });

  it('refuses loopback without the test option', async () => {
    const problem = await problemOf(new LinkPreviewer().preview(`${pages.base}/page`));
    expect(problem.status).toBe(422);
    expect(problem.type).toBe(`${PROBLEM_BASE}link-preview-refused`);
  });

  it('connects to the checked address (pinned), resolving each hostname once, with the name as Host', async () => {
    const calls: string[] = [];
    // A rebinding resolver: the first answer passes the check, later ones point elsewhere.
    const resolve = async (hostname: string): Promise<ResolvedAddress[]> => {
      calls.push(hostname);
      return calls.length === 1 ? [{ address: '127.0.0.1', family: 4 }] : [{ address: '10.0.0.1', family: 4 }];
    };
    const before = pages.seen.length;
    const preview = await local({ resolve }).preview(`http://news.test:${pages.port}/page`);
    expect(preview.title).toBe('Local launch');
    expect(preview.url).toBe(`http://news.test:${pages.port}/page`);
    expect(calls).toEqual(['news.test']);
    expect(pages.seen.slice(before)).toEqual([{ path: '/page', host: `news.test:${pages.port}` }]);
  });

  it('checks every address a name resolves to', async () => {
    const mixed = async (): Promise<ResolvedAddress[]> => [
      { address: '127.0.0.1', family: 4 },
      { address: '192.168.0.10', family: 4 },
    ];
    const problem = await problemOf(local({ resolve: mixed }).preview(`http://mixed.test:${pages.port}/page`));
    expect(problem.status).toBe(422);
    expect(problem.message).toMatch(/mixed\.test resolves to 192\.168\.0\.10, a private network address/);

    const metadata = async (): Promise<ResolvedAddress[]> => [{ address: '169.254.169.254', family: 4 }];
    expect((await problemOf(new LinkPreviewer({ resolve: metadata }).preview('http://cloud.test/'))).status).toBe(422);
    const mapped = async (): Promise<ResolvedAddress[]> => [{ address: '::ffff:10.1.2.3', family: 6 }];
    expect((await problemOf(new LinkPreviewer({ resolve: mapped }).preview('http://mapped.test/'))).status).toBe(422);
  });

  it('answers 502 when a name does not resolve', async () => {
    const failing = async (): Promise<ResolvedAddress[]> => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
    };
    const problem = await problemOf(new LinkPreviewer({ resolve: failing }).preview('http://nowhere.test/'));
    expect(problem.status).toBe(502);
    // In words, never the code.
    expect(problem.message).toBe('nowhere.test: we couldn’t find that site: check the address.');
  });

  it('follows up to 3 redirects, checking each hop', async () => {
    expect((await local().preview(`${pages.base}/redirect`)).url).toBe(`${pages.base}/page`);
    expect((await local().preview(`${pages.base}/redirect-chain-3`)).title).toBe('Local launch');
    const loop = await problemOf(local().preview(`${pages.base}/loop`));
    expect(loop.status).toBe(502);
    expect(loop.message).toMatch(/more than 3/);
    for (const path of ['/to-private', '/to-metadata', '/to-file']) {
      const problem = await problemOf(local().preview(`${pages.base}${path}`));
      expect(problem.status, path).toBe(422);
      expect(problem.type, path).toBe(`${PROBLEM_BASE}link-preview-refused`);
    }
    expect(pages.seen.some((seen) => seen.path === '/admin' || seen.path.startsWith('/latest'))).toBe(false);
  });

  it('reads only HTML, decompressed, in its charset', async () => {
    expect((await local().preview(`${pages.base}/gzip`)).title).toBe('Local launch');
    expect((await local().preview(`${pages.base}/latin1`)).title).toBe('Café crème');
    const json = await problemOf(local().preview(`${pages.base}/json`));
    expect(json.status).toBe(422);
    expect(json.type).toBe(`${PROBLEM_BASE}link-preview-not-html`);
  });

  it('reads at most maxBytes of a page and closes the connection', async () => {
    const preview = await local({ maxBytes: 512 * 1024 }).preview(`${pages.base}/big`);
    expect(preview.title).toBe('Big page');
    expect(preview.description).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(pages.bigWritten.bytes).toBeLessThan(4 * 1024 * 1024);
  });

  it('gives up after timeoutMs', async () => {
    const started = Date.now();
    const problem = await problemOf(local({ timeoutMs: 300 }).preview(`${pages.base}/slow-headers`));
    expect(problem.status).toBe(502);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
