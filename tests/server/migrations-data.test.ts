/**
 * Migrations on a database that holds data (SQLite and PostgreSQL): for each migration, a database
 * migrated up to the one before it, filled after each step with that step's representative rows
 * (tests/helpers/migration-data.ts), is migrated to the latest; every row is still there,
 * transformed as each later migration says, and nothing else appeared.
 */
import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type RelayDatabase } from '../../server/db';
import { MIGRATION_NAMES, migrateTo, migrateToLatest } from '../../server/db/migrate';
import { freshDatabase, type TestDatabase } from '../helpers/database';
import { DATA_FILE, MIGRATION_DATA, type Row, type Snapshot } from '../helpers/migration-data';
import { tableNames } from '../helpers/table-names';

/** Every table of this database (this test's schema on PostgreSQL), but the migrator's own. */
async function tables(handle: RelayDatabase): Promise<string[]> {
  return (await tableNames(handle)).filter((name) => !name.startsWith('kysely_migration')).sort();
}

/** Rows in an order that does not depend on the database. */
const sorted = (rows: Row[]) =>
  [...rows].sort((a, b) =>
    JSON.stringify(a) < JSON.stringify(b) ? -1 : JSON.stringify(a) > JSON.stringify(b) ? 1 : 0,
  );

async function snapshot(handle: RelayDatabase): Promise<Snapshot> {
  const result: Snapshot = {};
  for (const table of await tables(handle)) {
    const { rows } = await sql<Row>`select * from ${sql.table(table)}`.execute(handle.db);
    result[table] = sorted(rows);
  }
  return result;
}

describe('migrations on a database that holds data', () => {
  let database: TestDatabase | undefined;
  let handle: RelayDatabase | undefined;

  afterEach(async () => {
    await handle?.close();
    handle = undefined;
    await database?.dispose();
    database = undefined;
  });

  it('every migration has its seeder and transform, and every entry a migration', () => {
    const missing = MIGRATION_NAMES.filter((name) => !MIGRATION_DATA[name]).map(
      (name) =>
        `migration ${name} has no entry in ${DATA_FILE}: add '${name}': { seed(db) { rows for the tables as it leaves them }, transform(before) { the rows expected after it } } to MIGRATION_DATA`,
    );
    const stale = Object.keys(MIGRATION_DATA)
      .filter((name) => !MIGRATION_NAMES.includes(name))
      .map((name) => `${DATA_FILE} has an entry for ${name}, which is not a migration in server/db/migrate.ts`);
    expect([...missing, ...stale]).toEqual([]);
  });

  // Migration i is tested on a database holding the data of every migration before it.
  it.each(MIGRATION_NAMES.slice(1).map((name, index) => ({ name, index: index + 1 })))(
    '$name keeps and transforms the rows of a database migrated to the one before it',
    async ({ index }) => {
      database = await freshDatabase();
      handle = openDatabase(database.url);
      const db = handle.db as unknown as Kysely<unknown>;
      for (const earlier of MIGRATION_NAMES.slice(0, index)) {
        await migrateTo(handle, earlier);
        const data = MIGRATION_DATA[earlier];
        if (!data) throw new Error(`migration ${earlier} has no entry in ${DATA_FILE}`);
        await data.seed(db);
      }
      const before = await snapshot(handle);
      const empty = Object.keys(before).filter((table) => before[table]!.length === 0);
      expect(
        empty,
        `tables with no rows after seeding up to ${MIGRATION_NAMES[index - 1]}: the migration that creates each should seed it in ${DATA_FILE}`,
      ).toEqual([]);

      let expected = before;
      for (const later of MIGRATION_NAMES.slice(index)) {
        const data = MIGRATION_DATA[later];
        if (!data) throw new Error(`migration ${later} has no entry in ${DATA_FILE}`);
        expected = data.transform(expected);
      }
      await migrateToLatest(handle);
      const after = await snapshot(handle);
      for (const table of new Set([...Object.keys(after), ...Object.keys(expected)])) {
        expect(after[table], `table ${table}`).toEqual(sorted(expected[table] ?? []));
      }
    },
    // Up to fourteen migrations and their seeds: on a busy machine that is more than the suite's
    // 20 s, and a timeout would drop the schema under the still-running migrations.
    60_000,
  );
});
