/** Route cases (route-cases.ts) of integration health and selector overrides: the extension's counts, the admin's view, the overrides document. */
import { randomUUID } from 'node:crypto';
import type { RouteCase } from './route-cases';

export const INTEGRATION_ROUTE_CASES: Record<string, RouteCase> = {
  'GET /v1/admin/selectors': async () => ({ path: '/v1/admin/selectors', ok: 200 }),
  'PUT /v1/admin/selectors': async () => ({
    path: '/v1/admin/selectors',
    json: { linkedin: { editor: '.ql-editor[contenteditable="true"]' } },
    ok: 200,
  }),
  'POST /v1/integration-health': async (ctx) => ({
    path: '/v1/integration-health',
    json: {
      browser: randomUUID(),
      entries: [
        {
          site: 'linkedin',
          version: '1.0.0',
          day: new Date(ctx.server.clock.now).toISOString().slice(0, 10),
          counts: {
            composersSeen: 2,
            composersUnmatched: 0,
            insertionsConfirmed: 1,
            insertionsFailed: 0,
            publishesConfirmed: 1,
            publishesUnconfirmed: 0,
            overridesRefused: 0,
          },
        },
      ],
    },
    ok: 200,
  }),
  'GET /v1/admin/integration-health': async () => ({
    path: '/v1/admin/integration-health',
    query: 'days=7',
    ok: 200,
    badQuery: 'days=forever',
  }),
};
