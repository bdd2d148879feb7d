/**
 * The console's view of advocates: last sync, share and click counts, privacy choices, the
 * browsers signed in (tokens), and whether access lasts (active, removed by an admin,
 * deprovisioned, signed out, or expired from disuse).
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
      'region',
      'email',
      'subject',
      'access_ended',
      'access_ended_at',
    ]);
  let shares = db
    .selectFrom('shares')
    .select(['advocate_id', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('advocate_id');
  let tokens = db
    .selectFrom('advocate_tokens')
    .select(['advocate_id', 'via', 'created_at', 'used_at'])
    .orderBy('advocate_id');
  let clicks = db
    .selectFrom('click_counts')
    .innerJoin('links', 'links.code', 'click_counts.code')
    .select(['links.advocate_id', (eb) => eb.fn.sum<number>('click_counts.clicks').as('n')])
    .groupBy('links.advocate_id');
  if (only !== undefined) {
    advocates = advocates.where('id', '=', only);
    shares = shares.where('advocate_id', '=', only);
    tokens = tokens.where('advocate_id', '=', only);
    clicks = clicks.where('links.advocate_id', '=', only);
  }
  const [rows, shareRows, clickRows, tokenRows] = await Promise.all([
    advocates.execute(),
    shares.execute(),
    clicks.execute(),
    tokens.execute(),
  ]);
  const shareCount = new Map(shareRows.map((row) => [row.advocate_id, Number(row.n)]));
  const clickCount = new Map(clickRows.map((row) => [row.advocate_id, Number(row.n)]));
  const browsers = browsersOf(tokenRows);
  const now = deps.now();
  // Sorted here: collations differ between SQLite and PostgreSQL.
  rows.sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return rows.map((row) => {
    // Tokens all past their idle limit are expired even before their next request records it so.
    // An advocate with no token and access (provisioned, not signed in yet) is active.
    const held = browsers.get(row.id);
    const idleUntil = held ? held.lastUse + deps.config.tokenIdleMs : null;
    const access: AdvocateAccess =
      (row.access_ended as AdvocateAccess | null) ?? (idleUntil !== null && idleUntil < now ? 'expired' : 'active');
    const endedAt = row.access_ended_at ?? (access === 'expired' ? idleUntil : null);
    const live = access === 'active' ? held : undefined;
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
      region: row.region,
      access,
      accessEndedAt: iso(endedAt),
      browsers: live?.count ?? 0,
      workAccount: row.subject !== null,
      lastTokenUseAt: iso(live?.lastUse ?? null),
      email: row.email,
      signedInWith: live?.via ?? null,
    };
  });
}

interface Browsers {
  count: number;
  /** The latest use (or making) of any of the advocate's tokens. */
  lastUse: number;
  /** How the most recently used one was obtained. */
  via: 'invite' | 'sso';
}

/** The advocate's tokens, one per browser, summed up per advocate. */
function browsersOf(rows: { advocate_id: string; via: string; created_at: number; used_at: number | null }[]) {
  const byAdvocate = new Map<string, Browsers>();
  for (const row of rows) {
    const use = row.used_at ?? row.created_at;
    const via = row.via === 'sso' ? 'sso' : 'invite';
    const seen = byAdvocate.get(row.advocate_id);
    if (!seen) byAdvocate.set(row.advocate_id, { count: 1, lastUse: use, via });
    else {
      seen.count++;
      if (use > seen.lastUse) Object.assign(seen, { lastUse: use, via });
    }
  }
  return byAdvocate;
}
