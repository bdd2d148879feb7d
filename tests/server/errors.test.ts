/**
 * Errors across the API: every one is application/problem+json {type, title, status, detail} with
 * no stack trace. Invalid bodies 422 with a path per field, oversized bodies 413 (declared or
 * streamed), unknown routes 404; malformed JSON 400, wrong media type 415 and unknown fields 422 on
 * every route with a body are in route-problems.test.ts, from the OpenAPI registry.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentInput, expectProblem, expectValidation } from '../helpers/api';
import { ADMIN_EMAIL, startTestServer, type TestServer } from '../helpers/server';

const BODY_LIMIT = 2048;

/** A raw HTTP request with a chunked body (no Content-Length), sent in pieces. */
function chunkedPost(
  url: string,
  path: string,
  chunks: string[],
  headers: Record<string, string> = {},
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = request(
      new URL(path, url),
      { method: 'POST', headers: { 'content-type': 'application/json', ...headers } },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (part: Buffer) => parts.push(part));
        res.on('end', () => {
          const head = new Headers();
          for (const [name, value] of Object.entries(res.headers)) if (typeof value === 'string') head.set(name, value);
          resolve(
            new Response(res.statusCode === 204 ? null : Buffer.concat(parts), {
              status: res.statusCode,
              headers: head,
            }),
          );
        });
      },
    );
    // The server may answer 413 and close before every chunk is written.
    req.on('error', reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

describe('errors', () => {
  let server: TestServer;
  let admin: string;
  let advocate: string;

  beforeAll(async () => {
    server = await startTestServer({ bodyLimitBytes: BODY_LIMIT });
    admin = await server.adminToken();
    advocate = (await server.enroll('Error Erin')).token;
  });
  afterAll(async () => {
    await server?.stop();
  });

  // Malformed JSON 400, another media type 415 and unknown fields 422 on every route with a body,
  // from the OpenAPI registry: route-problems.test.ts.

  it('reports every invalid field, not only the first', async () => {
    const body = await expectValidation(
      await server.call('/v1/admin/content', {
        method: 'POST',
        json: { title: '', url: 'nope', variants: { linkedin: [''] }, extra: 1 },
        token: admin,
      }),
      'title',
      'url',
      'variants.linkedin.0',
      'extra',
    );
    expect(body.errors!.length).toBeGreaterThanOrEqual(4);
  });

  it('answers 413 for a body over the limit with Content-Length, before anything else', async () => {
    const big = contentInput({ note: 'n'.repeat(BODY_LIMIT) });
    await expectProblem(
      await server.call('/v1/admin/content', { method: 'POST', json: big, token: admin }),
      413,
      'too-large',
    );
    // Even without credentials, and on open endpoints.
    await expectProblem(await server.call('/v1/admin/content', { method: 'POST', json: big }), 413, 'too-large');
    await expectProblem(
      await server.call('/v1/enroll', { method: 'POST', json: { code: 'x', name: 'n'.repeat(BODY_LIMIT) } }),
      413,
      'too-large',
    );
    await expectProblem(
      await server.call('/v1/admin/session', {
        method: 'POST',
        json: { email: ADMIN_EMAIL, password: 'p'.repeat(BODY_LIMIT) },
      }),
      413,
      'too-large',
    );
    // Nothing was stored.
    const { items } = (await (await server.call('/v1/admin/content', { token: admin })).json()) as {
      items: { note: string | null }[];
    };
    expect(items.some((item) => (item.note?.length ?? 0) >= BODY_LIMIT)).toBe(false);
  });

  it('answers 413 for a chunked body that grows over the limit', async () => {
    const json = JSON.stringify(contentInput({ note: 'n'.repeat(BODY_LIMIT) }));
    const chunks = [json.slice(0, 1000), json.slice(1000, 2000), json.slice(2000)];
    await expectProblem(
      await chunkedPost(server.url, '/v1/admin/content', chunks, { authorization: `Bearer ${admin}` }),
      413,
      'too-large',
    );
  });

  it('accepts a body just under the limit, chunked or not', async () => {
    const base = JSON.stringify(contentInput({ note: '' }));
    const json = JSON.stringify(contentInput({ note: 'n'.repeat(BODY_LIMIT - base.length) }));
    expect(json.length).toBe(BODY_LIMIT);
    const declared = await server.call('/v1/admin/content', {
      method: 'POST',
      body: json,
      headers: { 'content-type': 'application/json' },
      token: admin,
    });
    expect(declared.status).toBe(201);
    const chunked = await chunkedPost(server.url, '/v1/admin/content', [json.slice(0, 700), json.slice(700)], {
      authorization: `Bearer ${admin}`,
    });
    expect(chunked.status).toBe(201);
  });

  it('answers 404 problem+json for unknown paths and methods', async () => {
    await expectProblem(await server.call('/nope'), 404, 'not-found');
    await expectProblem(await server.call('/v1'), 404, 'not-found');
    await expectProblem(await server.call('/v1/sync', { method: 'POST', json: {}, token: advocate }), 404, 'not-found');
    await expectProblem(
      await server.call('/v1/admin/content/x/unpublish', { method: 'POST', token: admin }),
      404,
      'not-found',
    );
  });

  it('never answers with a stack trace, whatever the input', async () => {
    const hostile = [
      { path: '/v1/admin/content', body: '{"title": "\\ud800"}' },
      { path: '/v1/admin/content', body: '['.repeat(5000) },
      { path: '/v1/admin/content', body: '{"__proto__": {"polluted": true}, "title": "x"}' },
      { path: '/v1/enroll', body: '{"code": {"$gt": ""}, "name": "x"}' },
      { path: '/v1/admin/session', body: '{"email": "a@b.c", "password": {"toString": 1}}' },
    ];
    for (const { path, body } of hostile) {
      const response = await server.call(path, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json' },
        token: admin,
      });
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      await expectProblem(response, response.status);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
