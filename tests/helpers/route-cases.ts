/**
 * One valid request for every route the API registers (server/openapi/registry.ts), keyed
 * "METHOD /openapi/path". The registry-driven tests (route-csrf, route-problems) send each route
 * these requests and the errors derived from them, and fail, naming what to add here, when a
 * registered route has no case: whoever adds a route adds its case.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../server/app';
import type { RouteDoc } from '../../server/openapi/registry';
import { contentInput, createContent, expectProblem, sync } from './api';
import { samplePng, uploadedImage } from './images';
import { AUDIT_ROUTE_CASES } from './route-cases-audit';
import { ADMINS_ROUTE_CASES } from './route-cases-admins';
import { AUDIENCE_ROUTE_CASES } from './route-cases-audiences';
import { INTEGRATION_ROUTE_CASES } from './route-cases-integration';
import { APPROVALS_ROUTE_CASES } from './route-cases-approvals';
import { cookieSignIn, type CookieSession } from './console';
import { createScimToken, expectScimError, GROUP_SCHEMA, scimClient, USER_SCHEMA } from './scim';
import { ADMIN_EMAIL, ADMIN_PASSWORD, type TestServer } from './server';

export const CASES_FILE = 'tests/helpers/route-cases.ts';

/** A request a route accepts, and what it answers. */
export interface CaseRequest {
  /** The concrete path, path parameters filled in. */
  path: string;
  /** Query string without "?", when the route takes one. */
  query?: string;
  /** The JSON body, for routes with a body. */
  json?: Record<string, unknown>;
  /** A binary body and its type, for routes that take one (an image upload). */
  upload?: { body: Uint8Array<ArrayBuffer>; type: string };
  /** The status it answers (a refusal after every check passed counts too, e.g. an address 422). */
  ok: number;
  /** A query the route refuses with 400 malformed-query (required for routes that take a query). */
  badQuery?: string;
  /** Further requests that must answer problem+json with this status. */
  errors?: { path: string; query?: string; status: number }[];
  /** It ends the admin session it is sent with (sign-out): send it with a session of its own. */
  endsSession?: boolean;
  /** A WebSocket upgrade: accepted means the socket opens. */
  websocket?: boolean;
}

/** What cases build their requests from; each call gives a fresh thing, so cases never share state. */
export interface CaseContext {
  server: TestServer;
  advocate(): Promise<string>;
  /** A fresh advocate's id (for admin routes about one advocate). */
  advocateId(): Promise<string>;
  content(overrides?: Record<string, unknown>): Promise<string>;
  invite(): Promise<string>;
  link(): Promise<string>;
  /** A fresh SCIM token, and its id (for the admin routes about one). */
  scimToken(): Promise<string>;
  scimTokenId(): Promise<string>;
  /** A fresh user and group provisioned over SCIM: their ids. */
  scimUser(): Promise<string>;
  scimGroup(): Promise<string>;
}

export type RouteCase = (ctx: CaseContext) => Promise<CaseRequest>;

