/**
 * The leaderboard, read from advocate_points (kept up to date by services/scores.ts): one index
 * range scan per period bucket, whatever the number of share events; a caller's rank from
 * advocate_rank_counts (migration 0015), whatever the number of advocates.
 *
 * Opted-out advocates (advocates.leaderboard = 0, copied to advocate_points.listed) are left out
 * entirely: not shown and not ranked, so nobody can infer them from a gap. Ranks are competition
 * ranks: 1 + the number of listed advocates with more points, so ties share a rank (1, 2, 2, 4).
 */
import type { Kysely } from 'kysely';
import { isoWeekIndex, isoWeekKey, isoWeekStart, monthKey, monthStart } from '../../lib/scoring';
import type { Period } from '../../lib/schemas';
import type { Database } from '../db/schema';

export interface Bucket {
  key: string;
  /** When the period started (ms); null for all time. */
  from: number | null;
}

/** The advocate_points bucket of a period at a moment. */
export function bucketFor(period: Period, now: number): Bucket {
  if (period === 'week') return { key: isoWeekKey(now), from: isoWeekStart(isoWeekIndex(now)) };
  if (period === 'month') return { key: monthKey(now), from: monthStart(now) };
  return { key: 'all', from: null };
}

export interface BoardEntry {
  advocateId: string;
  rank: number;
  name: string;
  points: number;
  team: string | null;
}

export interface BoardQuery {
  bucket: string;
  limit: number;
  team?: string;
}

/** The top `limit` listed advocates of a bucket, with competition ranks. */
export async function topEntries(db: Kysely<Database>, query: BoardQuery): Promise<BoardEntry[]> {
  let select = db
    .selectFrom('advocate_points')
    .innerJoin('advocates', 'advocates.id', 'advocate_points.advocate_id')
    .select(['advocate_points.advocate_id', 'advocates.name', 'advocate_points.points', 'advocate_points.team'])
    .where('advocate_points.bucket', '=', query.bucket)
    .where('advocate_points.listed', '=', 1);
  if (query.team !== undefined) select = select.where('advocate_points.team', '=', query.team);
  const rows = await select
    .orderBy('advocate_points.points', 'desc')
    .orderBy('advocate_points.advocate_id', 'desc')
    .limit(query.limit)
    .execute();
  const entries: BoardEntry[] = [];
  rows.forEach((row, index) => {
    const previous = entries[index - 1];
    const points = Number(row.points);
    entries.push({
      advocateId: row.advocate_id,
      // Rows come in points order: a row ties with the one before it, or everyone before it has more.
      rank: previous && previous.points === points ? previous.rank : index + 1,
      name: row.name,
      points,
      team: row.team,
    });
  });
  return entries;
}

/** The board of advocate_rank_counts a query reads: '' for everyone, 't:' + team for a team. */
export function boardOf(team: string | undefined): string {
  return team === undefined ? '' : `t:${team}`;
}

/**
 * The rank `points` would have in a bucket: 1 + the listed advocates with more; null for no points.
 * Summed from advocate_rank_counts (one row per distinct score above, not one per advocate), so
 * the cost follows the number of distinct scores, not of advocates.
 */
export async function rankOf(
  db: Kysely<Database>,
  query: Omit<BoardQuery, 'limit'>,
  points: number,
): Promise<number | null> {
  if (points <= 0) return null;
  const row = await db
    .selectFrom('advocate_rank_counts')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number | string>('advocates'), eb.lit(0)).as('ahead'))
    .where('bucket', '=', query.bucket)
    .where('board', '=', boardOf(query.team))
    .where('points', '>', points)
    .executeTakeFirstOrThrow();
  return Number(row.ahead) + 1;
}

/** One advocate's stored points in a bucket (0 without a row). */
export async function storedPoints(db: Kysely<Database>, advocateId: string, bucket: string): Promise<number> {
  const row = await db
    .selectFrom('advocate_points')
    .select('points')
    .where('advocate_id', '=', advocateId)
    .where('bucket', '=', bucket)
    .executeTakeFirst();
  return row ? Number(row.points) : 0;
}

export interface Board {
  entries: BoardEntry[];
  you: { rank: number | null; points: number; listed: boolean };
}

/** The leaderboard of a bucket and where one advocate stands on it. */
export async function readBoard(
  db: Kysely<Database>,
  query: BoardQuery,
  you: { id: string; listed: boolean; team: string | null },
): Promise<Board> {
  const [entries, points] = await Promise.all([topEntries(db, query), storedPoints(db, you.id, query.bucket)]);
  const onBoard = you.listed && (query.team === undefined || query.team === you.team);
  const mine = entries.find((entry) => entry.advocateId === you.id);
  const rank = !onBoard ? null : mine ? mine.rank : await rankOf(db, query, points);
  return { entries, you: { rank, points, listed: you.listed } };
}
