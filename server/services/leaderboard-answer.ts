/** GET /v1/leaderboard's answer for one advocate: the period's top entries and where they stand. */
import type { z } from 'zod';
import type { leaderboardQuerySchema, LeaderboardResponse } from '../../lib/schemas';
import type { Deps } from '../context';
import { advocateSettings } from './advocate-settings';
import { readDocuments } from './documents';
import { bucketFor, readBoard } from './leaderboard';

export async function leaderboardFor(
  deps: Deps,
  advocateId: string,
  query: z.output<typeof leaderboardQuerySchema>,
  now: number,
): Promise<LeaderboardResponse> {
  const [documents, row] = await Promise.all([readDocuments(deps.db), advocateSettings(deps.db, advocateId)]);
  const team = query.team ?? null;
  if (!documents.scoring.enabled) {
    return { period: query.period, enabled: false, from: null, team, entries: [], you: null };
  }
  const bucket = bucketFor(query.period, now);
  const listed = row.leaderboard === 1;
  const board = await readBoard(
    deps.db,
    { bucket: bucket.key, limit: query.limit, ...(query.team !== undefined ? { team: query.team } : {}) },
    { id: advocateId, listed, team: row.team },
  );
  return {
    period: query.period,
    enabled: true,
    from: bucket.from === null ? null : new Date(bucket.from).toISOString(),
    team,
    entries: board.entries.map((entry) => ({
      rank: entry.rank,
      name: entry.name,
      points: entry.points,
      team: entry.team,
      you: entry.advocateId === advocateId,
    })),
    you: { rank: board.you.rank, name: row.name, points: board.you.points, team: row.team, listed },
  };
}