const ROUTE_CASES: Record<string, RouteCase> = {
  'GET /healthz': async () => ({ path: '/healthz', ok: 200 }),
  'GET /livez': async () => ({ path: '/livez', ok: 200 }),
  'GET /readyz': async () => ({ path: '/readyz', ok: 200 }),
  'GET /openapi.json': async () => ({ path: '/openapi.json', ok: 200 }),
  'POST /v1/admin/session': async () => ({
    path: '/v1/admin/session',
    json: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
    ok: 200,
  }),
  'GET /v1/admin/session': async () => ({ path: '/v1/admin/session', ok: 200 }),
  'DELETE /v1/admin/session': async () => ({ path: '/v1/admin/session', ok: 204, endsSession: true }),
  'GET /v1/sign-in-options': async () => ({ path: '/v1/sign-in-options', ok: 200 }),
  // Single sign-on is off on the registry tests' servers: each SSO route answers 404 sso-off once
  // its input passed (tests/server/sso-*.test.ts drive them against a real OpenID provider).
  'GET /v1/sso/start': async () => ({ path: '/v1/sso/start', query: 'for=console', ok: 404, badQuery: 'for=nobody' }),
  'GET /v1/sso/callback': async () => ({
    path: '/v1/sso/callback',
    query: 'state=s&code=c',
    ok: 404,
    badQuery: 'code=c',
  }),
  'POST /v1/sso/exchange': async () => ({ path: '/v1/sso/exchange', json: { code: 'c'.repeat(43) }, ok: 404 }),
  'POST /v1/admin/invites': async () => ({ path: '/v1/admin/invites', json: { maxUses: 2 }, ok: 201 }),
  'GET /v1/admin/invites': async () => ({ path: '/v1/admin/invites', ok: 200 }),
  'DELETE /v1/admin/invites/{code}': async (ctx) => ({ path: `/v1/admin/invites/${await ctx.invite()}`, ok: 200 }),
  'POST /v1/admin/content': async () => ({ path: '/v1/admin/content', json: contentInput(), ok: 201 }),
  'GET /v1/admin/content': async () => ({
    path: '/v1/admin/content',
    query: 'status=draft&q=launch',
    ok: 200,
    badQuery: 'status=bogus',
  }),
  'GET /v1/admin/content/{id}': async (ctx) => ({ path: `/v1/admin/content/${await ctx.content()}`, ok: 200 }),
  'PATCH /v1/admin/content/{id}': async (ctx) => ({
    path: `/v1/admin/content/${await ctx.content()}`,
    json: { title: 'Patched' },
    ok: 200,
  }),
  'DELETE /v1/admin/content/{id}': async (ctx) => ({ path: `/v1/admin/content/${await ctx.content()}`, ok: 200 }),
  'POST /v1/admin/content/{id}/publish': async (ctx) => ({
    path: `/v1/admin/content/${await ctx.content()}/publish`,
    // Ignored unless a must-fix guideline is broken (none is here).
    json: { overrideReason: 'Approved by Legal' },
    ok: 200,
  }),
  'GET /v1/admin/advocates': async () => ({ path: '/v1/admin/advocates', ok: 200 }),
  'GET /v1/admin/analytics': async () => ({
    path: '/v1/admin/analytics',
    query: 'from=2026-01-01&to=2026-01-31',
    ok: 200,
    badQuery: 'from=yesterday',
  }),
  'GET /v1/admin/overview': async () => ({ path: '/v1/admin/overview', ok: 200 }),
  'GET /v1/admin/analytics.csv': async () => ({
    path: '/v1/admin/analytics.csv',
    query: 'table=perDay',
    ok: 200,
    badQuery: 'table=everything',
  }),
  // A refused address is still a 422 once every other check passed: no page outside is fetched.
  'POST /v1/admin/link-preview': async () => ({
    path: '/v1/admin/link-preview',
    json: { url: 'http://127.0.0.1/' },
    ok: 422,
  }),
  'POST /v1/admin/images': async () => ({
    path: '/v1/admin/images',
    upload: { body: samplePng(), type: 'image/png' },
    ok: 201,
  }),
  'GET /v1/images/{id}': async ({ server }) => ({
    path: `/v1/images/${(await uploadedImage(server)).id}`,
    ok: 200,
    errors: [{ path: '/v1/images/not-an-id', status: 404 }],
  }),
  'GET /v1/admin/guidelines': async () => ({ path: '/v1/admin/guidelines', ok: 200 }),
  'PUT /v1/admin/guidelines': async () => ({ path: '/v1/admin/guidelines', json: { bannedTerms: [] }, ok: 200 }),
  'GET /v1/admin/scoring': async () => ({ path: '/v1/admin/scoring', ok: 200 }),
  'GET /v1/admin/organization': async () => ({ path: '/v1/admin/organization', ok: 200 }),
  'PUT /v1/admin/organization': async () => ({
    path: '/v1/admin/organization',
    json: { name: 'Acme', logoUrl: null },
    ok: 200,
  }),
  'PUT /v1/admin/scoring': async ({ server }) => ({
    path: '/v1/admin/scoring',
    json: (await (await server.call('/v1/admin/scoring', { token: await server.adminToken() })).json()) as Record<
      string,
      unknown
    >,
    ok: 200,
  }),
  ...INTEGRATION_ROUTE_CASES,
  ...AUDIT_ROUTE_CASES,
  ...APPROVALS_ROUTE_CASES,
  ...ADMINS_ROUTE_CASES,
  ...AUDIENCE_ROUTE_CASES,
  'POST /v1/enroll': async (ctx) => ({
    path: '/v1/enroll',
    json: { code: await ctx.invite(), name: 'Val Id' },
    ok: 201,
  }),
  'GET /v1/sync': async () => ({ path: '/v1/sync', ok: 200, badQuery: 'cursor=not-a-cursor' }),
  'POST /v1/shares': async (ctx) => ({
    path: '/v1/shares',
    json: {
      events: [
        {
          id: randomUUID(),
          contentId: await ctx.content({ publish: true }),
          network: 'linkedin',
          sharedAt: new Date(ctx.server.clock.now).toISOString(),
        },
      ],
    },
    ok: 200,
  }),
  'DELETE /v1/admin/advocates/{id}': async (ctx) => ({
    path: `/v1/admin/advocates/${await ctx.advocateId()}`,
    query: 'erase=false',
    ok: 200,
    badQuery: 'erase=perhaps',
  }),
  'POST /v1/admin/advocates/{id}/restore': async (ctx) => {
    // What restoring is for: a work-account advocate an admin removed.
    const id = await ctx.advocateId();
    await ctx.server.deps.db
      .updateTable('advocates')
      .set({ subject: `idp|${id}`, access_ended: 'removed', access_ended_at: Date.now() })
      .where('id', '=', id)
      .execute();
    return { path: `/v1/admin/advocates/${id}/restore`, ok: 200 };
  },
  'GET /v1/me': async () => ({ path: '/v1/me', ok: 200 }),
  // Each case's advocate is a fresh one: signing out ends only that token.
  'DELETE /v1/me/token': async () => ({ path: '/v1/me/token', ok: 204 }),
  'PATCH /v1/me': async () => ({ path: '/v1/me', json: { team: 'Sales' }, ok: 200 }),
  'GET /v1/leaderboard': async () => ({
    path: '/v1/leaderboard',
    query: 'period=month&limit=10',
    ok: 200,
    badQuery: 'period=decade',
  }),
  'POST /v1/admin/scim-tokens': async () => ({ path: '/v1/admin/scim-tokens', json: { label: 'Entra ID' }, ok: 201 }),
  'GET /v1/admin/scim-tokens': async () => ({ path: '/v1/admin/scim-tokens', ok: 200 }),
  'DELETE /v1/admin/scim-tokens/{id}': async (ctx) => ({
    path: `/v1/admin/scim-tokens/${await ctx.scimTokenId()}`,
    ok: 200,
  }),
  'GET /v1/admin/provisioning': async () => ({ path: '/v1/admin/provisioning', ok: 200 }),
  'PUT /v1/admin/provisioning': async () => ({ path: '/v1/admin/provisioning', json: { onDelete: 'keep' }, ok: 200 }),
  'GET /v1/admin/groups': async () => ({ path: '/v1/admin/groups', ok: 200 }),
  'GET /scim/v2/ServiceProviderConfig': async () => ({ path: '/scim/v2/ServiceProviderConfig', ok: 200 }),
  'GET /scim/v2/ResourceTypes': async () => ({ path: '/scim/v2/ResourceTypes', ok: 200 }),
  'GET /scim/v2/ResourceTypes/{id}': async () => ({
    path: '/scim/v2/ResourceTypes/User',
    ok: 200,
    errors: [{ path: '/scim/v2/ResourceTypes/Nothing', status: 404 }],
  }),
  'GET /scim/v2/Schemas': async () => ({ path: '/scim/v2/Schemas', ok: 200 }),
  'GET /scim/v2/Schemas/{id}': async () => ({ path: `/scim/v2/Schemas/${USER_SCHEMA}`, ok: 200 }),
  'GET /scim/v2/Users': async () => ({
    path: '/scim/v2/Users',
    query: `filter=${encodeURIComponent('userName eq "nobody@example.com"')}&startIndex=1&count=100`,
    ok: 200,
    errors: [{ path: '/scim/v2/Users', query: `filter=${encodeURIComponent('userName xx "a"')}`, status: 400 }],
  }),
  'POST /scim/v2/Users': async () => ({ path: '/scim/v2/Users', json: scimUserBody(), ok: 201 }),
  'GET /scim/v2/Users/{id}': async (ctx) => ({ path: `/scim/v2/Users/${await ctx.scimUser()}`, ok: 200 }),
  'PUT /scim/v2/Users/{id}': async (ctx) => ({
    path: `/scim/v2/Users/${await ctx.scimUser()}`,
    json: scimUserBody(),
    ok: 200,
  }),
  'PATCH /scim/v2/Users/{id}': async (ctx) => ({
    path: `/scim/v2/Users/${await ctx.scimUser()}`,
    json: scimPatch({ op: 'replace', path: 'displayName', value: 'Patched Name' }),
    ok: 200,
  }),
  'DELETE /scim/v2/Users/{id}': async (ctx) => ({ path: `/scim/v2/Users/${await ctx.scimUser()}`, ok: 204 }),
  'GET /scim/v2/Groups': async () => ({ path: '/scim/v2/Groups', ok: 200 }),
  'POST /scim/v2/Groups': async () => ({ path: '/scim/v2/Groups', json: scimGroupBody(), ok: 201 }),
  'GET /scim/v2/Groups/{id}': async (ctx) => ({ path: `/scim/v2/Groups/${await ctx.scimGroup()}`, ok: 200 }),
  'PUT /scim/v2/Groups/{id}': async (ctx) => ({
    path: `/scim/v2/Groups/${await ctx.scimGroup()}`,
    json: scimGroupBody(),
    ok: 200,
  }),
  'PATCH /scim/v2/Groups/{id}': async (ctx) => ({
    path: `/scim/v2/Groups/${await ctx.scimGroup()}`,
    json: scimPatch({ op: 'add', path: 'members', value: [{ value: await ctx.scimUser() }] }),
    ok: 204,
  }),
  'DELETE /scim/v2/Groups/{id}': async (ctx) => ({ path: `/scim/v2/Groups/${await ctx.scimGroup()}`, ok: 204 }),
  'GET /v1/stream': async () => ({ path: '/v1/stream', ok: 101, websocket: true }),
  'GET /r/{code}': async (ctx) => ({ path: new URL(await ctx.link()).pathname, ok: 302 }),
  'GET /admin': async () => ({ path: '/admin', ok: 200 }),
  'GET /admin/{path}': async () => ({
    path: '/admin/assets/app.js',
    ok: 200,
    errors: [{ path: '/admin/assets/missing.js', status: 404 }],
  }),
};

