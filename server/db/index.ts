/**
 * Opens the database named by DATABASE_URL: an embedded SQLite file (`sqlite:<path>`, the default)
 * or PostgreSQL (`postgres://…`). Both are driven through the same Kysely schema and migrations.
 */
import { closeSync, constants, mkdirSync, openSync, statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { DatabaseAvailability } from './availability';
import { DEFAULT_PG_TIMEOUTS, GuardedPgPool, type PgTimeouts } from './pg-pool';
import type { Database } from './schema';
import { watchedSqlite } from './sqlite-watch';

export type DialectName = 'sqlite' | 'postgres';

export interface RelayDatabase {
  db: Kysely<Database>;
  dialect: DialectName;
  /** A PostgreSQL connection string, for features that need their own connection (LISTEN). */
  postgresUrl?: string;
  /** Whether the database can be reached and written right now, as the last queries and probes saw. */
  availability: DatabaseAvailability;
  /** Closes it; PostgreSQL connections still busy after `deadlineMs` are cut. */
  close(deadlineMs?: number): Promise<void>;
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

export interface OpenOptions {
  poolSize?: number;
  /** PostgreSQL connect and statement timeouts. */
  timeouts?: PgTimeouts;
}

export function openDatabase(url: string, options: OpenOptions = {}): RelayDatabase {
  const parsed = parseDatabaseUrl(url);
  if (parsed.dialect === 'postgres') {
    const availability = new DatabaseAvailability('database (PostgreSQL)');
    const pool = new GuardedPgPool(parsed.url, availability, {
      max: options.poolSize ?? 10,
      timeouts: options.timeouts ?? DEFAULT_PG_TIMEOUTS,
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      dialect: 'postgres',
      postgresUrl: parsed.url,
      availability,
      async close(deadlineMs = 5_000) {
        // Kysely's destroy ends the pool; a pool still busy at the deadline has its connections cut.
        const ending = pool.end(deadlineMs);
        await db.destroy();
        await ending;
      },
    };
  }
  const folder = parsed.path === ':memory:' ? undefined : dirname(parsed.path);
  const availability = new DatabaseAvailability(
    'database (SQLite)',
    Date.now,
    folder === undefined ? undefined : () => hasRoom(folder),
  );
  const sqlite = new SQLite(createPrivateFile(parsed.path));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: watchedSqlite(sqlite, availability) }) });
  return { db, dialect: 'sqlite', availability, close: () => db.destroy() };
}

/** Free space below which a SQLite database counts as full: a write may need several pages and its WAL. */
const MIN_FREE_BYTES = 1024 * 1024;

function hasRoom(folder: string): boolean {
  try {
    const stats = statfsSync(folder);
    return stats.bavail * stats.bsize >= MIN_FREE_BYTES;
  } catch {
    return true;
  }
}

/**
 * A new database file is readable by its owner only (0600, in a 0700 folder when we make the
 * folder); SQLite gives its -wal and -shm files the same mode. Existing files are left as they are.
 */
function createPrivateFile(path: string): string {
  if (path === ':memory:') return path;
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  try {
    closeSync(openSync(path, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return path;
}
