/**
 * RELAY_TRUST_PROXY end to end: the client address is the one the trusted proxy saw (a forged first
 * X-Forwarded-For hop changes nothing), X-Forwarded-Proto from a trusted proxy makes the console's
 * cookies Secure and tells the origin check the browser's scheme, and a bad value stops start-up.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config';
import { nodeScript } from '../helpers/child-process';
import { createContent, expectProblem, sync } from '../helpers/api';
import { cookieSignIn, setCookies } from '../helpers/console';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/server';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHROME =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';
/** What a TLS-terminating proxy adds to a request it passes on. */
const BEHIND_TLS = { 'x-forwarded-for': '203.0.113.9', 'x-forwarded-proto': 'https' };

function signInThrough(server: TestServer, headers: Record<string, string>) {
  return server.call('/v1/admin/session', {
    method: 'POST',
    json: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
    headers,
  });
}

function expectSecure(response: Response, secure: boolean): void {
  expect(response.status).toBe(200);
  const cookies = setCookies(response);
  for (const name of ['relay_admin', 'relay_csrf']) {
    const cookie = cookies.get(name);
    expect(cookie, name).toBeDefined();
    if (secure) expect(cookie, name).toMatch(/;\s*Secure/i);
    else expect(cookie, name).not.toMatch(/Secure/i);
  }
}

describe('behind a trusted TLS proxy (RELAY_TRUST_PROXY=1)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ trustProxy: 1 });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('sets the console cookies Secure when the proxy says https, on sign-in and on session restore', async () => {
    const response = await signInThrough(server, BEHIND_TLS);
    expectSecure(response, true);
    const { token } = (await response.json()) as { token: string };
    const restore = await server.call('/v1/admin/session', {
      headers: { ...BEHIND_TLS, cookie: `relay_admin=${token}` },
    });
    expect(setCookies(restore).get('relay_csrf')).toMatch(/;\s*Secure/i);
  });

  it('does not when the proxy says http or says nothing', async () => {
    expectSecure(await signInThrough(server, { ...BEHIND_TLS, 'x-forwarded-proto': 'http' }), false);
    expectSecure(await signInThrough(server, { 'x-forwarded-for': '203.0.113.9' }), false);
  });

  it('takes the scheme from the proxy’s hop, not one the client wrote before it', async () => {
    const forged = { 'x-forwarded-for': '1.1.1.1, 203.0.113.9', 'x-forwarded-proto': 'https, http' };
    expectSecure(await signInThrough(server, forged), false);
  });

  it('checks the console’s origin with the scheme and host the browser used', async () => {
    const session = await cookieSignIn(server);
    const write = (origin: string) =>
      server.call('/v1/admin/invites', {
        method: 'POST',
        json: {},
        headers: { ...session.headers, ...BEHIND_TLS, 'x-forwarded-host': 'relay.example.com', origin },
      });
    expect((await write('https://relay.example.com')).status).toBe(201);
    const host = new URL(server.url).host;
    expect((await write(`https://${host}`)).status).toBe(201);
    await expectProblem(await write('http://relay.example.com'), 403, 'csrf');
    await expectProblem(await write(`http://${host}`), 403, 'csrf');
  });

  it('counts a visitor once however they forge the first X-Forwarded-For hop', async () => {
    const advocate = await server.enroll('Forged Hops');
    const item = await createContent(server, { url: 'https://example.com/launch', publish: true });
    const link = (await sync(server, advocate.token)).body.content.find((entry) => entry.id === item.id)!.links.x!;
    const path = new URL(link).pathname;
    for (let i = 0; i < 10; i++) {
      const response = await server.call(path, {
        headers: { 'x-forwarded-for': `10.0.0.${i}, 198.51.100.77`, 'user-agent': CHROME },
      });
      expect(response.status).toBe(302);
    }
    await server.deps.clicks.flush();
    const code = path.split('/').pop()!;
    const rows = await server.deps.db.selectFrom('clicks').selectAll().where('code', '=', code).execute();
    expect(rows).toHaveLength(1);
  });
});

describe('behind a proxy Relay does not trust', () => {
  let untrusted: TestServer;
  let otherProxy: TestServer;
  beforeAll(async () => {
    untrusted = await startTestServer({ trustProxy: false });
    // A list naming some other proxy: the test client (127.0.0.1) is not one of them.
    otherProxy = await startTestServer({ trustProxy: ['10.0.0.0/8', 'fd00::/8'] });
  });
  afterAll(async () => {
    await untrusted?.stop();
    await otherProxy?.stop();
  });

  it('ignores X-Forwarded-Proto: no Secure cookies', async () => {
    expectSecure(await signInThrough(untrusted, BEHIND_TLS), false);
    expectSecure(await signInThrough(otherProxy, BEHIND_TLS), false);
  });

  it('ignores X-Forwarded-Host and -Proto in the origin check', async () => {
    const session = await cookieSignIn(untrusted);
    const response = await untrusted.call('/v1/admin/invites', {
      method: 'POST',
      json: {},
      headers: {
        ...session.headers,
        ...BEHIND_TLS,
        'x-forwarded-host': 'relay.example.com',
        origin: 'https://relay.example.com',
      },
    });
    await expectProblem(response, 403, 'csrf');
  });

  it('with the peer in the trusted list, honours it', async () => {
    const loopback = await startTestServer({ trustProxy: ['127.0.0.0/8', '::1'] });
    try {
      expectSecure(await signInThrough(loopback, BEHIND_TLS), true);
    } finally {
      await loopback.stop();
    }
  });
});

describe('RELAY_TRUST_PROXY', () => {
  it('reads false, true, hop counts and lists', () => {
    expect(loadConfig({}).trustProxy).toBe(0);
    expect(loadConfig({ RELAY_TRUST_PROXY: 'false' }).trustProxy).toBe(0);
    expect(loadConfig({ RELAY_TRUST_PROXY: 'true' }).trustProxy).toBe(1);
    expect(loadConfig({ RELAY_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ RELAY_TRUST_PROXY: '10.0.0.0/8,::1' }).trustProxy).toEqual(['10.0.0.0/8', '::1']);
  });

  it.each(['sometimes', '10.0.0.0/40', '10.0.0.1, not-an-address', '-1'])('refuses %s naming the variable', (bad) => {
    expect(() => loadConfig({ RELAY_TRUST_PROXY: bad })).toThrow(ConfigError);
    expect(() => loadConfig({ RELAY_TRUST_PROXY: bad })).toThrow(/RELAY_TRUST_PROXY/);
  });

  it('stops start-up with a message naming it', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, RELAY_TRUST_PROXY: '10.0.0.0/33', PORT: '0' };
    const child = spawn(...nodeScript('server/main.ts'), { cwd: ROOT, env });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(output).toMatch(/configuration error: RELAY_TRUST_PROXY .*10\.0\.0\.0\/33/);
    expect(output).not.toContain('listening');
  }, 30_000);
});
