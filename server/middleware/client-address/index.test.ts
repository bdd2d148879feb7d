/** The client's address, scheme and host through trusted proxies (RELAY_TRUST_PROXY). */
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import {
  clientAddress,
  forwardedHost,
  normalizeAddress,
  parseTrustProxy,
  requestScheme,
  type TrustProxy,
} from './index';

interface Seen {
  address: string;
  scheme: string;
  host: string | null;
}

/** What the module answers for a request from socket `peer` with `headers`, under `trust`. */
async function seen(trust: TrustProxy, peer: string, headers: Record<string, string> = {}): Promise<Seen> {
  const app = new Hono();
  app.get('/', (c) =>
    c.json({
      address: clientAddress(c, trust),
      scheme: requestScheme(c, trust),
      host: forwardedHost(c, trust) ?? null,
    }),
  );
  const incoming = { headers, socket: { remoteAddress: peer } };
  const response = await app.request('http://relay.test/', { headers }, { incoming });
  return (await response.json()) as Seen;
}

describe('parseTrustProxy', () => {
  it('reads off, true (one proxy), hop counts and lists', () => {
    for (const off of ['', 'false', 'FALSE', '0', 'no', 'off']) expect(parseTrustProxy(off), off).toBe(0);
    for (const on of ['true', 'yes', 'on', '1']) expect(parseTrustProxy(on), on).toBe(1);
    expect(parseTrustProxy('3')).toBe(3);
    expect(parseTrustProxy(' 10.0.0.0/8, 192.168.1.7 ,::1, fd00::/8, ::ffff:172.16.0.0/108')).toEqual([
      '10.0.0.0/8',
      '192.168.1.7',
      '::1',
      'fd00::/8',
      '::ffff:172.16.0.0/108',
    ]);
  });

  it.each(['maybe', '10.0.0.0/33', 'fd00::/129', '10.0.0.0/8/1', '10.0.0/8', '-1', '33', '1.5', '10.0.0.1,proxy'])(
    'refuses %s with a reason',
    (bad) => {
      expect(() => parseTrustProxy(bad)).toThrow(/./);
    },
  );
});

describe('normalizeAddress', () => {
  it.each([
    [' 203.0.113.9 ', '203.0.113.9'],
    ['203.0.113.9:4711', '203.0.113.9'],
    ['[2001:DB8::1]:443', '2001:db8::1'],
    ['[2001:db8::1]', '2001:db8::1'],
    ['::ffff:198.51.100.2', '198.51.100.2'],
    ['"198.51.100.2"', '198.51.100.2'],
    ['unknown', 'unknown'],
  ])('%s is %s', (raw, expected) => expect(normalizeAddress(raw)).toBe(expected));
});

