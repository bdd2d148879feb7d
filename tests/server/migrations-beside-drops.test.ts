/**
 * Migrating on a PostgreSQL where other schemas come and go meanwhile (another application, or
 * test files beside this one): Relay's migrator looks only at its own schema, so a schema dropped
 * elsewhere mid-migration can't fail it with "schema … does not exist".
 */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db';
import { MIGRATION_NAMES, migrateToLatest } from '../../server/db/migrate';
import { freshDatabase, postgresBaseUrl } from '../helpers/database';
import { tableNames } from '../helpers/table-names';

describe.runIf(process.env.RELAY_TEST_DB === 'postgres')('migrations beside schemas being dropped', () => {
  it('migrates to the latest while other schemas with tables are created and dropped without pause', async () => {
    const churn = new pg.Client({ connectionString: postgresBaseUrl() });
    await churn.connect();
    let stop = false;
    let dropped = 0;
    const churning = (async () => {
      while (!stop) {
        const name = `relay_churn_${process.pid}_${dropped}`;
        await churn.query(`create schema ${name}`);
        await churn.query(`create table ${name}.filler (id serial primary key, note text)`);
        await churn.query(`drop schema ${name} cascade`);
        dropped++;
      }
    })();
    try {
      for (let round = 0; round < 3; round++) {
        const database = await freshDatabase('postgres');
        const handle = openDatabase(database.url);
        try {
          expect(await migrateToLatest(handle)).toEqual(MIGRATION_NAMES);
          expect(await tableNames(handle)).toContain('content');
        } finally {
          await handle.close();
          await database.dispose();
        }
      }
    } finally {
      stop = true;
      await churning;
      await churn.end();
    }
    expect(dropped).toBeGreaterThan(0);
  }, 120_000);
});
