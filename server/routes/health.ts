/** GET /healthz (the database answers) and GET /openapi.json (the API's description). */
import { Hono } from 'hono';
import { sql } from 'kysely';
import { z } from 'zod';
import type { AppEnv, Deps } from '../context';
import type { ApiRegistry } from '../openapi/registry';
import { ProblemError } from '../problem';

export const API_VERSION = '1.0.0';

export function healthRoutes(deps: Deps, api: ApiRegistry): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  api.add({
    method: 'get',
    path: '/healthz',
    summary: 'Liveness: 200 once the database answers',
    tag: 'health',
    auth: 'none',
    responses: {
      200: { description: 'Healthy', schema: z.object({ ok: z.literal(true) }) },
      503: { description: 'The database does not answer' },
    },
  });
  app.get('/healthz', async (c) => {
    try {
      await sql`select 1`.execute(deps.db);
    } catch (error) {
      throw new ProblemError(503, `The database does not answer: ${(error as Error).message}`, { type: 'unavailable' });
    }
    c.header('cache-control', 'no-store');
    return c.json({ ok: true as const });
  });

  api.add({
    method: 'get',
    path: '/openapi.json',
    summary: 'This description (OpenAPI 3.1)',
    tag: 'health',
    auth: 'none',
    responses: { 200: { description: 'OpenAPI document' } },
  });
  let document: Record<string, unknown> | undefined;
  app.get('/openapi.json', (c) => c.json((document ??= api.document({ version: API_VERSION }))));
  return app;
}
