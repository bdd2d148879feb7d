/**
 * advocate_rank_counts (migration 0015) stays exactly the listed advocate_points rows counted per
 * bucket, board and points, whoever writes them (the keeper's writer, opt-outs, team changes,
 * deletions), and ranks read from it equal ranks counted from advocate_points (SQLite and PostgreSQL).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RelayDatabase } from '../../server/db';
import { rankOf } from '../../server/services/leaderboard';
import { writePoints, type PointsRow } from '../../server/services/points-writer';
import { advocateRow, migratedDatabase, type SeededDatabase } from '../helpers/seeded-database';
import { rankCountsOf } from '../helpers/migration-data-rank-counts';
import type { Row } from '../helpers/migration-data-rows';

const IDS = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'];

describe('leaderboard rank counts', () => {
  let seeded: SeededDatabase;
  let handle: RelayDatabase;

  beforeAll(async () => {
    seeded = await migratedDatabase();
    handle = seeded.handle;
    await handle.db
      .insertInto('advocates')
      .values(
        IDS.map((id, i) =>
          advocateRow(id, 1_767_225_600_000, { name: `Advocate ${id}`, team: i % 2 === 0 ? 'Sales' : null }),
        ),
      )
      .execute();
  });

  afterAll(async () => {
    await seeded?.close();
  });

  const key = (row: Row) => JSON.stringify([row.bucket, row.board, Number(row.points)]);
  /** Nonzero counts as stored, beside the counts the stored point rows make. */
  async function expectCountsInStep(): Promise<void> {
    const points = await handle.db.selectFrom('advocate_points').selectAll().execute();
    const counts = await handle.db.selectFrom('advocate_rank_counts').selectAll().execute();
    const stored = counts
      .filter((row) => Number(row.advocates) !== 0)
      .map((row) => `${key(row)} ${Number(row.advocates)}`)
      .sort();
    const expected = rankCountsOf(points)
      .map((row) => `${key(row)} ${Number(row.advocates)}`)
      .sort();
    expect(stored).toEqual(expected);
    expect(counts.every((row) => Number(row.advocates) >= 0)).toBe(true);
  }

  /** 1 + the listed rows of a bucket (and team) with more points, counted from advocate_points. */
  async function countedRank(bucket: string, points: number, team?: string): Promise<number> {
    let select = handle.db
      .selectFrom('advocate_points')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('bucket', '=', bucket)
      .where('listed', '=', 1)
      .where('points', '>', points);
    if (team !== undefined) select = select.where('team', '=', team);
    return Number((await select.executeTakeFirstOrThrow()).n) + 1;
  }

  async function expectRanksCounted(): Promise<void> {
    const rows = await handle.db.selectFrom('advocate_points').selectAll().execute();
    for (const row of rows) {
      for (const team of [undefined, 'Sales']) {
        const query = { bucket: row.bucket, ...(team === undefined ? {} : { team }) };
        expect(await rankOf(handle.db, query, Number(row.points))).toBe(
          await countedRank(row.bucket, Number(row.points), team),
        );
      }
    }
  }

  const rows = (id: string, points: Record<string, number>, listed = 1, team: string | null = null): PointsRow[] =>
    Object.entries(points).map(([bucket, value]) => ({ advocate_id: id, bucket, points: value, listed, team }));

  const write = (ids: string[], points: PointsRow[]) =>
    handle.db.transaction().execute((trx) => writePoints(trx, handle.dialect, ids, points));

  it('counts what the keeper writes: new rows, changed points, rows no score has any more', async () => {
    await write(
      ['a1', 'a2', 'a3', 'a4'],
      [
        ...rows('a1', { all: 30, '2026-01': 30, '2026-W01': 30 }, 1, 'Sales'),
        ...rows('a2', { all: 20, '2026-01': 20 }),
        ...rows('a3', { all: 20, '2026-01': 10, '2026-W01': 10 }, 1, 'Sales'),
        ...rows('a4', { all: 50, '2026-W01': 50 }, 0),
      ],
    );
    await expectCountsInStep();
    expect(await rankOf(handle.db, { bucket: 'all' }, 20)).toBe(2);
    expect(await rankOf(handle.db, { bucket: 'all' }, 10)).toBe(4);
    expect(await rankOf(handle.db, { bucket: 'all', team: 'Sales' }, 20)).toBe(2);

    // a1 loses its week, a3 gains points, a2 is written unchanged.
    await write(
      ['a1', 'a2', 'a3'],
      [
        ...rows('a1', { all: 30, '2026-01': 30 }, 1, 'Sales'),
        ...rows('a2', { all: 20, '2026-01': 20 }),
        ...rows('a3', { all: 40, '2026-01': 30, '2026-W01': 30 }, 1, 'Sales'),
      ],
    );
    await expectCountsInStep();
    const stored = await handle.db.selectFrom('advocate_points').select(['advocate_id', 'bucket']).execute();
    expect(
      stored
        .filter((row) => row.advocate_id === 'a1')
        .map((row) => row.bucket)
        .sort(),
    ).toEqual(['2026-01', 'all']);
    expect(await rankOf(handle.db, { bucket: 'all' }, 30)).toBe(2);
    await expectRanksCounted();
  });

  it('follows opt-outs, team changes and deletions made outside the keeper', async () => {
    await write(['a5', 'a6'], [...rows('a5', { all: 35, '2026-01': 5 }, 1, 'Sales'), ...rows('a6', { all: 35 })]);
    await expectCountsInStep();
    await handle.db.updateTable('advocate_points').set({ listed: 0 }).where('advocate_id', '=', 'a2').execute();
    await expectCountsInStep();
    await handle.db.updateTable('advocate_points').set({ team: 'Sales' }).where('advocate_id', '=', 'a6').execute();
    await handle.db.updateTable('advocate_points').set({ team: null }).where('advocate_id', '=', 'a1').execute();
    await expectCountsInStep();
    await expectRanksCounted();
    // Deleting an advocate cascades to their rows.
    await handle.db.deleteFrom('advocates').where('id', '=', 'a3').execute();
    await expectCountsInStep();
    await handle.db.updateTable('advocate_points').set({ listed: 1 }).execute();
    await expectCountsInStep();
    await expectRanksCounted();
    await write(['a5'], []);
    await expectCountsInStep();
  });

  it('keeps the counts in step under concurrent writers (PostgreSQL: statement triggers)', async () => {
    const writers = Array.from({ length: 8 }, (_, n) =>
      write(
        ['a1', 'a2', 'a4', 'a5', 'a6'].filter((_, i) => i % 2 === n % 2),
        ['a1', 'a2', 'a4', 'a5', 'a6']
          .filter((_, i) => i % 2 === n % 2)
          .flatMap((id) => rows(id, { all: 10 + n, '2026-02': n + 1 }, 1, n % 3 === 0 ? 'Sales' : null)),
      ),
    );
    await Promise.all(writers);
    await expectCountsInStep();
    await expectRanksCounted();
    const { rows: negative } = await sql<{
      n: number | string;
    }>`select count(*) as n from advocate_rank_counts where advocates < 0`.execute(handle.db);
    expect(Number(negative[0]!.n)).toBe(0);
  });
});
