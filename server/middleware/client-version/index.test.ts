import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { ApiRegistry } from '../../openapi/registry';
import { ProblemError, problemResponse } from '../../problem';
import { clientTooOld, clientVersion, compareVersions, documentClientVersion, parseVersion } from './index';

function app(minimum?: string) {
  const hono = new Hono();
  hono.onError((error, c) => (error instanceof ProblemError ? problemResponse(c, error) : c.text('unexpected', 500)));
  hono.use('/guarded', clientVersion({ minimum }));
  hono.get('/guarded', (c) => c.text('served'));
  hono.get('/open', (c) => c.text('served'));
  return hono;
}

function get(hono: Hono, path: string, version?: string) {
  return hono.request(path, { headers: version === undefined ? {} : { 'relay-client': version } });
}

describe('client versions', () => {
  it('reads 1 to 4 whole numbers and nothing else', () => {
    expect(parseVersion('1.10.2')).toEqual([1, 10, 2]);
    expect(parseVersion(' 3 ')).toEqual([3]);
    expect(parseVersion('1.2.3.4')).toEqual([1, 2, 3, 4]);
    for (const bad of ['', '1.2.3.4.5', '1.x', 'v1.2', '1..2', '1.2-beta', '-1', undefined, null]) {
      expect(parseVersion(bad), String(bad)).toBeNull();
    }
  });

  it('compares numerically, part by part, missing parts counting 0', () => {
    expect(compareVersions([1, 10], [1, 9])).toBeGreaterThan(0);
    expect(compareVersions([1, 9, 9], [1, 10])).toBeLessThan(0);
    expect(compareVersions([1, 2], [1, 2, 0])).toBe(0);
    expect(compareVersions([2], [1, 99, 99])).toBeGreaterThan(0);
  });

  it('refuses only what is older than the minimum, or names no readable version', () => {
    expect(clientTooOld(undefined, undefined)).toBeNull();
    expect(clientTooOld(undefined, 'garbage')).toBeNull();
    expect(clientTooOld('1.10', '1.10.0')).toBeNull();
    expect(clientTooOld('1.10', '1.11')).toBeNull();
    expect(clientTooOld('1.10', '2.0')).toBeNull();
    for (const sent of ['1.9', '1.9.99', '0.1.0', undefined, '', 'latest']) {
      const refused = clientTooOld('1.10', sent);
      expect(refused?.status, String(sent)).toBe(426);
      expect(refused?.type).toMatch(/\/client-too-old$/);
      expect(refused?.message).toContain('1.10 or later');
    }
  });
});

describe('clientVersion middleware', () => {
  it('lets everything through without a minimum', async () => {
    expect((await get(app(), '/guarded')).status).toBe(200);
    expect((await get(app(), '/guarded', '0.0.1')).status).toBe(200);
  });

  it('answers an older client 426 problem+json naming the minimum, and serves a recent one', async () => {
    const hono = app('1.10');
    const old = await get(hono, '/guarded', '1.9');
    expect(old.status).toBe(426);
    expect(old.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await old.json()) as { type: string; title: string; status: number; detail: string };
    expect(problem).toMatchObject({ status: 426, title: 'Upgrade Required' });
    expect(problem.type).toBe('https://relay.invalid/problems/client-too-old');
    expect(problem.detail).toMatch(/\(1\.9\).*Relay 1\.10 or later/);
    expect((await get(hono, '/guarded')).status).toBe(426);
    expect(await (await get(hono, '/guarded', '1.10')).text()).toBe('served');
    expect((await get(hono, '/guarded', '1.10.1')).status).toBe(200);
    // Routes it is not mounted on are never refused.
    expect((await get(hono, '/open', '0.1')).status).toBe(200);
  });

  it('documents the 426 on the routes it guards, keeping a route’s own 426', () => {
    const api = new ApiRegistry();
    const base = { summary: 's', tag: 't', auth: 'none' as const };
    api.add({ ...base, method: 'get', path: '/v1/sync', responses: { 200: { description: 'ok' } } });
    api.add({ ...base, method: 'get', path: '/v1/stream', responses: { 426: { description: 'Not a WebSocket' } } });
    api.add({ ...base, method: 'get', path: '/r/{code}', responses: { 302: { description: 'redirect' } } });
    documentClientVersion(api, ['/v1/sync', '/v1/stream']);
    const [sync, stream, redirect] = api.list();
    expect(sync!.responses[426]?.description).toMatch(/RELAY_MIN_CLIENT_VERSION/);
    expect(stream!.responses[426]?.description).toMatch(/^Not a WebSocket; or: .*RELAY_MIN_CLIENT_VERSION/);
    expect(redirect!.responses[426]).toBeUndefined();
  });
});
