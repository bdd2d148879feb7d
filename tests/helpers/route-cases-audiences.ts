/** Route cases (route-cases.ts) of audiences: console groups, their members, the audience picker's options and reach, an advocate's region. */
import { randomUUID } from 'node:crypto';
import type { CaseContext, RouteCase } from './route-cases';

/** A fresh console group's id. */
async function consoleGroup(ctx: CaseContext): Promise<string> {
  const response = await ctx.server.call('/v1/admin/groups', {
    method: 'POST',
    token: await ctx.server.adminToken(),
    json: { name: `Group ${randomUUID()}` },
  });
  if (response.status !== 201) throw new Error(`could not make a group: ${response.status}`);
  return ((await response.json()) as { id: string }).id;
}

export const AUDIENCE_ROUTE_CASES: Record<string, RouteCase> = {
  'POST /v1/admin/groups': async () => ({ path: '/v1/admin/groups', json: { name: `Team ${randomUUID()}` }, ok: 201 }),
  'PATCH /v1/admin/groups/{id}': async (ctx) => ({
    path: `/v1/admin/groups/${await consoleGroup(ctx)}`,
    json: { name: `Renamed ${randomUUID()}` },
    ok: 200,
  }),
  'DELETE /v1/admin/groups/{id}': async (ctx) => ({ path: `/v1/admin/groups/${await consoleGroup(ctx)}`, ok: 204 }),
  'PUT /v1/admin/groups/{id}/members': async (ctx) => ({
    path: `/v1/admin/groups/${await consoleGroup(ctx)}/members`,
    json: { advocateIds: [await ctx.advocateId()] },
    ok: 200,
  }),
  'GET /v1/admin/audiences': async () => ({ path: '/v1/admin/audiences', ok: 200 }),
  'GET /v1/admin/audiences/reach': async () => ({
    path: '/v1/admin/audiences/reach',
    query: 'audiences=region:DE,language:de',
    ok: 200,
    badQuery: 'audiences=region:not%20one',
  }),
  'PATCH /v1/admin/advocates/{id}': async (ctx) => ({
    path: `/v1/admin/advocates/${await ctx.advocateId()}`,
    json: { region: 'DE' },
    ok: 200,
  }),
};
