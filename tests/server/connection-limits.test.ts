/**
 * The HTTP server's own limits: a request whose headers or body trickle in is cut after
 * RELAY_HEADERS_TIMEOUT_MS / RELAY_REQUEST_TIMEOUT_MS with its socket closed, connections past
 * RELAY_MAX_CONNECTIONS are closed as they arrive, and ordinary requests are not affected.
 */
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config';
import { StreamClient } from '../helpers/stream-client';
import { startTestServer, type TestServer } from '../helpers/server';

const HEADERS_TIMEOUT_MS = 1_000;
const REQUEST_TIMEOUT_MS = 2_000;
const MAX_CONNECTIONS = 8;

interface RawConnection {
  socket: Socket;
  /** Everything the server sent. */
  received(): string;
  /** Resolves when the server closed the connection, with the ms since it was opened. */
  closed: Promise<number>;
}

function open(server: TestServer): Promise<RawConnection> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1');
    const opened = Date.now();
    let data = '';
    socket.on('data', (chunk: Buffer) => (data += chunk.toString()));
    socket.on('error', () => undefined);
    const closed = new Promise<number>((done) => socket.once('close', () => done(Date.now() - opened)));
    socket.once('connect', () => resolve({ socket, received: () => data, closed }));
    socket.once('error', reject);
  });
}

/** Writes `text` one byte a second until the socket closes; resolves with how many bytes went out. */
async function trickle(connection: RawConnection, text: string): Promise<number> {
  let sent = 0;
  for (const byte of text) {
    if (connection.socket.destroyed || !connection.socket.writable) break;
    connection.socket.write(byte);
    sent++;
    const closed = await Promise.race([
      connection.closed.then(() => true),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), 1_000)),
    ]);
    if (closed) break;
  }
  return sent;
}

describe('connection caps and read timeouts', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      http: {
        maxConnections: MAX_CONNECTIONS,
        headersTimeoutMs: HEADERS_TIMEOUT_MS,
        requestTimeoutMs: REQUEST_TIMEOUT_MS,
      },
    });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('has documented defaults', () => {
    expect(loadConfig({}).http).toEqual({ maxConnections: 20_000, headersTimeoutMs: 10_000, requestTimeoutMs: 30_000 });
    expect(() => loadConfig({ RELAY_HEADERS_TIMEOUT_MS: '20000', RELAY_REQUEST_TIMEOUT_MS: '10000' })).toThrow(
      /RELAY_HEADERS_TIMEOUT_MS/,
    );
  });

  it('cuts a body sent one byte a second after the request timeout, and closes the socket', async () => {
    const connection = await open(server);
    const body = JSON.stringify({ code: 'ABCD-EFGH', name: 'Slow Sam', padding: 'x'.repeat(40) });
    connection.socket.write(
      `POST /v1/enroll HTTP/1.1\r\nHost: relay.test\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
    );
    const sent = await trickle(connection, body);
    const elapsed = await connection.closed;
    expect(sent).toBeLessThan(body.length);
    expect(elapsed).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 100);
    expect(elapsed).toBeLessThan(REQUEST_TIMEOUT_MS + 2_500);
    expect(connection.received()).toMatch(/^HTTP\/1\.1 408/);
  }, 15_000);

  it('cuts headers sent one byte a second after the headers timeout', async () => {
    const connection = await open(server);
    const sent = await trickle(connection, 'GET /healthz HTTP/1.1\r\nHost: relay.test\r\nX-Slow: yes\r\n\r\n');
    const elapsed = await connection.closed;
    expect(sent).toBeLessThan(20);
    expect(elapsed).toBeLessThan(HEADERS_TIMEOUT_MS + 2_500);
    expect(connection.received()).toMatch(/^HTTP\/1\.1 408|^$/);
  }, 15_000);

  it('closes connections beyond the cap as they arrive, and takes new ones once others went', async () => {
    const held = await Promise.all(Array.from({ length: MAX_CONNECTIONS }, () => open(server)));
    // Past the cap: connected by the kernel, closed by the server without an answer.
    const refused = await open(server);
    const elapsed = await refused.closed;
    expect(elapsed).toBeLessThan(1_000);
    expect(refused.received()).toBe('');
    for (const connection of held) connection.socket.destroy();
    await Promise.all(held.map((connection) => connection.closed));
    await expect.poll(async () => (await server.call('/healthz')).status, { timeout: 3_000 }).toBe(200);
  });

  it('leaves ordinary requests alone: a body near the size limit sent at once, keep-alive, a stream', async () => {
    const admin = await server.adminToken();
    const big = await server.call('/v1/admin/guidelines', {
      method: 'PUT',
      token: admin,
      json: {
        bannedTerms: Array.from({ length: 600 }, (_, i) => ({ pattern: `term ${i}`, reason: 'r'.repeat(290) })),
      },
    });
    expect(big.status, await big.clone().text()).toBe(200);
    // A keep-alive connection idle past the headers timeout is simply closed and reopened by the client.
    const enrolled = await server.enroll('Normal Nora');
    await new Promise((resolve) => setTimeout(resolve, HEADERS_TIMEOUT_MS + 500));
    expect((await server.call('/v1/sync', { token: enrolled.token })).status).toBe(200);
    // A WebSocket outlives the request timeout.
    const stream = await StreamClient.connect(server.url, enrolled.token);
    await new Promise((resolve) => setTimeout(resolve, REQUEST_TIMEOUT_MS + 1_000));
    stream.send({ type: 'ping' });
    await stream.waitFor((messages) => messages.some((message) => message.type === 'pong'));
    expect(stream.closeCode).toBeUndefined();
    stream.close();
  }, 15_000);
});
