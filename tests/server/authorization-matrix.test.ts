/**
 * The authorization matrix, from the OpenAPI registry: every admin route, sent its case
 * (route-cases.ts) with a token of every role (lib/roles.ts). A role without the route's declared
 * permission gets 403 …/forbidden-role naming it, a role with it the case's status; an advocate
 * token still gets 403, a SCIM token and no token 401. An admin route without a case or without a
 * declared permission fails here, named. The OpenAPI document says who may call each admin route.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, ROLES, type Role } from '../../lib/roles';
import type { RouteDoc } from '../../server/openapi/registry';
import { expectProblem } from '../helpers/api';
import {
  caseContext,
  caseProblems,
  consoleFixture,
  registeredRoutes,
  routeCases,
  routeKey,
  type CaseContext,
  type CaseRequest,
} from '../helpers/route-cases';
import { sendCase } from '../helpers/send-case';
import { startTestServer, type TestServer } from '../helpers/server';

/** What is wrong with the admin routes for the matrix: no case (caseProblems), or no declared permission. */
async function matrixProblems(routes: readonly RouteDoc[], ctx: CaseContext): Promise<string[]> {
  const admin = routes.filter((route) => route.auth === 'admin');
  const noCase = (await caseProblems(admin, ctx)).filter((problem) => !problem.includes('is not registered'));
  const undeclared = admin
    .filter((route) => route.permission === undefined)
    .map(
      (route) =>
        `${routeKey(route)} declares no permission: add permission: '…' (lib/roles.ts PERMISSIONS) to its defineRoute, so the matrix knows which roles may call it.`,
    );
  return [...noCase, ...undeclared];
}

describe('authorization matrix: every admin route × every role', () => {
  let server: TestServer;
  let ctx: CaseContext;
  let adminCases: Awaited<ReturnType<typeof routeCases>>;
  const tokens = {} as Record<Role, string>;

  beforeAll(async () => {
    server = await startTestServer({ consoleDir: consoleFixture() });
    ctx = caseContext(server);
    adminCases = (await routeCases(server, ctx)).filter(({ route }) => route.auth === 'admin');
    for (const role of ROLES) tokens[role] = (await server.adminAs(role)).token;
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });

  const send = (route: RouteDoc, request: CaseRequest, token: string | undefined) =>
    sendCase(server, route, request, { token });

  it('fails, naming the route, for an admin route without a case or without a permission', async () => {
    const widget: RouteDoc = {
      method: 'post',
      path: '/v1/admin/widgets',
      summary: 'x',
      tag: 'x',
      auth: 'admin',
      responses: {},
    };
    const session = registeredRoutes(server).find((route) => routeKey(route) === 'GET /v1/admin/session')!;
    const problems = await matrixProblems([widget, { ...session, permission: undefined }], ctx);
    expect(problems).toEqual([
      expect.stringMatching(/^POST \/v1\/admin\/widgets is registered but has no case/),
      expect.stringMatching(/^POST \/v1\/admin\/widgets declares no permission/),
      expect.stringMatching(/^GET \/v1\/admin\/session declares no permission/),
    ]);
    expect(await matrixProblems(registeredRoutes(server), ctx)).toEqual([]);
  });

  it('answers each role what its permissions allow, on every admin route', async () => {
    expect(adminCases.length).toBeGreaterThan(30);
    for (const { route, key, build } of adminCases) {
      for (const role of ROLES) {
        const request = await build();
        // A sign-out ends the session it is sent with: a session of its own.
        const token = request.endsSession ? (await server.adminAs(role)).token : tokens[role];
        const response = await send(route, request, token);
        const label = `${key} as ${role}`;
        if (can(role, route.permission!)) {
          expect(response.status, `${label}: ${await response.clone().text()}`).toBe(request.ok);
        } else {
          const problem = await expectProblem(response, 403, 'forbidden-role').catch((error: Error) => {
            throw new Error(`${label}: ${error.message}`);
          });
          expect(problem, label).toMatchObject({ role, needs: route.permission });
        }
      }
    }
  }, 180_000);

  it('still refuses an advocate token 403, a SCIM token and no token 401, on every admin route', async () => {
    const advocate = await ctx.advocate();
    const scim = await ctx.scimToken();
    for (const { route, key, build } of adminCases) {
      const request = await build();
      await expectProblem(await send(route, request, advocate), 403, 'forbidden').catch((error: Error) => {
        throw new Error(`${key} with an advocate token: ${error.message}`);
      });
      for (const token of [scim, undefined]) {
        await expectProblem(await send(route, request, token), 401, 'unauthorized').catch((error: Error) => {
          throw new Error(`${key} with ${token ? 'a SCIM token' : 'no token'}: ${error.message}`);
        });
      }
    }
  }, 120_000);

  it('says in the OpenAPI document who may call each admin route', async () => {
    const document = (await (await server.call('/openapi.json')).json()) as {
      paths: Record<
        string,
        Record<string, { description?: string; 'x-relay-permission'?: string; 'x-relay-roles'?: string[] }>
      >;
    };
    for (const { route, key } of adminCases) {
      const operation = document.paths[route.path]![route.method]!;
      expect(operation['x-relay-permission'], key).toBe(route.permission);
      expect(operation['x-relay-roles'], key).toEqual(ROLES.filter((role) => can(role, route.permission!)));
      expect(operation.description, key).toContain(`Needs the ${route.permission} permission`);
    }
  });
});
