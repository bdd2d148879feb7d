/**
 * GET /v1/me: the advocate's points, level, streak, badges, ranks and weekly points (computed from
 * their own events with the shared scoring module, the same numbers the popup computes).
 * PATCH /v1/me: the advocate's privacy choices (click tracking, leaderboard) and team.
 */
import { Hono } from 'hono';
import { clicksByPeriod, countedShares, toMeHistory } from '../../lib/history-summary';
import { recentWeeks } from '../../lib/scoring';
import { PERIODS, meResponseSchema, mePatchSchema, type MeResponse, type Period } from '../../lib/schemas';
import type { AdvocatePrincipal, AppEnv, Deps } from '../context';
import { requireAdvocate } from '../middleware/auth';
import { rateLimit, type RateLimiter } from '../middleware/rate-limit';
import type { ApiRegistry } from '../openapi/registry';
import { readDocuments } from '../services/documents';
import { bucketFor, rankOf } from '../services/leaderboard';
import { loadScoreInputs, scoreInputs } from '../services/scores';
import { readJson } from '../validate';

/** Weeks of points history in GET /v1/me, for the popup's chart. */
const CHART_WEEKS = 12;

export async function readMe(deps: Deps, advocate: Pick<AdvocatePrincipal, 'id' | 'name'>): Promise<MeResponse> {
  const { db } = deps;
  const now = deps.now();
  const [documents, inputs, row] = await Promise.all([
    readDocuments(db),
    loadScoreInputs(db, [advocate.id]),
    db
      .selectFrom('advocates')
      .select(['name', 'team', 'click_tracking', 'leaderboard'])
      .where('id', '=', advocate.id)
      .executeTakeFirstOrThrow(),
  ]);
  const own = inputs.get(advocate.id)!;
  const score = scoreInputs(own, documents.scoring, now);
  const listed = row.leaderboard === 1;
  const standing = async (period: Period) => {
    const bucket = bucketFor(period, now);
    const points =
      period === 'all' ? score.points : ((period === 'week' ? score.weeks : score.months)[bucket.key] ?? 0);
    const rank = score.enabled && listed ? await rankOf(db, { bucket: bucket.key }, points) : null;
    return [period, { points, rank }] as const;
  };
  const periods = Object.fromEntries(await Promise.all(PERIODS.map(standing))) as MeResponse['periods'];
  return {
    advocate: { id: advocate.id, name: row.name, team: row.team },
    enabled: score.enabled,
    points: score.points,
    level: score.level,
    streak: score.streak.current,
    bestStreak: score.streak.best,
    rank: periods.all.rank,
    periods,
    shares: score.shares,
    clicks: score.clicks,
    badges: score.badges,
    weeks: recentWeeks(score.weeks, now, CHART_WEEKS),
    settings: { clickTracking: row.click_tracking === 1, leaderboard: listed },
    // Summarised (lib/history-summary.ts): bounded by the content shared, however many events came in.
    history: toMeHistory(countedShares(own.shares), clicksByPeriod(own.clicks)),
  };
}

export function meRoutes(deps: Deps, api: ApiRegistry, tokenLimiter: RateLimiter): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const advocateOnly = [requireAdvocate(deps), rateLimit(tokenLimiter, (c) => c.get('advocate').id)] as const;

  api.add({
    method: 'get',
    path: '/v1/me',
    summary: 'Your points, level, streak, badges, ranks, weekly points and privacy settings',
    tag: 'advocate',
    auth: 'advocate',
    responses: {
      200: { description: 'Where you stand', schema: meResponseSchema },
      401: { description: 'Missing or bad advocate token' },
      403: { description: 'An admin token' },
      429: { description: 'Too many requests for this token', headers: ['Retry-After'] },
    },
  });
  app.get('/', ...advocateOnly, async (c) => {
    c.header('cache-control', 'private, no-cache');
    return c.json(await readMe(deps, c.get('advocate')));
  });

  api.add({
    method: 'patch',
    path: '/v1/me',
    summary: 'Change your privacy choices (click tracking, leaderboard) or team',
    tag: 'advocate',
    auth: 'advocate',
    body: mePatchSchema,
    responses: {
      200: { description: 'The changed settings, and where you stand', schema: meResponseSchema },
      400: { description: 'Malformed JSON' },
      401: { description: 'Missing or bad advocate token' },
      403: { description: 'An admin token' },
      422: { description: 'Invalid settings' },
      429: { description: 'Too many requests for this token', headers: ['Retry-After'] },
    },
  });
  app.patch('/', ...advocateOnly, async (c) => {
    const patch = await readJson(c, mePatchSchema);
    const advocate = c.get('advocate');
    await deps.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('advocates')
        .set({
          ...(patch.clickTracking !== undefined ? { click_tracking: patch.clickTracking ? 1 : 0 } : {}),
          ...(patch.leaderboard !== undefined ? { leaderboard: patch.leaderboard ? 1 : 0 } : {}),
          ...(patch.team !== undefined ? { team: patch.team } : {}),
        })
        .where('id', '=', advocate.id)
        .execute();
      // The leaderboard's copies of these, so it stays one index scan.
      if (patch.leaderboard !== undefined || patch.team !== undefined) {
        await trx
          .updateTable('advocate_points')
          .set({
            ...(patch.leaderboard !== undefined ? { listed: patch.leaderboard ? 1 : 0 } : {}),
            ...(patch.team !== undefined ? { team: patch.team } : {}),
          })
          .where('advocate_id', '=', advocate.id)
          .execute();
      }
    });
    // Redirects of this advocate's links count clicks, or not, from now on.
    if (patch.clickTracking !== undefined) deps.links.setTracking(advocate.id, patch.clickTracking);
    c.header('cache-control', 'private, no-cache');
    return c.json(await readMe(deps, advocate));
  });
  return app;
}
