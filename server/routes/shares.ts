/**
 * POST /v1/shares: the extension's outbox delivers share events here. Each event's id is made by
 * the client, so a retry after a lost answer counts once. Shares are taken on what the server can
 * check (lib/share-rules.ts): content the advocate could see at the share's time, on its networks,
 * at a time corrected for the client's clock; history is capped (services/share-store.ts), and
 * points are recomputed in the background, after the answer. While the database is unreachable,
 * shares are checked against the in-memory content catalogue and kept in the share spool.
 */
import { MAX_SHARES_PER_REQUEST, sharesRequestSchema, sharesResponseSchema } from '../../lib/schemas';
import { LIVE_TOLERANCE_MS } from '../../lib/share-rules';
import type { Deps } from '../context';
import { takeShares } from '../services/share-intake';
import { STORED_SHARES_PER_SLOT } from '../services/share-store';
import { defineRoute, type Route } from './define';

export function shareRoutes(deps: Deps): Route[] {
  return [
    defineRoute({
      method: 'post',
      path: '/v1/shares',
      summary:
        `Record up to ${MAX_SHARES_PER_REQUEST} shares; the same event id sent twice counts once. sharedAt is ` +
        `corrected by sentAt (or clamped to the server's now), and a share is taken for content that was live ` +
        `then (±${LIVE_TOLERANCE_MS / 60_000} minutes), on its networks; at most ${STORED_SHARES_PER_SLOT} ` +
        `events are kept per content and network (the earliest)`,
      tag: 'advocate',
      auth: 'advocate',
      // While the database is unreachable, a token it vouched for lately is believed, so the share is kept.
      whileUnreachable: true,
      rateLimit: { limit: 'token', per: 'advocate' },
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
            "Invalid events, unknown content (or content outside the advocate's audiences), a draft, content not live at the share time, a network the " +
            'content is not offered on, or personalized on a network whose share is the link alone (Facebook); errors[] names each as events.N.field',
        },
        429: { description: 'Too many requests for this token', headers: ['Retry-After'] },
        503: {
          description:
            'The database is unreachable and these shares cannot be kept now (content unknown here, or no room): send them again later',
          headers: ['Retry-After'],
        },
      },
      handler: async (c, { body }) => {
        const advocate = c.get('advocate');
        return c.json(await takeShares(deps, body, advocate.id, advocate.audience));
      },
    }),
  ];
}
