/**
 * GET /v1/sync: an advocate's extension asks for what changed since its cursor. The answer is
 * computed from the change counter and the clock, so scheduled items appear once due and expired
 * ones disappear with nobody touching them. A client that is current gets 304 from one query.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { syncResponseSchema, type AdvocateItem, type Network, type Variants } from '../../lib/schemas';
import { lineSchema } from '../../lib/text';
import type { AppEnv, Deps } from '../context';
import { requireAdvocate } from '../middleware/auth';
import { RateLimiter, rateLimit } from '../middleware/rate-limit';
import type { ApiRegistry } from '../openapi/registry';
import { isLive, type ContentRow } from '../services/content';
import { decodeCursor, encodeCursor } from '../services/cursor';
import { readDocuments } from '../services/documents';
import type { SyncState } from '../services/sync-state';
import { linksFor } from '../services/links';
import { readQuery } from '../validate';

const syncQuerySchema = z.object({
  cursor: lineSchema().min(1).max(64).optional().describe('the cursor of the previous sync; omit for a full snapshot'),
});

/** last_sync_at is written at most this often per advocate, so polling stays read-only. */
const LAST_SYNC_RESOLUTION_MS = 5 * 60_000;

export function etagFor(state: Pick<SyncState, 'seq' | 'boundary'>, clickTracking: boolean): string {
  return `W/"${state.seq.toString(36)}-${state.boundary.toString(36)}-${clickTracking ? 't' : 'd'}"`;
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const strip = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || strip(tag) === strip(etag));
}

export function syncRoutes(deps: Deps, api: ApiRegistry, tokenLimiter: RateLimiter): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { db } = deps;

  async function changedRows(since: { seq: number; time: number } | null, now: number): Promise<ContentRow[]> {
    if (!since) {
      return db
        .selectFrom('content')
        .selectAll()
        .where('status', '=', 'published')
        .where((eb) => eb.or([eb('publish_at', 'is', null), eb('publish_at', '<=', now)]))
        .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
        .execute();
    }
    // The cursor's snapshot counted as live exactly the rows due and unexpired at `since.time`, so
    // only schedule and expiry boundaries after that moment change what the client has. (Writes are
    // caught by seq.) Widening this window would resend unchanged items on every delta.
    const from = since.time;
    return db
      .selectFrom('content')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb('seq', '>', since.seq),
          eb.and([eb('publish_at', '>', from), eb('publish_at', '<=', now)]),
          eb.and([eb('expires_at', '>', from), eb('expires_at', '<=', now)]),
        ]),
      )
      .execute();
  }

  /** The delta since the cursor plus every live item (its links are to be replaced). */
  async function allChangedRows(since: { seq: number; time: number }, now: number): Promise<ContentRow[]> {
    const [delta, live] = await Promise.all([changedRows(since, now), changedRows(null, now)]);
    return [...new Map([...delta, ...live].map((row) => [row.id, row])).values()];
  }

  api.add({
    method: 'get',
    path: '/v1/sync',
    summary: 'Live content, guidelines and scoring: a snapshot, or a delta since a cursor',
    tag: 'advocate',
    auth: 'advocate',
    query: syncQuerySchema,
    responses: {
      200: { description: 'Snapshot or delta', schema: syncResponseSchema, headers: ['ETag'] },
      304: { description: 'Nothing changed since the ETag sent in If-None-Match' },
      400: { description: 'Malformed query, or a cursor this server did not issue' },
      401: { description: 'Missing or bad advocate token' },
      403: { description: 'An admin token' },
      429: { description: 'Too many requests for this token', headers: ['Retry-After'] },
    },
  });
  app.get(
    '/',
    requireAdvocate(deps),
    rateLimit(tokenLimiter, (c) => c.get('advocate').id),
    async (c) => {
      const query = readQuery(c, syncQuerySchema);
      const advocate = c.get('advocate');
      const now = deps.now();
      const state = await deps.syncState.read();
      const cursor = query.cursor ? decodeCursor(query.cursor, { seq: state.seq, now }) : null;
      const etag = etagFor(state, advocate.clickTracking);
      c.header('etag', etag);
      c.header('cache-control', 'private, no-cache');
      if (advocate.lastSyncAt === null || now - advocate.lastSyncAt >= LAST_SYNC_RESOLUTION_MS) {
        await db.updateTable('advocates').set({ last_sync_at: now }).where('id', '=', advocate.id).execute();
      }
      if (matches(c.req.header('if-none-match'), etag)) return c.body(null, 304);

      // The advocate switched click tracking since this cursor: every live item's links changed.
      const linksChanged = cursor !== null && Boolean(cursor.direct) !== !advocate.clickTracking;
      const [rows, documents] = await Promise.all([
        linksChanged ? allChangedRows(cursor, now) : changedRows(cursor, now),
        readDocuments(db),
      ]);
      const live = rows.filter((row) => isLive(row, now));
      const removed = rows.filter((row) => !isLive(row, now)).map((row) => row.id);
      live.sort((a, b) => (b.publish_at ?? b.created_at) - (a.publish_at ?? a.created_at) || a.id.localeCompare(b.id));
      const parsed = live.map((row) => ({ row, networks: JSON.parse(row.networks) as Network[] }));
      const links = await linksFor(
        db,
        advocate,
        parsed.map(({ row, networks }) => ({
          id: row.id,
          url: row.url,
          title: row.title,
          campaign: row.campaign,
          networks,
        })),
        {
          publicUrl: deps.config.publicUrl,
          utmMedium: deps.config.utmMedium,
          now,
          handedOut: (code, contentId, network) =>
            deps.links.remember(
              { code, advocateId: advocate.id, contentId, network },
              { ref: advocate.ref, tracking: advocate.clickTracking },
            ),
        },
      );
      const content: AdvocateItem[] = parsed.map(({ row, networks }) => ({
        id: row.id,
        title: row.title,
        url: row.url,
        note: row.note,
        imageUrl: row.image_url,
        campaign: row.campaign,
        language: row.language,
        tags: JSON.parse(row.tags) as string[],
        variants: JSON.parse(row.variants) as Variants,
        networks,
        publishAt: row.publish_at === null ? null : new Date(row.publish_at).toISOString(),
        expiresAt: row.expires_at === null ? null : new Date(row.expires_at).toISOString(),
        createdAt: new Date(row.created_at).toISOString(),
        updatedAt: new Date(row.updated_at).toISOString(),
        links: links.get(row.id) ?? {},
      }));
      return c.json({
        cursor: encodeCursor({ seq: state.seq, time: now, direct: !advocate.clickTracking }),
        content,
        removed,
        guidelines: documents.guidelines,
        scoring: documents.scoring,
      });
    },
  );
  return app;
}
