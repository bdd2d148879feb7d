/**
 * POST /v1/shares: the extension's outbox delivers share events here. Each event's id is made by
 * the client, so a retry after a lost answer counts once. Shares are taken on what the server can
 * check (lib/share-rules.ts): content the advocate could see at the share's time, on its networks,
 * at a time corrected for the client's clock; history is capped (services/share-store.ts), and
 * points are recomputed in the background, after the answer.
 */
import { Hono } from 'hono';
import { MAX_SHARES_PER_REQUEST, sharesRequestSchema, sharesResponseSchema } from '../../lib/schemas';
import { checkShareBatch, LIVE_TOLERANCE_MS } from '../../lib/share-rules';
import type { AppEnv, Deps } from '../context';
import { requireAdvocate } from '../middleware/auth';
import { rateLimit, type RateLimiter } from '../middleware/rate-limit';
import type { ApiRegistry } from '../openapi/registry';
import { ProblemError } from '../problem';
import { shareFacts } from '../services/content';
import { STORED_SHARES_PER_SLOT, storeShares } from '../services/share-store';
import { readJson } from '../validate';

export function shareRoutes(deps: Deps, api: ApiRegistry, tokenLimiter: RateLimiter): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  api.add({
    method: 'post',
    path: '/v1/shares',
    summary:
      `Record up to ${MAX_SHARES_PER_REQUEST} shares; the same event id sent twice counts once. sharedAt is ` +
      `corrected by sentAt (or clamped to the server's now), and a share is taken for content that was live ` +
      `then (±${LIVE_TOLERANCE_MS / 60_000} minutes), on its networks; at most ${STORED_SHARES_PER_SLOT} ` +
      `events are kept per content and network (the earliest)`,
    tag: 'advocate',
    auth: 'advocate',
    body: sharesRequestSchema,
    responses: {
      200: {
        description: 'How many were stored, and how many were already recorded or beyond the cap',
        schema: sharesResponseSchema,
      },
      400: { description: 'Malformed JSON' },
      401: { description: 'Missing or bad advocate token' },
      422: {
        description:
          'Invalid events, unknown content, a draft, content not live at the share time, a network the ' +
          'content is not offered on, or personalized on Facebook; errors[] names each as events.N.field',
      },
      429: { description: 'Too many requests for this token', headers: ['Retry-After'] },
    },
  });
  app.post(
    '/',
    requireAdvocate(deps),
    rateLimit(tokenLimiter, (c) => c.get('advocate').id),
    async (c) => {
      const request = await readJson(c, sharesRequestSchema);
      const advocate = c.get('advocate');
      const now = deps.now();
      const contentIds = [...new Set(request.events.map((event) => event.contentId))];
      const rows = await deps.db
        .selectFrom('content')
        .select(['id', 'status', 'networks', 'publish_at', 'expires_at', 'live_from', 'live_until'])
        .where('id', 'in', contentIds)
        .execute();
      const facts = new Map(rows.map((row) => [row.id, shareFacts(row)]));
      const { events, errors } = checkShareBatch(request, now, (id) => facts.get(id));
      if (errors.length > 0) {
        const first = errors[0]!;
        throw new ProblemError(422, `Some shares cannot be recorded (${first.path}: ${first.message})`, {
          type: 'validation',
          errors,
        });
      }
      const accepted = await storeShares(deps.db, deps.dialect, advocate.id, events, now);
      // The leaderboard reads stored points: they are recomputed in the background, not awaited.
      if (accepted > 0) deps.scores.schedule([advocate.id]);
      return c.json({ accepted, duplicates: events.length - accepted });
    },
  );
  return app;
}