function scimUserBody(): Record<string, unknown> {
  const userName = `case.${randomUUID()}@example.com`;
  return {
    schemas: [USER_SCHEMA],
    userName,
    name: { givenName: 'Case', familyName: 'User' },
    emails: [{ value: userName, type: 'work', primary: true }],
    active: true,
  };
}

function scimGroupBody(): Record<string, unknown> {
  return { schemas: [GROUP_SCHEMA], displayName: `Case group ${randomUUID()}`, members: [] };
}

function scimPatch(...Operations: Record<string, unknown>[]): Record<string, unknown> {
  return { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations };
}

export function routeKey(route: Pick<RouteDoc, 'method' | 'path'>): string {
  return `${route.method.toUpperCase()} ${route.path}`;
}

/** The routes of `server` as its registry lists them (the same app createApp builds for it). */
export function registeredRoutes(server: TestServer): readonly RouteDoc[] {
  return createApp(server.deps).api.list();
}

/**
 * What is wrong between `routes` and the cases, each saying what to do: a route without a case,
 * a route that takes a query without a badQuery, a case for a route no longer registered.
 */
export async function caseProblems(routes: readonly RouteDoc[], ctx: CaseContext): Promise<string[]> {
  const keys = new Set(routes.map(routeKey));
  const problems: string[] = [];
  for (const route of routes) {
    const key = routeKey(route);
    const build = ROUTE_CASES[key];
    if (!build) {
      problems.push(
        `${key} is registered but has no case: add '${key}': async (ctx) => ({ path, json?, query?, ok }) to ROUTE_CASES in ${CASES_FILE} (a request it accepts and the status it answers), so the CSRF and problem+json tests cover it.`,
      );
    } else if (route.query && !(await build(ctx)).badQuery) {
      problems.push(`${key} takes a query: give its case in ${CASES_FILE} a badQuery it refuses with 400.`);
    }
  }
  for (const key of Object.keys(ROUTE_CASES))
    if (!keys.has(key)) problems.push(`${key} has a case in ${CASES_FILE} but is not registered: remove the case.`);
  return problems;
}

