/**
 * A full re-score on PostgreSQL builds advocate_points anew and swaps it in: it leaves exactly what
 * re-scoring in place leaves, with the same indexes, keys, triggers and options; what changes while
 * it fills (shares, opt-outs, deletions) is scored again at the swap; a rules change meanwhile
 * swaps nothing; one instance rebuilds at a time.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RelayDatabase } from '../../server/db';
import { readDocuments, scoringRulesOf, writeDocument } from '../../server/services/documents';
import { rebuildPoints, type RebuildPlan } from '../../server/services/points-rebuild';
import { liveShape } from '../../server/services/points-rebuild-tables';
import { loadScoreInputs, pointsRowsOf, rulesVersion, ScoreKeeper } from '../../server/services/scores';
import { advocateRow, contentRow, migratedDatabase, type SeededDatabase } from '../helpers/seeded-database';
import { rankCountsOf } from '../helpers/migration-data-rank-counts';

const DAY = 86_400_000;
const NOW = Date.now();
const ADVOCATES = Array.from({ length: 40 }, (_, i) => `adv${String(i).padStart(2, '0')}`);
const POSTS = Array.from({ length: 8 }, (_, i) => `post${i}`);

describe.runIf(process.env.RELAY_TEST_DB === 'postgres')('rebuilding every advocate’s points (PostgreSQL)', () => {
  let seeded: SeededDatabase;
  let handle: RelayDatabase;
  let inPlace: ScoreKeeper;
  let rebuilding: ScoreKeeper;

  const share = (advocate: string, post: string, at: number) => ({
    id: randomUUID(),
    advocate_id: advocate,
    content_id: post,
    network: at % 2 === 0 ? 'linkedin' : 'x',
    shared_at: at,
    personalized: at % 3 === 0 ? 1 : 0,
    received_at: at,
  });

  beforeAll(async () => {
    seeded = await migratedDatabase();
    handle = seeded.handle;
    const team = (i: number) => (i % 3 === 0 ? 'Sales' : i % 3 === 1 ? 'Zürich Ops' : null);
    const advocates = ADVOCATES.map((id, i) =>
      advocateRow(id, NOW - 90 * DAY, { team: team(i), leaderboard: i % 7 === 0 ? 0 : 1 }),
    );
    await handle.db.insertInto('advocates').values(advocates).execute();
    const posts = POSTS.map((id, seq) => contentRow(id, seq, NOW - 90 * DAY, { publish_at: NOW - (60 - seq) * DAY }));
    await handle.db.insertInto('content').values(posts).execute();
    const shares = ADVOCATES.flatMap((advocate, a) =>
      POSTS.slice(0, 1 + (a % POSTS.length)).map((post, p) =>
        share(advocate, post, NOW - ((a * 13 + p * 29) % 58) * DAY - a * 1000),
      ),
    );
    await handle.db.insertInto('shares').values(shares).execute();
    inPlace = new ScoreKeeper(handle.db, 'postgres', { rebuildFrom: Number.POSITIVE_INFINITY });
    rebuilding = new ScoreKeeper(handle.db, 'postgres', { rebuildFrom: 1 });
    await inPlace.rescoreStale();
  });

  afterAll(async () => {
    await inPlace?.close();
    await rebuilding?.close();
    await seeded?.close();
  });

  const stored = async () =>
    (
      await sql<{ row: string }>`select concat_ws(' ', advocate_id, bucket, points, listed, team) as row
        from advocate_points order by advocate_id, bucket`.execute(handle.db)
    ).rows
      .map((r) => r.row)
      .sort();
  const counts = async () =>
    (
      await sql<{
        row: string;
      }>`select concat_ws(' ', bucket, board, points, advocates) as row from advocate_rank_counts
        where advocates <> 0 order by bucket, board, points`.execute(handle.db)
    ).rows
      .map((r) => r.row)
      .sort();
  /** The counts the stored rows make, as the triggers keep them. */
  const countsOfRows = async () =>
    rankCountsOf(await handle.db.selectFrom('advocate_points').selectAll().execute())
      .map((r) => `${String(r.bucket)} ${String(r.board)} ${Number(r.points)} ${Number(r.advocates)}`)
      .sort();
  const changeRules = async (change: { pointsPerClick?: number; personalizedBonus?: number }) => {
    const { scoring } = await readDocuments(handle.db);
    await writeDocument(handle.db, 'scoring', { ...scoring, ...change }, NOW);
  };
  /** What a rebuild leaves behind: nothing once it has finished. */
  const leftovers = async () => {
    const { rows } = await sql<{ next: string | null; old: string | null; dirty: string }>`
      select to_regclass('advocate_points_next')::text as next, to_regclass('advocate_points_old')::text as old,
        (select count(*) from points_rebuild_dirty) as dirty`.execute(handle.db);
    return { ...rows[0]!, dirty: Number(rows[0]!.dirty) };
  };
  /** The live table's identity: a rebuild swaps in another table. */
  const tableId = async () =>
    (await sql<{ oid: number }>`select 'advocate_points'::regclass::oid as oid`.execute(handle.db)).rows[0]!.oid;
  const version = async () => rulesVersion(scoringRulesOf(await readDocuments(handle.db)));
  /** What re-scoring everyone in place makes of the stored events (and leaves stored). */
  const inPlaceResult = async () => {
    await handle.db.updateTable('advocates').set({ scored_with: null }).execute();
    await inPlace.rescoreStale();
    return { rows: await stored(), counts: await counts() };
  };

  /** A plan like the keeper's whose first chunk waits, after reading its events, until released. */
  async function pausedPlan(): Promise<{ plan: RebuildPlan; paused: Promise<void>; release: () => void }> {
    let signal!: () => void;
    let release!: () => void;
    const paused = new Promise<void>((resolve) => (signal = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    let first = true;
    const rules = scoringRulesOf(await readDocuments(handle.db));
    const planned = rulesVersion(rules);
    const plan: RebuildPlan = {
      version: planned,
      rowsOf: async (db, advocates) => {
        const ids = advocates.map((advocate) => advocate.id);
        const rows = pointsRowsOf(advocates, await loadScoreInputs(db, ids), rules);
        if (first) {
          first = false;
          signal();
          await released;
        }
        return rows;
      },
      currentVersion: async (db) => rulesVersion(scoringRulesOf(await readDocuments(db))),
      stillNeeded: async () => {
        const stale = await handle.db
          .selectFrom('advocates')
          .select('id')
          .where((eb) => eb.or([eb('scored_with', 'is', null), eb('scored_with', '<>', planned)]))
          .execute();
        return stale.length > 0;
      },
      closed: () => false,
    };
    return { plan, paused, release };
  }

  it('leaves exactly what re-scoring in place leaves, with the live table’s indexes, keys, triggers and options', async () => {
    const shapeBefore = await liveShape(handle.db);
    await changeRules({ pointsPerClick: 7, personalizedBonus: 4 });
    const expected = await inPlaceResult();
    await handle.db.updateTable('advocates').set({ scored_with: null }).execute();
    const before = await tableId();
    await rebuilding.rescoreStale();
    expect(await tableId()).not.toBe(before);
    expect(await stored()).toEqual(expected.rows);
    expect(await counts()).toEqual(expected.counts);
    expect(await counts()).toEqual(await countsOfRows());
    expect(await liveShape(handle.db)).toEqual(shapeBefore);
    const keys = await sql<{ validated: boolean }>`select convalidated as validated from pg_constraint
      where conrelid = 'advocate_points'::regclass and contype = 'f'`.execute(handle.db);
    expect(keys.rows).toEqual([{ validated: true }]);
    const current = await version();
    const stale = await handle.db
      .selectFrom('advocates')
      .select('id')
      .where((eb) => eb.or([eb('scored_with', 'is', null), eb('scored_with', '<>', current)]))
      .execute();
    expect(stale).toEqual([]);
    expect(await leftovers()).toEqual({ next: null, old: null, dirty: 0 });
    // The swapped-in table's triggers count writes, and its key cascades a deletion.
    await inPlace.recompute(['adv05']);
    await handle.db.updateTable('advocate_points').set({ listed: 0 }).where('advocate_id', '=', 'adv08').execute();
    await handle.db.deleteFrom('advocates').where('id', '=', 'adv39').execute();
    expect((await stored()).some((row) => row.startsWith('adv39 '))).toBe(false);
    expect(await counts()).toEqual(await countsOfRows());
    // A second rebuild finds the names it left.
    await handle.db.updateTable('advocates').set({ scored_with: null }).execute();
    const second = await tableId();
    await rebuilding.rescoreStale();
    expect(await tableId()).not.toBe(second);
    expect(await liveShape(handle.db)).toEqual(shapeBefore);
    expect(await counts()).toEqual(await countsOfRows());
  });

  it('scores again at the swap whoever changed while the table filled: a share, an opt-out, a deletion, a re-score', async () => {
    await changeRules({ pointsPerClick: 9 });
    await inPlace.rescoreStale();
    // adv10's rows are gone from the live table before the rebuild (an opt-out later changes no row there).
    await handle.db.deleteFrom('advocate_points').where('advocate_id', '=', 'adv10').execute();
    await handle.db.updateTable('advocates').set({ scored_with: null }).execute();
    const { plan, paused, release } = await pausedPlan();
    const rebuilt = rebuildPoints(handle.db, plan);
    await paused;
    // The first chunk's events are read: everything below happens after.
    await handle.db
      .insertInto('shares')
      .values(share('adv03', 'post7', NOW - DAY))
      .execute();
    await inPlace.recompute(['adv03']);
    await handle.db.updateTable('advocates').set({ leaderboard: 0 }).where('id', 'in', ['adv10', 'adv11']).execute();
    await handle.db
      .updateTable('advocate_points')
      .set({ listed: 0 })
      .where('advocate_id', 'in', ['adv10', 'adv11'])
      .execute();
    await handle.db.deleteFrom('advocates').where('id', '=', 'adv12').execute();
    await handle.db.updateTable('advocates').set({ team: 'Lisboa' }).where('id', '=', 'adv13').execute();
    await handle.db.updateTable('advocate_points').set({ team: 'Lisboa' }).where('advocate_id', '=', 'adv13').execute();
    // A re-score that changes no live row still marks its advocate.
    await inPlace.recompute(['adv14']);
    const dirty = await handle.db
      .selectFrom('points_rebuild_dirty')
      .select('advocate_id')
      .orderBy('advocate_id')
      .execute();
    expect(dirty.map((row) => row.advocate_id)).toEqual(['adv03', 'adv10', 'adv11', 'adv12', 'adv13', 'adv14']);
    release();
    expect(await rebuilt).toBe('rebuilt');
    const afterRebuild = { rows: await stored(), counts: await counts() };
    // Opted out: adv10 listed nowhere though its live rows were gone, adv11 whose rows were updated.
    const optedOut = afterRebuild.rows.filter((row) => /^adv1[01] /.test(row));
    expect(optedOut.some((row) => row.startsWith('adv10 '))).toBe(true);
    expect(optedOut.map((row) => row.split(' ')[3])).toEqual(optedOut.map(() => '0'));
    expect(afterRebuild.rows.some((row) => row.startsWith('adv12 '))).toBe(false);
    expect(afterRebuild.rows.filter((row) => row.startsWith('adv13 ')).every((row) => row.endsWith(' Lisboa'))).toBe(
      true,
    );
    expect(afterRebuild.counts).toEqual(await countsOfRows());
    // Re-scoring everyone in place from the same events changes nothing.
    expect(await inPlaceResult()).toEqual(afterRebuild);
  });

  it('swaps nothing when the rules change while the table fills, and the next pass uses the new rules', async () => {
    await handle.db.updateTable('advocates').set({ scored_with: null }).execute();
    const live = await tableId();
    const rowsBefore = await stored();
    const { plan, paused, release } = await pausedPlan();
    const rebuilt = rebuildPoints(handle.db, plan);
    await paused;
    await changeRules({ pointsPerClick: 11 });
    release();
    expect(await rebuilt).toBe('rules-changed');
    expect(await tableId()).toBe(live);
    expect(await stored()).toEqual(rowsBefore);
    expect(await sql`select to_regclass('advocate_points_next') as t`.execute(handle.db)).toMatchObject({
      rows: [{ t: null }],
    });
    await rebuilding.rescoreStale();
    expect(await tableId()).not.toBe(live);
    const current = await version();
    expect(
      await handle.db
        .selectFrom('advocates')
        .select('id')
        .where((eb) => eb.or([eb('scored_with', 'is', null), eb('scored_with', '<>', current)]))
        .execute(),
    ).toEqual([]);
  });

  it('rebuilds on one instance at a time: another waits, then finds nothing left to do', async () => {
    await changeRules({ pointsPerClick: 12 });
    const first = await pausedPlan();
    const second = await pausedPlan();
    const running = rebuildPoints(handle.db, first.plan);
    await first.paused;
    const waiting = rebuildPoints(handle.db, second.plan);
    await new Promise((resolve) => setTimeout(resolve, 300));
    first.release();
    second.release();
    expect(await running).toBe('rebuilt');
    expect(await waiting).toBe('not-needed');
  });

  it('clears what an interrupted rebuild left at the next pass, so its triggers stop noting changes', async () => {
    await sql`create table advocate_points_next (like advocate_points)`.execute(handle.db);
    await sql`create table advocate_points_old (like advocate_points)`.execute(handle.db);
    await handle.db.updateTable('advocates').set({ team: 'Porto' }).where('id', '=', 'adv20').execute();
    expect(await leftovers()).toMatchObject({ next: 'advocate_points_next', old: 'advocate_points_old', dirty: 1 });
    await inPlace.rescoreStale();
    expect(await leftovers()).toEqual({ next: null, old: null, dirty: 0 });
    await handle.db.updateTable('advocates').set({ team: 'Braga' }).where('id', '=', 'adv20').execute();
    expect((await leftovers()).dirty).toBe(0);
  });
});
