/**
 * Migration 0005 on a database that holds data: archived content gets the live time shares of it
 * are checked against, and names and teams stored before the new rules lose their control and
 * invisible characters (on the leaderboard's copy of the team too).
 */
import { Migrator, sql, type Kysely, type Migration } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type RelayDatabase } from '../../server/db';
import { migrateToLatest } from '../../server/db/migrate';
import * as initial from '../../server/db/migrations/0001_initial';
import * as windowIndexes from '../../server/db/migrations/0002_content_window_indexes';
import * as clicksPoints from '../../server/db/migrations/0003_clicks_points';
import { freshDatabase, type TestDatabase } from '../helpers/database';
import { migratorDatabase } from '../../server/db/own-schema';

const BEFORE: Record<string, Migration> = {
  '0001_initial': initial,
  '0002_content_window_indexes': windowIndexes,
  '0003_clicks_points': clicksPoints,
};
const T = Date.UTC(2026, 2, 1);
const HOUR = 3_600_000;

describe('migration 0005 (shares checked)', () => {
  let database: TestDatabase | undefined;
  let handle: RelayDatabase | undefined;
  afterEach(async () => {
    await handle?.close();
    await database?.dispose();
  });

  it('records when archived content was live, and cleans stored names and teams', async () => {
    database = await freshDatabase();
    handle = openDatabase(database.url);
    const db = handle.db as unknown as Kysely<unknown>;
    const schema =
      handle.dialect === 'postgres'
        ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]!.schema
        : undefined;
    const migrator = new Migrator({
      db: migratorDatabase(db, handle.dialect),
      provider: { getMigrations: async () => BEFORE },
      migrationTableSchema: schema,
    });
    const { error } = await migrator.migrateToLatest();
    expect(error).toBeUndefined();

    const content = (id: string, status: string, publishAt: number | null, updatedAt: number) =>
      sql`insert into content (id, title, url, tags, variants, networks, status, publish_at, seq, created_at, updated_at)
        values (${id}, 'T', 'https://example.com', '[]', '{}', '["facebook"]', ${status}, ${publishAt}, 1, ${T}, ${updatedAt})`.execute(
        db,
      );
    await content('archived', 'archived', T + HOUR, T + 5 * HOUR);
    await content('archived-draft', 'archived', null, T + 5 * HOUR);
    await content('live', 'published', T + HOUR, T + 2 * HOUR);
    const advocate = (id: string, name: string, team: string | null) =>
      sql`insert into advocates (id, name, ref, token_hash, created_at, team) values (${id}, ${name}, ${id}, ${id}, ${T}, ${team})`.execute(
        db,
      );
    await advocate('a1', '\u202eNNA\u200b', 'Sa\u200dles');
    await advocate('a2', 'Plain Name', null);
    await advocate('a3', '\u200b\u2066\u2069', '\ufeff');
    await sql`insert into advocate_points (advocate_id, bucket, points, listed, team) values ('a1', 'all', 10, 1, 'Sa\u200dles')`.execute(
      db,
    );

    expect(await migrateToLatest(handle)).toContain('0005_shares_checked');

    const rows = await handle.db
      .selectFrom('content')
      .select(['id', 'live_from', 'live_until'])
      .orderBy('id')
      .execute();
    expect(rows.map((row) => [row.id, row.live_from, row.live_until])).toEqual([
      ['archived', T + HOUR, T + 5 * HOUR],
      ['archived-draft', null, null],
      ['live', null, null],
    ]);
    const advocates = await handle.db.selectFrom('advocates').select(['id', 'name', 'team']).orderBy('id').execute();
    expect(advocates).toEqual([
      { id: 'a1', name: 'NNA', team: 'Sales' },
      { id: 'a2', name: 'Plain Name', team: null },
      { id: 'a3', name: 'Unnamed advocate', team: null },
    ]);
    const points = await handle.db.selectFrom('advocate_points').select('team').execute();
    expect(points).toEqual([{ team: 'Sales' }]);
  });
});
