/**
 * Opens the database named by DATABASE_URL: an embedded SQLite file (`sqlite:<path>`, the default)
 * or PostgreSQL (`postgres://…`). Both are driven through the same Kysely schema and migrations.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';

export type DialectName = 'sqlite' | 'postgres';

export interface RelayDatabase {
  db: Kysely<Database>;
  dialect: DialectName;
  /** A PostgreSQL connection string, for features that need their own connection (LISTEN). */
  postgresUrl?: string;
  close(): Promise<void>;
}

export class DatabaseUrlError extends Error {
  override name = 'DatabaseUrlError';
}

// int8 (bigint) columns hold millisecond times and counters: well inside Number's exact range.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export function parseDatabaseUrl(
  url: string,
): { dialect: 'sqlite'; path: string } | { dialect: 'postgres'; url: string } {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return { dialect: 'postgres', url };
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (!path) throw new DatabaseUrlError('DATABASE_URL "sqlite:" needs a file path, e.g. sqlite:data/relay.db');
    return { dialect: 'sqlite', path };
  }
  throw new DatabaseUrlError(
    `DATABASE_URL must start with sqlite: or postgres:// (got ${JSON.stringify(url.replace(/:[^:@/]*@/, ':***@'))})`,
  );
}

export function openDatabase(url: string, options: { poolSize?: number } = {}): RelayDatabase {
  const parsed = parseDatabaseUrl(url);
  if (parsed.dialect === 'postgres') {
    const pool = new pg.Pool({ connectionString: parsed.url, max: options.poolSize ?? 10 });
    // An idle client that loses its connection must not crash the process.
    pool.on('error', (error) => console.error('postgres pool error:', error.message));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', postgresUrl: parsed.url, close: () => db.destroy() };
  }
  if (parsed.path !== ':memory:') mkdirSync(dirname(parsed.path), { recursive: true });
  const sqlite = new SQLite(parsed.path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}
