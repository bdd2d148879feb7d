/** GET /livez (the process answers), /readyz and /healthz (it can serve: the database answers and takes writes), and /openapi.json. */
import type { Context } from 'hono';
import { z } from 'zod';
import type { AppEnv, Deps } from '../context';
import type { ApiRegistry } from '../openapi/registry';
import { checkReady } from '../services/readiness';
import { defineRoute, type Route } from './define';

export const API_VERSION = '1.0.0';

const okSchema = z.object({ ok: z.literal(true) });
const readySchema = z.object({
  ok: z.literal(true),
  database: z.enum(['sqlite', 'postgres']),
  waiting: z.object({
    clicks: z.number().int().describe('clicks in the spool, not yet written'),
    shares: z.number().int().describe('requests whose shares were taken during an outage, not yet written'),
  }),
});
/** Health answers are never cached: each one is about now. */
function uncached(c: Context<AppEnv>, body: Record<string, unknown>): Response {
  c.header('cache-control', 'no-store');
  return c.json(body);
}

const notReadyDoc = { description: 'Not ready, and why (no internal detail)', headers: ['Retry-After'] };

export function healthRoutes(deps: Deps, api: ApiRegistry): Route[] {
  let document: Record<string, unknown> | undefined;
  return [
    defineRoute({
      method: 'get',
      path: '/livez',
      summary: 'Liveness: 200 while the process answers, whatever the database (restart it only when this fails)',
      tag: 'health',
      auth: 'none',
      responses: { 200: { description: 'Alive', schema: okSchema } },
      handler: (c) => uncached(c, { ok: true as const }),
    }),

    defineRoute({
      method: 'get',
      path: '/readyz',
      summary: 'Readiness: 200 when the database answers and takes writes; 503 with the reason otherwise',
      tag: 'health',
      auth: 'none',
      responses: { 200: { description: 'Ready', schema: readySchema }, 503: notReadyDoc },
      handler: async (c) => {
        await checkReady(deps);
        const waiting = { clicks: deps.clicks.pending, shares: deps.shareSpool.pending };
        return uncached(c, { ok: true as const, database: deps.dialect, waiting });
      },
    }),

    defineRoute({
      method: 'get',
      path: '/healthz',
      summary: 'Readiness, as /readyz, with the body {ok: true}',
      tag: 'health',
      auth: 'none',
      responses: { 200: { description: 'Ready', schema: okSchema }, 503: notReadyDoc },
      handler: async (c) => {
        await checkReady(deps);
        return uncached(c, { ok: true as const });
      },
    }),

    defineRoute({
      method: 'get',
      path: '/openapi.json',
      summary: 'This description (OpenAPI 3.1)',
      tag: 'health',
      auth: 'none',
      responses: { 200: { description: 'OpenAPI document' } },
      handler: (c) => c.json((document ??= api.document({ version: API_VERSION }))),
    }),
  ];
}
