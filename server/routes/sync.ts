/**
 * GET /v1/sync: an advocate's extension asks for what changed since its cursor (services/sync-answer.ts).
 * A client that is current gets 304 from one query.
 */
import { z } from 'zod';
import { syncResponseSchema } from '../../lib/schemas';
import { lineSchema } from '../../lib/text';
import type { Deps } from '../context';
import { decodeCursor } from '../services/cursor';
import { etagFor, noteSync, syncAnswer, withBrowserLanguage } from '../services/sync-answer';
import { ADVOCATE_REFUSALS, defineRoute, type Route } from './define';

const syncQuerySchema = z.object({
  cursor: lineSchema().min(1).max(64).optional().describe('the cursor of the previous sync; omit for a full snapshot'),
});

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const strip = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || strip(tag) === strip(etag));
}

export function syncRoutes(deps: Deps): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/sync',
      summary: 'Live content, guidelines and scoring: a snapshot, or a delta since a cursor',
      tag: 'advocate',
      auth: 'advocate',
      rateLimit: { limit: 'token', per: 'advocate' },
      query: syncQuerySchema,
      responses: {
        200: { description: 'Snapshot or delta', schema: syncResponseSchema, headers: ['ETag'] },
        304: { description: 'Nothing changed since the ETag sent in If-None-Match' },
        400: { description: 'Malformed query, or a cursor this server did not issue' },
        ...ADVOCATE_REFUSALS,
      },
      handler: async (c, { query }) => {
        const advocate = await withBrowserLanguage(deps, c.get('advocate'), c.req.header('accept-language'));
        const now = deps.now();
        const state = await deps.syncState.read();
        const cursor = query.cursor ? decodeCursor(query.cursor, { seq: state.seq, now }) : null;
        const etag = etagFor(state, advocate.clickTracking, advocate.audience, advocate.language);
        c.header('etag', etag);
        c.header('cache-control', 'private, no-cache');
        await noteSync(deps, advocate, now);
        if (matches(c.req.header('if-none-match'), etag)) return c.body(null, 304);
        return c.json(await syncAnswer(deps, advocate, cursor, state, now));
      },
    }),
  ];
}
