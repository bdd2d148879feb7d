/**
 * The Points tab's data. Points, level, streak, badges and weekly points are scored here, with
 * lib/scoring/, on this browser's share log joined with the server's record (shares from other
 * browsers, clicks): shares made offline count at once. Ranks, the leaderboard and the privacy
 * settings come from the server and are kept, so the tab still shows them offline.
 */
import { combineHistory } from '../../lib/history';
import { summarizeMeHistory } from '../../lib/history-summary';
import { recentWeeks, scoreLocalLog, withDailyCap, type RulesForScoring, type Score } from '../../lib/scoring';
import type { AdvocateItem, MeHistory, MeResponse, Period } from '../../lib/schemas';
import { readLeaderboardResponseSchema, readMeResponseSchema } from '../../lib/schemas/read';
import { getMeta, setMeta, type Cached, type LocalShare, type RelayDexie } from './db';
import type { LeaderboardView, PointsView, PrivacyResult } from '../../components/shared/views';
import { ApiError, type ApiClient } from './api-client';
import type { LeaderboardRequest } from './messages/get-leaderboard';
import type { PrivacyRequest } from './messages/update-privacy';
import { pendingShareCount } from './outbox';
import { serverUnreachable } from '../../components/shared/connection-words';

/** Weeks in the Points tab's chart. */
export const CHART_WEEKS = 12;
/** Entries the popup's leaderboard lists (plus the advocate's own row when further down). */
export const LEADERBOARD_SIZE = 20;

/** What a failed request means to the advocate. */
export function failureText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.kind === 'offline') return serverUnreachable();
    if (error.status === 401) return 'This browser is no longer connected to Relay.';
    if (error.status === 429) return 'The server is busy. Try again in a minute.';
    if (error.clientTooOld) return 'Update Relay to keep receiving posts.';
    return `The server could not answer: ${error.message}`;
  }
  return `Something went wrong: ${(error as Error).message}`;
}

/**
 * Scores this browser's log with the server's record (`history` from the last GET /v1/me), as the
 * Posts tab summary and the Points tab show it, with the guidelines' daily cap.
 */
export async function localScore(
  db: RelayDexie,
  rules: RulesForScoring,
  history: MeHistory | null,
  now: number,
  what: { extra?: LocalShare; skip?: string } = {},
): Promise<Score> {
  // Shares the server refused for good never count (the popup shows them until dismissed).
  const [logged, refused, guidelines] = await Promise.all([
    db.shares.toArray(),
    db.outbox.filter((entry) => !!entry.rejected).primaryKeys(),
    getMeta(db, 'guidelines'),
  ]);
  // `extra` and `skip`: the log with a share that is about to be made, or without one just made (share-points.ts).
  if (what.extra) logged.push(what.extra);
  const skip = new Set<unknown>(refused);
  if (what.skip) skip.add(what.skip);
  const shares = skip.size ? logged.filter((share) => !skip.has(share.id)) : logged;
  // Scoring needs the publish time of the posts shared, not every post.
  const shared = (await db.content.bulkGet([...new Set(shares.map((share) => share.contentId))])).filter(
    (item): item is AdvocateItem => item !== undefined,
  );
  const input = combineHistory(shares, shared, history);
  // The one daily cap is the guidelines' (shares per UTC day), as on the server.
  return scoreLocalLog(input.shares, input.content, withDailyCap(rules, guidelines), { clicks: input.clicks, now });
}

export async function pointsView(db: RelayDexie, now = Date.now()): Promise<PointsView> {
  const [enrollment, rules, cached, pendingShares] = await Promise.all([
    getMeta(db, 'enrollment'),
    getMeta(db, 'scoring'),
    getMeta(db, 'me'),
    pendingShareCount(db),
  ]);
  const me = cached?.value ?? null;
  const score = enrollment && rules ? await localScore(db, rules, me?.history ?? null, now) : null;
  return {
    enrolled: enrollment !== undefined,
    score,
    weeks: score ? recentWeeks(score.weeks, now, CHART_WEEKS) : [],
    standing: me?.periods ?? null,
    settings: me?.settings ?? null,
    fetchedAt: cached?.fetchedAt ?? null,
    error: cached?.error ?? null,
    pendingShares,
    earning: rules
      ? {
          pointsPerShare: rules.pointsPerShare,
          earlyBonus: rules.earlyShareBonus.points,
          earlyHours: rules.earlyShareBonus.withinHours,
          personalizedBonus: rules.personalizedBonus,
        }
      : null,
  };
}

