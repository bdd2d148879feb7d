/** Route cases (route-cases.ts) of the approval workflow: submit, reject, the queues, notifications and the approvals setting. */
import type { RouteCase } from './route-cases';

export const APPROVALS_ROUTE_CASES: Record<string, RouteCase> = {
  // Approvals are off on the registry tests' servers (turning them on would change every other
  // case): submit answers 409 approvals-off and reject 409 not-pending once their input passed
  // (tests/server/approvals-*.test.ts drive them with approvals on).
  'POST /v1/admin/content/{id}/submit': async (ctx) => ({
    path: `/v1/admin/content/${await ctx.content()}/submit`,
    json: { note: 'Ready for review' },
    ok: 409,
  }),
  'POST /v1/admin/content/{id}/reject': async (ctx) => ({
    path: `/v1/admin/content/${await ctx.content()}/reject`,
    json: { comment: 'Please add the disclosure line' },
    ok: 409,
  }),
  'GET /v1/admin/approvals': async () => ({ path: '/v1/admin/approvals', ok: 200 }),
  'GET /v1/admin/notifications': async () => ({ path: '/v1/admin/notifications', ok: 200 }),
  'POST /v1/admin/notifications/read': async () => ({
    path: '/v1/admin/notifications/read',
    json: { ids: ['no-such-notification'] },
    ok: 200,
  }),
  'GET /v1/admin/settings/approvals': async () => ({ path: '/v1/admin/settings/approvals', ok: 200 }),
  'PUT /v1/admin/settings/approvals': async () => ({
    path: '/v1/admin/settings/approvals',
    json: { enabled: false, email: false },
    ok: 200,
  }),
};
