/**
 * GET /v1/leaderboard?period=week|month|all[&team=…][&limit=…]: the top advocates of the current
 * ISO week, UTC month or all time, and where the caller stands. Read from stored per-period
 * points (services/scores.ts keeps them), so it costs one index range scan. Opted-out advocates
 * are left out; with gamification off the answer is an empty list and `enabled: false`.
 */
import { leaderboardQuerySchema, leaderboardResponseSchema } from '../../lib/schemas';
import type { Deps } from '../context';
import { leaderboardFor } from '../services/leaderboard-answer';
import { ADVOCATE_REFUSALS, defineRoute, type Route } from './define';

export function leaderboardRoutes(deps: Deps): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/leaderboard',
      summary:
        'Top advocates of this week, this month or all time (ties share a rank; opted-out advocates are left out)',
      tag: 'advocate',
      auth: 'advocate',
      rateLimit: { limit: 'token', per: 'advocate' },
      query: leaderboardQuerySchema,
      responses: {
        200: { description: 'The leaderboard and your place on it', schema: leaderboardResponseSchema },
        400: { description: 'Malformed query (an unknown period, a bad limit)' },
        ...ADVOCATE_REFUSALS,
      },
      handler: async (c, { query }) => {
        c.header('cache-control', 'private, no-cache');
        return c.json(await leaderboardFor(deps, c.get('advocate').id, query, deps.now()));
      },
    }),
  ];
}
