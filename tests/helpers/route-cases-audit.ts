/** Route cases (route-cases.ts) of the audit log: reading it, exporting it and its retention settings. */
import type { RouteCase } from './route-cases';

export const AUDIT_ROUTE_CASES: Record<string, RouteCase> = {
  'GET /v1/admin/audit': async () => ({
    path: '/v1/admin/audit',
    query: 'action=content.&limit=10',
    ok: 200,
    badQuery: 'from=yesterday',
    errors: [{ path: '/v1/admin/audit', query: 'cursor=bm90LWEtY3Vyc29y', status: 400 }],
  }),
  'GET /v1/admin/audit/export': async () => ({
    path: '/v1/admin/audit/export',
    query: 'format=csv',
    ok: 200,
    badQuery: 'format=xml',
  }),
  'GET /v1/admin/audit/settings': async () => ({ path: '/v1/admin/audit/settings', ok: 200 }),
  'PUT /v1/admin/audit/settings': async () => ({
    path: '/v1/admin/audit/settings',
    json: { retentionDays: 2_190 },
    ok: 200,
  }),
};
