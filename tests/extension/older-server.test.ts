/**
 * Today's extension against a server from before `Relay-Client`: the browser's CORS preflight
 * fails on the header that server does not allow, and the client must still get through. The
 * browser's rule is played faithfully: before each request with non-simple headers, a real
 * OPTIONS preflight goes to the real server, and a header missing from its
 * Access-Control-Allow-Headers fails the request as browsers do (TypeError, no request sent).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, type Fetch } from '../../entrypoints/background/api-client';
import { startTestServer, type TestServer } from '../helpers/server';
import { EXTENSION_VERSION, publish } from './helpers';

const ORIGIN = 'chrome-extension://relayolderservertest';
const SIMPLE = new Set(['accept', 'accept-language', 'content-language']);

/**
 * A fetch that enforces CORS as Chromium does for the extension's origin. `allowed` rewrites the
 * server's Access-Control-Allow-Headers: an older server's list, before Relay-Client.
 */
function browserFetch(allowed: (fromServer: string[]) => string[]) {
  const sent: { path: string; headers: string[] }[] = [];
  const impl: Fetch = async (input, init) => {
    const url = new URL(String(input));
    const headers = new Headers(init?.headers);
    const names = [...headers.keys()].filter((name) => !SIMPLE.has(name));
    const preflight = await fetch(url, {
      method: 'OPTIONS',
      headers: {
        origin: ORIGIN,
        'access-control-request-method': init?.method ?? 'GET',
        'access-control-request-headers': names.join(','),
      },
    });
    const allow = allowed(
      (preflight.headers.get('access-control-allow-headers') ?? '').split(',').map((name) => name.trim().toLowerCase()),
    );
    if (preflight.headers.get('access-control-allow-origin') !== ORIGIN || names.some((name) => !allow.includes(name)))
      throw new TypeError('Failed to fetch');
    headers.set('origin', ORIGIN);
    sent.push({ path: url.pathname, headers: [...headers.keys()] });
    return fetch(url, { ...init, headers });
  };
  return { impl, sent };
}

describe('today’s extension against a server older than Relay-Client', () => {
  let server: TestServer;
  let token: string;

  beforeAll(async () => {
    server = await startTestServer();
    await publish(server, 'Older server news');
    token = (await server.enroll('Olly Older')).token;
  });
  afterAll(() => server.stop());

  it('a current server allows the header in its preflight, and every request carries it', async () => {
    const browser = browserFetch((fromServer) => fromServer);
    const client = new ApiClient(server.url, token, { fetch: browser.impl, clientVersion: EXTENSION_VERSION });
    expect((await client.sync(undefined, undefined)).status).toBe(200);
    expect(browser.sent.map((request) => request.headers.includes('relay-client'))).toEqual([true]);
  });

  it('an older server’s preflight refuses it: sent again without, then left out for that server', async () => {
    const browser = browserFetch((fromServer) => fromServer.filter((name) => name !== 'relay-client'));
    const client = new ApiClient(server.url, token, { fetch: browser.impl, clientVersion: EXTENSION_VERSION });
    const first = await client.sync(undefined, undefined);
    expect(first.status).toBe(200);
    expect((first.body as { content: unknown[] }).content).toHaveLength(1);
    const again = await client.sync(undefined, undefined);
    expect(again.status).toBe(200);
    // Only requests that passed their preflight are recorded: two, neither with the header.
    expect(browser.sent.map((request) => request.headers.includes('relay-client'))).toEqual([false, false]);
  });

  it('a server that is really down still reads as offline', async () => {
    const browser = browserFetch((fromServer) => fromServer);
    const client = new ApiClient('http://127.0.0.1:9', token, {
      fetch: browser.impl,
      clientVersion: EXTENSION_VERSION,
    });
    await expect(client.sync(undefined, undefined)).rejects.toMatchObject({ kind: 'offline' });
    expect(browser.sent).toEqual([]);
  });
});
