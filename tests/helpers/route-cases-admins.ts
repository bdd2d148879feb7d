/** Route cases (route-cases.ts) of the admins API: list, add, change a role, remove; each on an admin of its own. */
import { randomUUID } from 'node:crypto';
import { insertAdmin } from '../../server/admins';
import type { CaseContext, RouteCase } from './route-cases';

/** A fresh editor to change or remove (without a password: no slow hashing per case). */
async function freshAdmin(ctx: CaseContext): Promise<string> {
  const email = `case-${randomUUID()}@relay.test`;
  return (await insertAdmin(ctx.server.deps.db, { email, password: undefined, role: 'editor' }, ctx.server.clock.now))
    .id;
}

export const ADMINS_ROUTE_CASES: Record<string, RouteCase> = {
  'GET /v1/admin/admins': async () => ({ path: '/v1/admin/admins', ok: 200 }),
  'POST /v1/admin/admins': async () => ({
    path: '/v1/admin/admins',
    json: { email: `new-${randomUUID()}@relay.test`, role: 'editor', password: 'new admin password' },
    ok: 201,
  }),
  'PATCH /v1/admin/admins/{id}': async (ctx) => ({
    path: `/v1/admin/admins/${await freshAdmin(ctx)}`,
    json: { role: 'approver' },
    ok: 200,
    errors: [{ path: '/v1/admin/admins/no-such-admin', status: 404 }],
  }),
  'DELETE /v1/admin/admins/{id}': async (ctx) => ({
    path: `/v1/admin/admins/${await freshAdmin(ctx)}`,
    ok: 200,
    errors: [{ path: '/v1/admin/admins/no-such-admin', status: 404 }],
  }),
};
