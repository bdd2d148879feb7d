import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendOverSocket, serveOnLoopback, type SocketApp } from '../../../tests/helpers/socket-app';
import { ProblemError, problemResponse } from '../../problem';
import { limitBodies } from './index';

const LIMIT = 1_000;

function app() {
  const hono = new Hono();
  hono.onError((error, c) => (error instanceof ProblemError ? problemResponse(c, error) : c.text('unexpected', 500)));
  hono.use(limitBodies(LIMIT, '/upload'));
  hono.get('/read', (c) => c.text('read'));
  hono.post('/write', async (c) => c.text(`got ${(await c.req.text()).length}`));
  hono.post('/upload', async (c) => c.text(`got ${(await c.req.text()).length}`));
  return hono;
}

describe('limitBodies', () => {
  let served: SocketApp;
  /** The status and text of one request over a real socket (chunked when `chunked`). */
  const send = async (method: string, path: string, body?: string, chunked = false) => {
    const { status, text } = await sendOverSocket(served.port, method, path, { body, chunked });
    return { status, text };
  };

  beforeAll(async () => {
    served = await serveOnLoopback(app().fetch);
  });
  afterAll(() => served.close());

  it('refuses a declared body over the limit with 413, and takes one under it', async () => {
    const over = await send('POST', '/write', 'x'.repeat(LIMIT + 1));
    expect(over.status).toBe(413);
    expect(JSON.parse(over.text)).toMatchObject({ status: 413, type: expect.stringContaining('too-large') });
    expect(await send('POST', '/write', 'x'.repeat(LIMIT))).toEqual({ status: 200, text: `got ${LIMIT}` });
  });

  it('refuses a chunked body (no Content-Length) once it passes the limit', async () => {
    expect((await send('POST', '/write', 'x'.repeat(LIMIT * 3), true)).status).toBe(413);
    expect(await send('POST', '/write', 'x'.repeat(900), true)).toEqual({ status: 200, text: 'got 900' });
  });

  it('answers a GET that sends a body anyway without reading it (@hono/node-server gives a GET no body)', async () => {
    expect(await send('GET', '/read', 'x'.repeat(LIMIT + 1))).toEqual({ status: 200, text: 'read' });
  });

  it('leaves the excepted path to its own limit', async () => {
    expect(await send('POST', '/upload', 'x'.repeat(LIMIT * 2))).toEqual({
      status: 200,
      text: `got ${LIMIT * 2}`,
    });
  });

  it('does not ask for the body of a request that declares none (that would build a whole Request)', async () => {
    let bodyReads = 0;
    class Counting extends Request {
      override get body() {
        bodyReads++;
        return super.body;
      }
    }
    const response = await app().fetch(new Counting('http://relay.test/read'));
    expect(await response.text()).toBe('read');
    expect(bodyReads).toBe(0);
    // The same request with a declared body is measured.
    const declared = new Counting('http://relay.test/write', {
      method: 'POST',
      body: 'abc',
      headers: { 'content-length': '3' },
    });
    expect(await (await app().fetch(declared)).text()).toBe('got 3');
    expect(bodyReads).toBeGreaterThan(0);
  });
});