describe('clientAddress', () => {
  const forged = { 'x-forwarded-for': '1.1.1.1, 203.0.113.9' };

  it('without trust, is the socket address whatever the headers say', async () => {
    expect((await seen(false, '::ffff:10.0.0.2', forged)).address).toBe('10.0.0.2');
    expect((await seen(0, '10.0.0.2', forged)).address).toBe('10.0.0.2');
    expect((await seen([], '10.0.0.2', forged)).address).toBe('10.0.0.2');
  });

  it('with one hop (or true), is the entry the proxy added: the client cannot forge it', async () => {
    for (const trust of [1, true] as const) {
      expect((await seen(trust, '10.0.0.2', forged)).address).toBe('203.0.113.9');
      expect((await seen(trust, '10.0.0.2', { 'x-forwarded-for': '203.0.113.9' })).address).toBe('203.0.113.9');
    }
    // No header: the peer itself.
    expect((await seen(1, '10.0.0.2')).address).toBe('10.0.0.2');
  });

  it('with N hops, counts N entries from the right, the socket peer included', async () => {
    const chain = { 'x-forwarded-for': '1.1.1.1, 203.0.113.9, 10.0.0.5' };
    expect((await seen(2, '10.0.0.2', chain)).address).toBe('203.0.113.9');
    expect((await seen(3, '10.0.0.2', chain)).address).toBe('1.1.1.1');
    // More hops than entries: the leftmost is as far as anyone vouches.
    expect((await seen(5, '10.0.0.2', chain)).address).toBe('1.1.1.1');
  });

  it('with a list, skips trusted addresses from the right; the first untrusted one is the client', async () => {
    const trust = parseTrustProxy('10.0.0.0/8, 2001:db8::/32');
    const chain = { 'x-forwarded-for': '1.1.1.1, 203.0.113.9, 2001:db8::7, 10.1.2.3' };
    expect((await seen(trust, '10.0.0.2', chain)).address).toBe('203.0.113.9');
    expect((await seen(trust, '::ffff:10.0.0.2', chain)).address).toBe('203.0.113.9');
    // A peer that is not a trusted proxy is the client, headers or not.
    expect((await seen(trust, '198.51.100.4', chain)).address).toBe('198.51.100.4');
    // Every hop trusted: the leftmost.
    expect((await seen(trust, '10.0.0.2', { 'x-forwarded-for': '10.9.9.9, 10.0.0.5' })).address).toBe('10.9.9.9');
  });

  it('matches IPv4-mapped peers against IPv4 CIDRs and IPv4 peers against mapped CIDRs', async () => {
    const headers = { 'x-forwarded-for': '203.0.113.9' };
    expect((await seen(parseTrustProxy('127.0.0.0/8'), '::ffff:127.0.0.1', headers)).address).toBe('203.0.113.9');
    expect((await seen(parseTrustProxy('::ffff:127.0.0.0/104'), '127.0.0.1', headers)).address).toBe('203.0.113.9');
    expect((await seen(parseTrustProxy('::1'), '::1', headers)).address).toBe('203.0.113.9');
  });
});

describe('requestScheme and forwardedHost', () => {
  const tls = { 'x-forwarded-for': '203.0.113.9', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'Relay.Example' };

  it('honour X-Forwarded-Proto and X-Forwarded-Host from a trusted proxy', async () => {
    expect(await seen(1, '10.0.0.2', tls)).toEqual({ address: '203.0.113.9', scheme: 'https', host: 'relay.example' });
    expect(await seen(parseTrustProxy('10.0.0.0/8'), '10.0.0.2', tls)).toMatchObject({ scheme: 'https' });
  });

  it('ignore them without trust, or from a peer that is not trusted', async () => {
    expect(await seen(false, '10.0.0.2', tls)).toMatchObject({ scheme: 'http', host: null });
    expect(await seen(parseTrustProxy('10.0.0.0/8'), '198.51.100.4', tls)).toMatchObject({
      scheme: 'http',
      host: null,
    });
  });

  it('take the entry of the outermost trusted hop when proxies append, not what the client wrote', async () => {
    const appended = { 'x-forwarded-for': '1.1.1.1, 203.0.113.9', 'x-forwarded-proto': 'http, https' };
    expect((await seen(1, '10.0.0.2', appended)).scheme).toBe('https');
    const forgedHttps = { 'x-forwarded-for': '203.0.113.9', 'x-forwarded-proto': 'https, http' };
    expect((await seen(1, '10.0.0.2', forgedHttps)).scheme).toBe('http');
    // Two proxies, the outer one terminating TLS and each appending.
    const twoHops = { 'x-forwarded-for': '203.0.113.9, 10.0.0.5', 'x-forwarded-proto': 'https, http' };
    expect((await seen(2, '10.0.0.2', twoHops)).scheme).toBe('https');
  });

  it('fall back to the connection for a value that is not a scheme', async () => {
    expect(
      (await seen(1, '10.0.0.2', { 'x-forwarded-for': '203.0.113.9', 'x-forwarded-proto': 'gopher' })).scheme,
    ).toBe('http');
  });
});
