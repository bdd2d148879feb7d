/** Schema migrations on the real database of this project (SQLite or PostgreSQL). */
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config';
import { openDatabase, type RelayDatabase } from '../../server/db';
import { migrateToLatest } from '../../server/db/migrate';
import { startServer } from '../../server/server';
import { freshDatabase, type TestDatabase } from '../helpers/database';
import { tableNames } from '../helpers/table-names';

const TABLES = [
  'counters',
  'admins',
  'admin_sessions',
  'invites',
  'advocates',
  'content',
  'documents',
  'links',
  'shares',
  'click_salts',
  'clicks',
  'click_counts',
  'advocate_points',
  'revoked_tokens',
];

describe('migrations', () => {
  let database: TestDatabase | undefined;
  const opened: RelayDatabase[] = [];
  const open = (url: string) => {
    const handle = openDatabase(url);
    opened.push(handle);
    return handle;
  };

  afterEach(async () => {
    for (const handle of opened.splice(0)) await handle.close();
    await database?.dispose();
    database = undefined;
  });

  it('creates every table on a fresh database, and a second run is a no-op', async () => {
    database = await freshDatabase();
    const handle = open(database.url);
    expect(await tableNames(handle)).toEqual([]);

    const applied = await migrateToLatest(handle);
    expect(applied[0]).toBe('0001_initial');
    expect(await tableNames(handle)).toEqual(expect.arrayContaining(TABLES));
    const before = await handle.db.selectFrom('counters').selectAll().execute();
    expect(before).toEqual([{ name: 'seq', value: 0 }]);

    expect(await migrateToLatest(handle)).toEqual([]);
    expect(await migrateToLatest(handle)).toEqual([]);
    expect(await handle.db.selectFrom('counters').selectAll().execute()).toEqual(before);
    for (const table of TABLES) {
      const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(
        handle.db,
      );
      expect(Number(rows[0]!.n), table).toBe(table === 'counters' ? 1 : 0);
    }
  });

  // Several API instances share one PostgreSQL database and may start together (SQLite serves one instance).
  it.runIf(process.env.RELAY_TEST_DB === 'postgres')(
    'lets two instances migrate the same fresh database at once',
    async () => {
      database = await freshDatabase();
      const first = open(database.url);
      const second = open(database.url);
      const results = await Promise.allSettled([migrateToLatest(first), migrateToLatest(second)]);
      expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled']);
      const applied = results.flatMap((result) => (result.status === 'fulfilled' ? result.value : []));
      // Each migration ran exactly once between them.
      expect(applied.filter((name) => name === '0001_initial')).toEqual(['0001_initial']);
      expect(await first.db.selectFrom('counters').selectAll().execute()).toEqual([{ name: 'seq', value: 0 }]);
    },
  );

  it('restarts on a migrated database keeping its data and the first admin', async () => {
    database = await freshDatabase();
    const config = {
      ...loadConfig({}),
      port: 0,
      host: '127.0.0.1',
      databaseUrl: database.url,
      adminEmail: 'first@relay.test',
      adminPassword: 'first admin password',
    };
    const first = await startServer(config);
    const signIn = (url: string, password: string) =>
      fetch(`${url}/v1/admin/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'first@relay.test', password }),
      });
    let token: string;
    try {
      token = ((await (await signIn(first.url, 'first admin password')).json()) as { token: string }).token;
      const created = await fetch(`${first.url}/v1/admin/invites`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(created.status).toBe(201);
    } finally {
      await first.close();
    }

    // A different password in the environment does not replace the existing admin.
    const second = await startServer({ ...config, adminPassword: 'another admin password' });
    try {
      expect((await signIn(second.url, 'first admin password')).status).toBe(200);
      expect((await signIn(second.url, 'another admin password')).status).toBe(401);
      const invites = await fetch(`${second.url}/v1/admin/invites`, { headers: { authorization: `Bearer ${token}` } });
      expect(invites.status).toBe(200);
      expect(((await invites.json()) as { items: unknown[] }).items).toHaveLength(1);
    } finally {
      await second.close();
    }
  });
});
