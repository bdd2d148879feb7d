/** Migration data for 0015 (rank counts): the counts start from the listed point rows already there, and follow later writes. */
import { insert, type MigrationData, type Row, type Snapshot } from './migration-data-rows';

/** advocate_rank_counts as the listed advocate_points rows of a snapshot make them (board '' and 't:' + team). */
export function rankCountsOf(points: readonly Row[]): Row[] {
  const counts = new Map<string, Row>();
  const add = (bucket: unknown, board: string, points: unknown) => {
    const key = JSON.stringify([bucket, board, points]);
    const row = counts.get(key) ?? { bucket, board, points, advocates: 0 };
    row.advocates = (row.advocates as number) + 1;
    counts.set(key, row);
  };
  for (const row of points) {
    if (Number(row.listed) !== 1) continue;
    add(row.bucket, '', row.points);
    if (row.team !== null) add(row.bucket, `t:${String(row.team)}`, row.points);
  }
  return [...counts.values()];
}

export const RANK_COUNTS_DATA: MigrationData = {
  // A point row written after the migration: its trigger counts it (seen by later migrations' tests).
  async seed(db) {
    await insert(db, 'advocate_points', [
      { advocate_id: 'adv2', bucket: '2026-W02', points: 12, listed: 1, team: 'Zürich Ops' },
    ]);
  },
  transform: (before: Snapshot) => ({ ...before, advocate_rank_counts: rankCountsOf(before.advocate_points ?? []) }),
};