/** The case of every route `server` registers; throws with caseProblems' list when any is wrong. */
export async function routeCases(
  server: TestServer,
  ctx: CaseContext,
): Promise<{ route: RouteDoc; key: string; build: () => Promise<CaseRequest> }[]> {
  const routes = registeredRoutes(server);
  const problems = await caseProblems(routes, ctx);
  if (problems.length) throw new Error(problems.join('\n'));
  return routes.map((route) => ({ route, key: routeKey(route), build: () => ROUTE_CASES[routeKey(route)]!(ctx) }));
}

/** A server for the registry-driven tests: its console served from a small build of its own. */
export function consoleFixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'relay-console-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><script type="module" src="/admin/assets/app.js"></script>');
  writeFileSync(join(dir, 'assets/app.js'), 'export {};\n');
  return dir;
}

/** The context cases build their requests from, on `server`. */
export function caseContext(server: TestServer): CaseContext {
  const advocate = async () => (await server.enroll('Case Carla')).token;
  const advocateId = async () => (await server.enroll('Case Cory')).id;
  const content = async (overrides: Record<string, unknown> = {}) => (await createContent(server, overrides)).id;
  const invite = async () => {
    const response = await server.call('/v1/admin/invites', {
      method: 'POST',
      json: {},
      token: await server.adminToken(),
    });
    return ((await response.json()) as { code: string }).code;
  };
  const link = async () => {
    const id = await content({ publish: true });
    const { body } = await sync(server, await advocate());
    return body.content.find((item) => item.id === id)!.links.linkedin!;
  };
  const scimToken = async () => (await createScimToken(server)).token;
  const scimTokenId = async () => (await createScimToken(server)).id;
  let scim: ReturnType<typeof scimClient> | undefined;
  const provision = async (path: string, body: Record<string, unknown>) => {
    scim ??= scimClient(server, await scimToken());
    return (await scim.json<{ id: string }>('POST', path, body, 201)).id;
  };
  const scimUser = () => provision('/Users', scimUserBody());
  const scimGroup = () => provision('/Groups', scimGroupBody());
  return { server, advocate, advocateId, content, invite, link, scimToken, scimTokenId, scimUser, scimGroup };
}

/** Headers that authenticate `route` the ordinary way (Bearer), or none for open routes. */
export async function bearerFor(route: RouteDoc, request: CaseRequest, ctx: CaseContext): Promise<string | undefined> {
  if (route.auth === 'advocate') return ctx.advocate();
  if (route.auth === 'scim') return ctx.scimToken();
  if (route.auth !== 'admin') return undefined;
  return request.endsSession ? (await cookieSignIn(ctx.server)).token : ctx.server.adminToken();
}

/**
 * Asserts the error answer a route gives: a SCIM Error message on SCIM routes (RFC 7644 §3.12),
 * problem+json (with `type`, when given) everywhere else.
 */
export async function expectRefusal(
  route: Pick<RouteDoc, 'auth'>,
  response: Response,
  status: number,
  type?: string,
): Promise<{ detail: string }> {
  return route.auth === 'scim' ? expectScimError(response, status) : expectProblem(response, status, type);
}

export type { CookieSession };
