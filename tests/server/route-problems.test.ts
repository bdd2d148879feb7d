/**
 * Every route the API registers, from its OpenAPI registry: its case's valid request is accepted,
 * and every error it answers is application/problem+json. Routes with a body answer malformed JSON
 * 400, another media type 415 and an unknown field (or a wrong type) 422 naming it; routes with a
 * query answer a bad one 400; routes with credentials answer none or a wrong one 401; unknown ids
 * 404; a method the path does not have 404. A route without a case fails here (route-cases.ts).
 */
import WebSocket from 'ws';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteDoc } from '../../server/openapi/registry';
import { expectProblem, expectValidation } from '../helpers/api';
import {
  bearerFor,
  caseContext,
  caseProblems,
  consoleFixture,
  expectRefusal,
  registeredRoutes,
  routeCases,
  type CaseContext,
  type CaseRequest,
} from '../helpers/route-cases';
import { sendCase, type SendOverrides } from '../helpers/send-case';
import { startTestServer, type TestServer } from '../helpers/server';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

describe('every registered route (from the OpenAPI registry)', () => {
  let server: TestServer;
  let ctx: CaseContext;
  let cases: Awaited<ReturnType<typeof routeCases>>;

  beforeAll(async () => {
    server = await startTestServer({ consoleDir: consoleFixture() });
    ctx = caseContext(server);
    cases = await routeCases(server, ctx);
  });
  afterAll(async () => {
    await server?.stop();
  });

  async function send(
    route: RouteDoc,
    request: CaseRequest,
    init: Omit<SendOverrides, 'token'> & { token?: string | null } = {},
  ): Promise<Response> {
    const token = init.token === null ? undefined : (init.token ?? (await bearerFor(route, request, ctx)));
    return sendCase(server, route, request, { ...init, token });
  }

  it('fails, saying what to add, for a registered route without a case', async () => {
    const added: RouteDoc = {
      method: 'post',
      path: '/v1/admin/widgets',
      summary: 'New',
      tag: 'x',
      auth: 'admin',
      responses: {},
    };
    const queried = { ...registeredRoutes(server).find((route) => route.path === '/v1/me')!, query: z.object({}) };
    const problems = await caseProblems([...registeredRoutes(server), added], ctx);
    expect(problems).toEqual([
      expect.stringMatching(
        /^POST \/v1\/admin\/widgets is registered but has no case: add 'POST \/v1\/admin\/widgets': .* to ROUTE_CASES in tests\/helpers\/route-cases\.ts/,
      ),
    ]);
    expect(await caseProblems([queried], ctx)).toContain(
      'GET /v1/me takes a query: give its case in tests/helpers/route-cases.ts a badQuery it refuses with 400.',
    );
  });

  it('has a case for every route, and every case is accepted', async () => {
    expect(cases.length).toBe(registeredRoutes(server).length);
    for (const { route, key, build } of cases) {
      const request = await build();
      if (request.websocket) {
        const token = await bearerFor(route, request, ctx);
        const socket = new WebSocket(server.url.replace(/^http/, 'ws') + request.path, ['relay.v1', token!]);
        await new Promise<void>((resolve, reject) => {
          socket.once('open', resolve);
          socket.once('error', reject);
        });
        socket.close();
        continue;
      }
      const response = await send(route, request);
      expect(response.status, `${key}: ${await response.clone().text()}`).toBe(request.ok);
      if (request.ok >= 400) await expectProblem(response, request.ok);
    }
  });

  it('answers malformed JSON 400, another media type 415 and an unknown field 422 on every route with a body', async () => {
    const withBody = cases.filter(({ route }) => route.body);
    expect(withBody.length).toBeGreaterThan(0);
    for (const { route, key, build } of withBody) {
      const request = await build();
      expect(request.json, `${key}: its case needs a json body`).toBeDefined();
      for (const body of ['{', '{"a":1,}', "{'single': 'quotes'}", '{"a":1} trailing']) {
        const problem = await expectProblem(await send(route, request, { body }), 400, 'malformed-json');
        expect(problem.detail, key).toMatch(/JSON/);
      }
      const valid = JSON.stringify(request.json);
      await expectProblem(await send(route, request, { body: valid, contentType: 'text/plain' }), 415);
      await expectProblem(await send(route, request, { body: valid, contentType: null }), 415);
      const unknown = JSON.stringify({ ...request.json, unexpectedField: true });
      await expectValidation(await send(route, request, { body: unknown }), 'unexpectedField');
      const [field] = Object.keys(request.json!);
      // An object where the field is none; a string where it is one (a record of strings takes any object of strings).
      const fieldValue = request.json![field!];
      const isObject = typeof fieldValue === 'object' && fieldValue !== null && !Array.isArray(fieldValue);
      const wrongType = JSON.stringify({ ...request.json, [field!]: isObject ? 'a wrong type' : { wrong: 'type' } });
      await expectValidation(await send(route, request, { body: wrongType }), field!);
      for (const notAnObject of ['[]', '"text"', '42', 'null'])
        await expectValidation(await send(route, request, { body: notAnObject }));
    }
  });

  it('answers a bad query 400 problem+json on every route that takes a query', async () => {
    for (const { route, key, build } of cases.filter((each) => each.route.query)) {
      const request = await build();
      const response = await send(route, request, { query: request.badQuery });
      // malformed-query, or a more precise type (bad-cursor).
      await expectProblem(response, 400).catch((error: Error) => {
        throw new Error(`${key}?${request.badQuery}: ${error.message}`);
      });
    }
  });

  it('answers no credentials and a wrong one 401 problem+json on every authenticated route', async () => {
    for (const { route, key, build } of cases.filter((each) => each.route.auth !== 'none')) {
      const request = await build();
      if (request.websocket) continue; // refused before the handshake: stream.test.ts
      for (const token of [null, 'rla_not_a_real_token', 'nope']) {
        const response = await send(route, request, { token });
        expect(response.status, `${key} with ${token ?? 'no credentials'}`).toBe(401);
        await expectRefusal(route, response, 401);
      }
    }
  });

  it('answers an unknown id 404 problem+json on every route with a path parameter that documents 404', async () => {
    for (const { route, key, build } of cases.filter((each) => /\{\w+\}/.test(each.route.path))) {
      if (!route.responses[404]) continue;
      const request = await build();
      const path = route.path.replace(/\{\w+\}/g, route.path.startsWith('/admin/') ? 'missing.txt' : 'A0000000000');
      const response = await send(route, request, { path });
      expect(response.status, key).toBe(404);
      await expectRefusal(route, response, 404);
    }
  });

  it("answers each case's listed errors, and a method a path does not have, as problem+json", async () => {
    // The path's credentials (a sign-in's path is also the session's): a 404, not the 401 for no credentials.
    const authOf = (path: string) =>
      cases.find((each) => each.route.path === path && each.route.auth !== 'none')?.route ??
      cases.find((each) => each.route.path === path)!.route;
    for (const { route, key, build } of cases) {
      const request = await build();
      for (const error of request.errors ?? []) {
        const response = await send(route, request, { path: error.path, query: error.query ?? '' });
        expect(response.status, `${key}: ${error.path}`).toBe(error.status);
        await expectRefusal(route, response, error.status);
      }
      const taken = new Set(cases.filter((each) => each.route.path === route.path).map((each) => each.route.method));
      const other = METHODS.find((method) => !taken.has(method))!;
      const response = await send(
        { ...authOf(route.path), method: other },
        { ...request, json: undefined, upload: undefined },
      );
      expect(response.status, `${other.toUpperCase()} ${route.path}`).toBe(404);
      await expectRefusal(route, response, 404, 'not-found');
    }
  });

  it('keeps the SCIM token to SCIM: 401 on every admin and advocate route, and admin and advocate tokens 401 on SCIM', async () => {
    const scimToken = await ctx.scimToken();
    const others = { admin: await server.adminToken(), advocate: await ctx.advocate() };
    const scim = cases.filter(({ route }) => route.auth === 'scim');
    const elsewhere = cases.filter(({ route }) => route.auth === 'admin' || route.auth === 'advocate');
    expect(scim.length).toBeGreaterThan(10);
    for (const { route, key, build } of elsewhere) {
      const request = await build();
      if (request.websocket) continue; // the stream: scim-tokens.test.ts
      const problem = await expectProblem(await send(route, request, { token: scimToken }), 401);
      expect(problem.detail, key).toMatch(/SCIM provisioning token/);
    }
    for (const { route, key, build } of scim) {
      const request = await build();
      for (const [kind, token] of Object.entries(others)) {
        const refused = await expectRefusal(route, await send(route, request, { token }), 401);
        expect(refused.detail, `${key} with an ${kind} token`).toMatch(/does not work for SCIM/);
      }
    }
  });
});