function keep<T>(cached: Cached<T> | undefined): Cached<T> {
  return { value: cached?.value ?? null, fetchedAt: cached?.fetchedAt ?? null, error: null };
}

/**
 * Asks the server, validates its answer with `schema`, and gives the entry to keep: the answer, or
 * on failure the `previous` one with the reason.
 */
async function fetchKept<T>(
  previous: Cached<T> | undefined,
  request: () => Promise<unknown>,
  schema: { safeParse(body: unknown): { success: true; data: T } | { success: false } },
  misunderstood: string,
  now: number,
): Promise<Cached<T>> {
  try {
    const parsed = schema.safeParse(await request());
    return parsed.success
      ? { value: parsed.data, fetchedAt: new Date(now).toISOString(), error: null }
      : { ...keep(previous), error: misunderstood };
  } catch (error) {
    return { ...keep(previous), error: failureText(error) };
  }
}

/**
 * GET /v1/me's answer as it is kept: its history summarised (lib/history-summary.ts). A current
 * server sends it summarised already; an older one sends every event and clicks per hour, which
 * score the same once summarised, and are not kept whole and rescored at every popup opening.
 */
function keptMe(me: MeResponse): MeResponse {
  return { ...me, history: summarizeMeHistory(me.history) };
}

/**
 * Asks the server where the advocate stands; on failure the last answer stays, with the reason.
 * Says whether what the popup shows changed (the answer or the error, not only its time).
 */
export async function refreshMe(db: RelayDexie, client: ApiClient, now = Date.now()): Promise<boolean> {
  const previous = await getMeta(db, 'me');
  const fetched = await fetchKept(
    previous,
    () => client.me(),
    readMeResponseSchema,
    'The server sent points Relay does not understand.',
    now,
  );
  const next = fetched.value && fetched.error === null ? { ...fetched, value: keptMe(fetched.value) } : fetched;
  await setMeta(db, 'me', next);
  return (
    next.error !== (previous?.error ?? null) || JSON.stringify(next.value) !== JSON.stringify(previous?.value ?? null)
  );
}

/** A period's leaderboard from the server, or the last one kept when it cannot be reached. */
export async function leaderboard(
  db: RelayDexie,
  client: ApiClient | null,
  request: LeaderboardRequest,
  now = Date.now(),
): Promise<LeaderboardView> {
  const period: Period = request.period;
  const boards = (await getMeta(db, 'leaderboards')) ?? {};
  let entry: Cached<NonNullable<LeaderboardView['board']>>;
  if (!client) {
    entry = { value: null, fetchedAt: null, error: 'Connect to your Relay server to see the leaderboard.' };
  } else {
    entry = await fetchKept(
      boards[period],
      () => client.leaderboard(period, LEADERBOARD_SIZE),
      readLeaderboardResponseSchema,
      'The server sent a leaderboard Relay does not understand.',
      now,
    );
    await setMeta(db, 'leaderboards', { ...boards, [period]: entry });
  }
  return { period, board: entry.value, fetchedAt: entry.fetchedAt, error: entry.error };
}

/** Sends the advocate's privacy choices; the server's answer replaces the kept one. */
export async function updatePrivacy(
  db: RelayDexie,
  client: ApiClient | null,
  request: PrivacyRequest,
  now = Date.now(),
): Promise<PrivacyResult> {
  if (!client) return { ok: false, message: 'Connect to your Relay server first.' };
  let body: unknown;
  try {
    body = await client.patchMe(request);
  } catch (error) {
    const offline = error instanceof ApiError && error.kind === 'offline';
    return {
      ok: false,
      message: `Your choice was not saved. ${failureText(error)}`,
      ...(offline ? { offline: true as const } : {}),
    };
  }
  const me = readMeResponseSchema.safeParse(body);
  if (me.success) {
    await setMeta(db, 'me', { value: keptMe(me.data), fetchedAt: new Date(now).toISOString(), error: null });
  } else {
    // Saved on the server; what it answered is unreadable, so ask again next time.
    await refreshMe(db, client, now);
  }
  // Ranks change with the leaderboard choice: the kept boards are out of date.
  if (request.leaderboard !== undefined) await db.meta.delete('leaderboards');
  return { ok: true, view: await pointsView(db, now) };
}
