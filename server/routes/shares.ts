/**
 * POST /v1/shares: the extension's outbox delivers share events here. Each event's id is made by
 * the client, so a retry after a lost answer counts once. Shares are taken on what the server can
 * check (lib/share-rules.ts): content the advocate could see at the share's time, on its networks,
 * at a time corrected for the client's clock; history is capped (services/share-store.ts), and
 * points are recomputed in the background, after the answer. While the database is unreachable,
 * shares are checked against the in-memory content catalogue and kept in the share spool.
 */
import { Hono } from 'hono';
import {
  MAX_SHARES_PER_REQUEST,
  sharesRequestSchema,
  sharesResponseSchema,
  type SharesRequest,
} from '../../lib/schemas';
import { checkShareBatch, LIVE_TOLERANCE_MS, type ShareContentFacts } from '../../lib/share-rules';
import type { AppEnv, Deps } from '../context';
import { failureKind } from '../db/failures';
import { unavailableProblem } from '../db/problems';
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
      503: {
        description:
          'The database is unreachable and these shares cannot be kept now (content unknown here, or no room): send them again later',
        headers: ['Retry-After'],
      },
    },
  });
  app.post(
    '/',
    // While the database is unreachable, a token it vouched for lately is believed, so the share is kept.
    requireAdvocate(deps, { whileUnreachable: true }),
    rateLimit(tokenLimiter, (c) => c.get('advocate').id),
    async (c) => {
      const request = await readJson(c, sharesRequestSchema);
      const advocate = c.get('advocate');
      const now = deps.now();
      try {
        return c.json(await record(request, advocate.id, now));
      } catch (error) {
        if (failureKind(error) !== 'unreachable') throw error;
        return c.json(hold(request, advocate.id, now));
      }
    },
  );

  async function record(request: SharesRequest, advocateId: string, now: number) {
    const contentIds = [...new Set(request.events.map((event) => event.contentId))];
    const rows = await deps.db
      .selectFrom('content')
      .select(['id', 'status', 'networks', 'publish_at', 'expires_at', 'live_from', 'live_until'])
      .where('id', 'in', contentIds)
      .execute();
    const facts = new Map(rows.map((row) => [row.id, shareFacts(row)]));
    const events = checked(request, now, (id) => facts.get(id));
    const accepted = await storeShares(deps.db, deps.dialect, advocateId, events, now);
    // The leaderboard reads stored points: they are recomputed in the background, not awaited.
    if (accepted > 0) deps.scores.schedule([advocateId]);
    return { accepted, duplicates: events.length - accepted };
  }

  /**
   * The database is unreachable: the shares are checked against the in-memory catalogue of content
   * and kept in the share spool, on disk, until it is back. Content the catalogue does not know
   * cannot be judged now: 503, and the extension sends it again later.
   */
  function hold(request: SharesRequest, advocateId: string, now: number) {
    const unavailable = unavailableProblem('unreachable');
    if (request.events.some((event) => !deps.content.get(event.contentId))) throw unavailable;
    const events = checked(request, now, (id) => deps.content.get(id)?.share);
    if (!deps.shareSpool.hold(advocateId, events, now)) throw unavailable;
    return { accepted: 0, duplicates: 0, queued: events.length };
  }

  /** The batch's events on the server's clock, or a 422 naming each one refused. */
  function checked(request: SharesRequest, now: number, factsOf: (id: string) => ShareContentFacts | undefined) {
    const { events, errors } = checkShareBatch(request, now, factsOf);
    if (errors.length > 0) {
      const first = errors[0]!;
      throw new ProblemError(422, `Some shares cannot be recorded (${first.path}: ${first.message})`, {
        type: 'validation',
        errors,
      });
    }
    return events;
  }

  return app;
}
