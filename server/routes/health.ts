/** GET /livez (the process answers), /readyz and /healthz (it can serve: the database answers and takes writes), and /openapi.json. */
import { Hono } from 'hono';
import { sql } from 'kysely';
import { z } from 'zod';
import type { AppEnv, Deps } from '../context';
import { RETRY_AFTER } from '../db/availability';
import type { ApiRegistry } from '../openapi/registry';
import { ProblemError } from '../problem';

export const API_VERSION = '1.0.0';

const readySchema = z.object({
  ok: z.literal(true),
  database: z.enum(['sqlite', 'postgres']),
  waiting: z.object({
    clicks: z.number().int().describe('clicks in the spool, not yet written'),
    shares: z.number().int().describe('requests whose shares were taken during an outage, not yet written'),
  }),
});

function notReady(detail: string, retryAfter: number): ProblemError {
  return new ProblemError(503, `Not ready: ${detail}`, {
    type: 'not-ready',
    title: 'Service Unavailable',
    headers: { 'retry-after': String(retryAfter), 'cache-control': 'no-store' },
  });
}

/** Throws a 503 saying why this instance should not get traffic; never the database's own words. */
async function checkReady(deps: Deps): Promise<void> {
  if (deps.lifecycle.shuttingDown) throw notReady('the server is shutting down.', 1);
  const { availability } = deps;
  const unreachable = () => notReady('the database cannot be reached.', RETRY_AFTER.unreachable);
  if (!availability.reachable) throw unreachable();
  try {
    await sql`select 1`.execute(deps.db);
  } catch (error) {
    availability.report(error);
    throw unreachable();
  }
  availability.checkRoom();
  if (!availability.writable) {
    // Writes failed last time: see whether one goes through now (it rewrites a row as it was).
    try {
      await deps.db
        .updateTable('counters')
        .set({ value: sql`value` })
        .where('name', '=', 'seq')
        .execute();
      availability.writeSucceeded();
    } catch (error) {
      availability.report(error);
    }
    // Still failing (or too little room for more than that small write).
    if (!availability.writable) {
      throw notReady('the database cannot save data (its storage may be full).', RETRY_AFTER.storage);
    }
  }
}

export function healthRoutes(deps: Deps, api: ApiRegistry): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const notReadyDoc = { description: 'Not ready, and why (no internal detail)', headers: ['Retry-After'] };

  api.add({
    method: 'get',
    path: '/livez',
    summary: 'Liveness: 200 while the process answers, whatever the database (restart it only when this fails)',
    tag: 'health',
    auth: 'none',
    responses: { 200: { description: 'Alive', schema: z.object({ ok: z.literal(true) }) } },
  });
  app.get('/livez', (c) => {
    c.header('cache-control', 'no-store');
    return c.json({ ok: true as const });
  });

  api.add({
    method: 'get',
    path: '/readyz',
    summary: 'Readiness: 200 when the database answers and takes writes; 503 with the reason otherwise',
    tag: 'health',
    auth: 'none',
    responses: { 200: { description: 'Ready', schema: readySchema }, 503: notReadyDoc },
  });
  app.get('/readyz', async (c) => {
    await checkReady(deps);
    c.header('cache-control', 'no-store');
    const waiting = { clicks: deps.clicks.pending, shares: deps.shareSpool.pending };
    return c.json({ ok: true as const, database: deps.dialect, waiting });
  });

  api.add({
    method: 'get',
    path: '/healthz',
    summary: 'Readiness, as /readyz, with the body {ok: true}',
    tag: 'health',
    auth: 'none',
    responses: { 200: { description: 'Ready', schema: z.object({ ok: z.literal(true) }) }, 503: notReadyDoc },
  });
  app.get('/healthz', async (c) => {
    await checkReady(deps);
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
