/** The console's home (GET /v1/admin/overview): the last 30 days' shares and clicks, this week against last, top posts, and posts going live or expiring soon. */
import { OVERVIEW_DAYS, OVERVIEW_EXPIRING_DAYS, OVERVIEW_LIST, type Overview } from '../../lib/console-schemas';
import type { Deps } from '../context';
import { computeAnalytics, DAY_MS } from './analytics';

const iso = (ms: number) => new Date(ms).toISOString();

/** Advocates with at least one share from `fromDay` to `toDay` (UTC days, both included). */
async function sharers(deps: Pick<Deps, 'db'>, fromDay: number, toDay: number): Promise<number> {
  const row = await deps.db
    .selectFrom('shares')
    .select((eb) => eb.fn.count<number>('advocate_id').distinct().as('n'))
    .where('shared_at', '>=', fromDay * DAY_MS)
    .where('shared_at', '<', (toDay + 1) * DAY_MS)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function computeOverview(deps: Pick<Deps, 'db' | 'dialect' | 'now'>): Promise<Overview> {
  const now = deps.now();
  const toDay = Math.floor(now / DAY_MS);
  const analytics = await computeAnalytics(
    deps,
    { fromDay: toDay - (OVERVIEW_DAYS - 1), toDay },
    { top: OVERVIEW_LIST },
  );
  const [thisWeekSharers, lastWeekSharers, goingLive, expiring] = await Promise.all([
    sharers(deps, toDay - 6, toDay),
    sharers(deps, toDay - 13, toDay - 7),
    deps.db
      .selectFrom('content')
      .select(['id', 'title', 'publish_at'])
      .where('status', '=', 'published')
      .where('publish_at', '>', now)
      .orderBy('publish_at')
      .orderBy('id')
      .limit(OVERVIEW_LIST)
      .execute(),
    deps.db
      .selectFrom('content')
      .select(['id', 'title', 'expires_at'])
      .where('status', '=', 'published')
      .where((eb) => eb.or([eb('publish_at', 'is', null), eb('publish_at', '<=', now)]))
      .where('expires_at', '>', now)
      .where('expires_at', '<=', now + OVERVIEW_EXPIRING_DAYS * DAY_MS)
      .orderBy('expires_at')
      .orderBy('id')
      .limit(OVERVIEW_LIST)
      .execute(),
  ]);
  const week = (days: Overview['perDay']) => ({
    shares: days.reduce((sum, day) => sum + day.shares, 0),
    clicks: days.reduce((sum, day) => sum + day.clicks, 0),
  });
  return {
    today: analytics.to,
    advocates: analytics.totals.advocates,
    thisWeek: { ...week(analytics.perDay.slice(-7)), advocates: thisWeekSharers },
    lastWeek: { ...week(analytics.perDay.slice(-14, -7)), advocates: lastWeekSharers },
    perDay: analytics.perDay,
    topPosts: analytics.perContent,
    goingLive: goingLive.map((row) => ({ id: row.id, title: row.title, publishAt: iso(Number(row.publish_at)) })),
    expiring: expiring.map((row) => ({ id: row.id, title: row.title, expiresAt: iso(Number(row.expires_at)) })),
  };
}

/** All-time shares and counted clicks of these content items (0 for those with none). */
export async function contentCounts(
  deps: Pick<Deps, 'db'>,
  ids: readonly string[],
): Promise<Map<string, { shares: number; clicks: number }>> {
  const counts = new Map(ids.map((id) => [id, { shares: 0, clicks: 0 }]));
  if (ids.length === 0) return counts;
  const [shares, clicks] = await Promise.all([
    deps.db
      .selectFrom('shares')
      .select(['content_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('content_id', 'in', [...ids])
      .groupBy('content_id')
      .execute(),
    deps.db
      .selectFrom('click_counts')
      .innerJoin('links', 'links.code', 'click_counts.code')
      .select(['links.content_id', (eb) => eb.fn.sum<number>('click_counts.clicks').as('n')])
      .where('links.content_id', 'in', [...ids])
      .groupBy('links.content_id')
      .execute(),
  ]);
  for (const row of shares) {
    const entry = counts.get(row.content_id);
    if (entry) entry.shares = Number(row.n);
  }
  for (const row of clicks) {
    const entry = counts.get(row.content_id);
    if (entry) entry.clicks = Number(row.n);
  }
  return counts;
}
