/**
 * A fresh, empty database per test file: a temporary SQLite file, or a new schema in the
 * machine's PostgreSQL (RELAY_TEST_DB=postgres; DATABASE_URL or postgres://postgres@127.0.0.1:5432/test).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { DEFAULT_TEST_POSTGRES, postgresHint, testPostgresUrl } from '../../scripts/prerequisites/postgres';

export type TestDatabaseKind = 'sqlite' | 'postgres';

export interface TestDatabase {
  kind: TestDatabaseKind;
  url: string;
  dispose(): Promise<void>;
}

export { DEFAULT_TEST_POSTGRES };

export function testDatabaseKind(): TestDatabaseKind {
  return process.env.RELAY_TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
}

export function postgresBaseUrl(): string {
  return testPostgresUrl(process.env);
}

export function withSearchPath(base: string, schema: string): string {
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

export async function freshDatabase(kind: TestDatabaseKind = testDatabaseKind()): Promise<TestDatabase> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'relay-test-'));
    return {
      kind,
      url: `sqlite:${join(dir, 'relay.db')}`,
      dispose: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const base = postgresBaseUrl();
  const schema = `relay_t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const client = new pg.Client({ connectionString: base });
  try {
    await client.connect();
  } catch (error) {
    // Create the database when the server is up without it; start the cluster only when it is down.
    throw new Error(postgresHint(error, base));
  }
  await client.query(`create schema ${schema}`);
  await client.end();
  return {
    kind,
    url: withSearchPath(base, schema),
    dispose: async () => {
      const admin = new pg.Client({ connectionString: base });
      await admin.connect();
      await admin.query(`drop schema if exists ${schema} cascade`);
      await admin.end();
    },
  };
}
