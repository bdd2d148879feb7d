/**
 * The console's view of advocates: last sync, share and click counts, privacy choices, and whether
 * their token still works (active, removed by an admin, signed out, or expired from disuse).
 */
import type { AdminAdvocate, AdvocateAccess } from '../../lib/console-schemas';
import type { Deps } from '../context';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** Every advocate (or only `id`), sorted by name then id. */
export async function advocateRows(deps: Pick<Deps, 'db' | 'config' | 'now'>, only?: string): Promise<AdminAdvocate[]> {
  const { db } = deps;
  let advocates = db
    .selectFrom('advocates')
    .select([
      'id',
      'name',
      'created_at',
      'last_sync_at',
      'click_tracking',
      'leaderboard',
      'team',
      'token_used_at',
      'access_ended',
      'access_ended_at',
    ]);
  let shares = db
    .selectFrom('shares')
    .select(['advocate_id', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('advocate_id');
  let clicks = db
    .selectFrom('click_counts')
    .innerJoin('links', 'links.code', 'click_counts.code')
    .select(['links.advocate_id', (eb) => eb.fn.sum<number>('click_counts.clicks').as('n')])
    .groupBy('links.advocate_id');
  if (only !== undefined) {
    advocates = advocates.where('id', '=', only);
    shares = shares.where('advocate_id', '=', only);
    clicks = clicks.where('links.advocate_id', '=', only);
  }
  const [rows, shareRows, clickRows] = await Promise.all([advocates.execute(), shares.execute(), clicks.execute()]);
  const shareCount = new Map(shareRows.map((row) => [row.advocate_id, Number(row.n)]));
  const clickCount = new Map(clickRows.map((row) => [row.advocate_id, Number(row.n)]));
  const now = deps.now();
  // Sorted here: collations differ between SQLite and PostgreSQL.
  rows.sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return rows.map((row) => {
    // A token past its idle limit is expired even before its next request records it so.
    const idleUntil = (row.token_used_at ?? row.created_at) + deps.config.tokenIdleMs;
    const access: AdvocateAccess =
      (row.access_ended as AdvocateAccess | null) ?? (idleUntil < now ? 'expired' : 'active');
    const endedAt = row.access_ended_at ?? (access === 'expired' ? idleUntil : null);
    return {
      id: row.id,
      name: row.name,
      createdAt: iso(row.created_at)!,
      lastSyncAt: iso(row.last_sync_at),
      shareCount: shareCount.get(row.id) ?? 0,
      clickCount: clickCount.get(row.id) ?? 0,
      clickTracking: row.click_tracking === 1,
      leaderboard: row.leaderboard === 1,
      team: row.team,
      access,
      accessEndedAt: iso(endedAt),
    };
  });
}
