/**
 * POST /v1/shares: the extension's outbox delivers share events here. Each event's id is made by
 * the client, so a retry after a lost answer counts once.
 */
import { Hono } from 'hono';
import { sharesRequestSchema, sharesResponseSchema } from '../../lib/schemas';
import type { AppEnv, Deps } from '../context';
import { requireAdvocate } from '../middleware/auth';
import { rateLimit, type RateLimiter } from '../middleware/rate-limit';
import type { ApiRegistry } from '../openapi/registry';
import { ProblemError } from '../problem';
import { readJson } from '../validate';

/** Share times more than this far in the future are refused (a wrong device clock). */
const FUTURE_TOLERANCE_MS = 10 * 60_000;

export function shareRoutes(deps: Deps, api: ApiRegistry, tokenLimiter: RateLimiter): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  api.add({
    method: 'post',
    path: '/v1/shares',
    summary: 'Record shares; the same event id sent twice counts once',
    tag: 'advocate',
    auth: 'advocate',
    body: sharesRequestSchema,
    responses: {
      200: { description: 'How many were new and how many were already recorded', schema: sharesResponseSchema },
      400: { description: 'Malformed JSON' },
      401: { description: 'Missing or bad advocate token' },
      422: { description: 'Invalid events, an unknown contentId, or a time in the future' },
      429: { description: 'Too many requests for this token', headers: ['Retry-After'] },
    },
  });
  app.post(
    '/',
    requireAdvocate(deps),
    rateLimit(tokenLimiter, (c) => c.get('advocate').id),
    async (c) => {
      const { events } = await readJson(c, sharesRequestSchema);
      const advocate = c.get('advocate');
      const now = deps.now();
      const errors = events.flatMap((event, index) =>
        Date.parse(event.sharedAt) > now + FUTURE_TOLERANCE_MS
          ? [{ path: `events.${index}.sharedAt`, message: 'is in the future' }]
          : [],
      );
      const contentIds = [...new Set(events.map((event) => event.contentId))];
      const known = new Set(
        (await deps.db.selectFrom('content').select('id').where('id', 'in', contentIds).execute()).map((row) => row.id),
      );
      events.forEach((event, index) => {
        if (!known.has(event.contentId))
          errors.push({ path: `events.${index}.contentId`, message: 'is not known content' });
      });
      if (errors.length > 0) {
        throw new ProblemError(422, `The share events are not valid (${errors[0]!.path}: ${errors[0]!.message}).`, {
          type: 'validation',
          errors,
        });
      }
      const unique = [...new Map(events.map((event) => [event.id, event])).values()];
      const inserted = await deps.db
        .insertInto('shares')
        .values(
          unique.map((event) => ({
            id: event.id,
            advocate_id: advocate.id,
            content_id: event.contentId,
            network: event.network,
            shared_at: Date.parse(event.sharedAt),
            personalized: event.personalized ? 1 : 0,
            received_at: now,
          })),
        )
        .onConflict((oc) => oc.column('id').doNothing())
        .executeTakeFirst();
      const accepted = Number(inserted.numInsertedOrUpdatedRows ?? 0);
      // The leaderboard reads stored points: bring this advocate's up to date before answering.
      if (accepted > 0) await deps.scores.recompute([advocate.id]);
      return c.json({ accepted, duplicates: events.length - accepted });
    },
  );
  return app;
}
