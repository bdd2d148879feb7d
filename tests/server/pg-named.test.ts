/**
 * Named statements on PostgreSQL (server/db/pg-named.ts): SQL named once runs as a prepared
 * statement on each connection (PostgreSQL lists it in pg_prepared_statements), with each call's
 * own parameters; SQL not named runs unnamed, as before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseAvailability } from '../../server/db/availability';
import { nameStatement, statementName } from '../../server/db/pg-named';
import { GuardedPgPool } from '../../server/db/pg-pool';
import { freshDatabase, type TestDatabase } from '../helpers/database';

const NAMED = 'select $1::int + 1 as next';
const UNNAMED = 'select $1::int + 2 as next';

describe.runIf(process.env.RELAY_TEST_DB === 'postgres')('named statements', () => {
  let database: TestDatabase;
  let pool: GuardedPgPool;

  beforeAll(async () => {
    database = await freshDatabase('postgres');
    pool = new GuardedPgPool(database.url, new DatabaseAvailability('database (PostgreSQL)'), {
      max: 1,
      timeouts: { connectMs: 5_000, statementMs: 5_000 },
    });
  });
  afterAll(async () => {
    await pool.end();
    await database.dispose();
  });

  it('prepares named SQL once per connection and runs it with each call’s parameters', async () => {
    nameStatement(NAMED);
    nameStatement(NAMED);
    const name = statementName(NAMED);
    expect(name).toMatch(/^relay_\d+$/);
    expect(statementName(UNNAMED)).toBeUndefined();

    const client = await pool.connect();
    try {
      expect((await client.query<{ next: number }>(NAMED, [1])).rows).toEqual([{ next: 2 }]);
      expect((await client.query<{ next: number }>(NAMED, [41])).rows).toEqual([{ next: 42 }]);
      expect((await client.query<{ next: number }>(UNNAMED, [1])).rows).toEqual([{ next: 3 }]);
      const prepared = await client.query<{ name: string; statement: string }>(
        'select name, statement from pg_prepared_statements',
        [],
      );
      expect(prepared.rows).toEqual([{ name, statement: NAMED }]);
    } finally {
      client.release();
    }
  });
});
