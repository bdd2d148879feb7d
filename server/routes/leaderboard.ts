/**
 * GET /v1/leaderboard?period=week|month|all[&team=…][&limit=…]: the top advocates of the current
 * ISO week, UTC month or all time, and where the caller stands. Read from stored per-period
 * points (services/scores.ts keeps them), so it costs one index range scan. Opted-out advocates
 * are left out; with gamification off the answer is an empty list and `enabled: false`.
 */
import { Hono } from 'hono';
import { leaderboardQuerySchema, leaderboardResponseSchema, type LeaderboardResponse } from '../../lib/schemas';
import type { AppEnv, Deps } from '../context';
import { requireAdvocate } from '../middleware/auth';
import { rateLimit, type RateLimiter } from '../middleware/rate-limit';
import type { ApiRegistry } from '../openapi/registry';
import { readDocuments } from '../services/documents';
import { bucketFor, readBoard } from '../services/leaderboard';
import { readQuery } from '../validate';

export function leaderboardRoutes(deps: Deps, api: ApiRegistry, tokenLimiter: RateLimiter): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  api.add({
    method: 'get',
    path: '/v1/leaderboard',
    summary: 'Top advocates of this week, this month or all time (ties share a rank; opted-out advocates are left out)',
    tag: 'advocate',
    auth: 'advocate',
    query: leaderboardQuerySchema,
    responses: {
      200: { description: 'The leaderboard and your place on it', schema: leaderboardResponseSchema },
      400: { description: 'Malformed query (an unknown period, a bad limit)' },
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
      const query = readQuery(c, leaderboardQuerySchema);
      const advocate = c.get('advocate');
      const now = deps.now();
      c.header('cache-control', 'private, no-cache');
      const [documents, row] = await Promise.all([
        readDocuments(deps.db),
        deps.db
          .selectFrom('advocates')
          .select(['name', 'team', 'leaderboard'])
          .where('id', '=', advocate.id)
          .executeTakeFirstOrThrow(),
      ]);
      const team = query.team ?? null;
      if (!documents.scoring.enabled) {
        return c.json({
          period: query.period,
          enabled: false,
          from: null,
          team,
          entries: [],
          you: null,
        } satisfies LeaderboardResponse);
      }
      const bucket = bucketFor(query.period, now);
      const listed = row.leaderboard === 1;
      const board = await readBoard(
        deps.db,
        { bucket: bucket.key, limit: query.limit, ...(query.team !== undefined ? { team: query.team } : {}) },
        { id: advocate.id, listed, team: row.team },
      );
      const body: LeaderboardResponse = {
        period: query.period,
        enabled: true,
        from: bucket.from === null ? null : new Date(bucket.from).toISOString(),
        team,
        entries: board.entries.map((entry) => ({
          rank: entry.rank,
          name: entry.name,
          points: entry.points,
          team: entry.team,
          you: entry.advocateId === advocate.id,
        })),
        you: { rank: board.you.rank, name: row.name, points: board.you.points, team: row.team, listed },
      };
      return c.json(body);
    },
  );
  return app;
}
