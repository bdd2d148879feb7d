import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendOverSocket, serveOnLoopback, type SocketApp } from '../../../tests/helpers/socket-app';
import { ProblemError, problemResponse } from '../../problem';
import { responseHeaders } from './index';

const HEADERS = { 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY' };

/** The answers the /json handler made, to compare with what left the middleware. */
const made: Response[] = [];
const sent: Response[] = [];

function app() {
  const hono = new Hono();
  hono.use(async (c, next) => {
    await next();
    sent.push(c.res);
  });
  hono.onError((error, c) => (error instanceof ProblemError ? problemResponse(c, error) : c.text('unexpected', 500)));
  hono.use(responseHeaders(HEADERS));
  hono.get('/json', (c) => {
    const answer = c.json({ hello: 'world' });
    made.push(answer);
    return answer;
  });
  hono.get('/not-modified', (c) => c.body(null, 304));
  hono.get('/redirect', (c) => c.redirect('https://example.com/', 302));
  hono.get(
    '/own',
    () => new Response('made here', { headers: { 'content-type': 'text/plain', 'x-frame-options': 'SAMEORIGIN' } }),
  );
  hono.get('/refused', () => {
    throw new ProblemError(403, 'No.', { type: 'forbidden' });
  });
  return hono;
}

describe('responseHeaders', () => {
  let served: SocketApp;
  const get = (path: string) => sendOverSocket(served.port, 'GET', path);

  beforeAll(async () => {
    served = await serveOnLoopback(app().fetch);
  });
  afterAll(() => served.close());

  it('puts the headers on every kind of answer, over what the handler set', async () => {
    for (const [path, status] of [
      ['/json', 200],
      ['/not-modified', 304],
      ['/redirect', 302],
      ['/own', 200],
      ['/refused', 403],
    ] as const) {
      const answer = await get(path);
      expect(answer.status, path).toBe(status);
      expect(answer.headers['x-content-type-options'], path).toBe('nosniff');
      expect(answer.headers['x-frame-options'], path).toBe('DENY');
    }
    expect((await get('/own')).text).toBe('made here');
    expect((await get('/refused')).headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it("leaves the handler's answer as it was made, not copied into a new one around its body stream", async () => {
    made.length = 0;
    sent.length = 0;
    const answer = await get('/json');
    expect(made).toHaveLength(1);
    expect(sent.at(-1)).toBe(made[0]);
    expect(JSON.parse(answer.text)).toEqual({ hello: 'world' });
    expect(answer.headers['content-length']).toBe(String(Buffer.byteLength(answer.text)));
    expect(answer.headers['transfer-encoding']).toBeUndefined();
  });
});
