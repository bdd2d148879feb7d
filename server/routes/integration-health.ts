/**
 * Integration health (not the server's own /livez /readyz /healthz, routes/health.ts): the
 * extension reports its daily counts per composer site and version, the console reads them.
 */
import {
  adminHealthQuerySchema,
  adminHealthResponseSchema,
  healthReportResponseSchema,
  healthReportSchema,
  MAX_HEALTH_ENTRIES,
} from '../../lib/schemas';
import type { Deps } from '../context';
import { readHealth, storeHealthReport } from '../services/integration-health';
import { ADVOCATE_REFUSALS, defineRoute, type Route } from './define';

const DEFAULT_DAYS = 14;

export function integrationHealthRoutes(deps: Deps): Route[] {
  return [
    defineRoute({
      method: 'post',
      path: '/v1/integration-health',
      summary:
        `A browser's running counts per composer site, extension version and UTC day (up to ${MAX_HEALTH_ENTRIES} ` +
        'entries): the latest totals per key are kept, so sending the same report twice counts once',
      tag: 'advocate',
      auth: 'advocate',
      rateLimit: { limit: 'token', per: 'advocate' },
      body: healthReportSchema,
      responses: {
        200: { description: 'How many entries were stored', schema: healthReportResponseSchema },
        400: { description: 'Malformed JSON' },
        422: { description: 'Invalid report' },
        ...ADVOCATE_REFUSALS,
      },
      handler: async (c, { body }) => c.json({ stored: await storeHealthReport(deps.db, body, deps.now()) }),
    }),
    defineRoute({
      method: 'get',
      path: '/v1/admin/integration-health',
      summary: `The extensions' counts per composer site, version and day, added over browsers (last ${DEFAULT_DAYS} days unless asked)`,
      tag: 'analytics',
      auth: 'admin',
      permission: 'settings.read',
      query: adminHealthQuerySchema,
      responses: {
        200: { description: 'Counts per site, version and day', schema: adminHealthResponseSchema },
        400: { description: 'Malformed query' },
      },
      handler: async (c, { query }) => {
        const now = deps.now();
        const days = query.days ?? DEFAULT_DAYS;
        const rows = await readHealth(deps.db, now, days);
        return c.json({ today: new Date(now).toISOString().slice(0, 10), days, rows });
      },
    }),
  ];
}
