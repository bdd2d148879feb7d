/** better-sqlite3 as Kysely sees it, with every failure and every committed write reported to the availability. */
import type SQLite from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';
import type { DatabaseAvailability } from './availability';
import { StatementCache } from './statement-cache';

const NOTHING: SqliteStatement = {
  reader: false,
  all: () => [],
  run: () => ({ changes: 0, lastInsertRowid: 0 }),
  iterate: () => [][Symbol.iterator](),
};

export function watchedSqlite(database: SQLite.Database, availability: DatabaseAvailability): SqliteDatabase {
  const observe = <T>(write: boolean, run: () => T): T => {
    let result: T;
    try {
      result = run();
    } catch (error) {
      availability.report(error);
      throw error;
    }
    // A write counts once it is committed: on its own, or as the transaction's COMMIT.
    if (write && !database.inTransaction) availability.writeSucceeded();
    return result;
  };

  const statements = new StatementCache(database);
  return {
    close: () => database.close(),
    prepare(sql: string): SqliteStatement {
      // SQLite rolls a transaction back by itself when a write fails for want of room or I/O: the
      // ROLLBACK that follows would fail too and hide the real error, so it does nothing then.
      if (/^\s*rollback\s*$/i.test(sql) && !database.inTransaction) return NOTHING;
      const statement = observe(false, () => statements.prepare(sql));
      const write = !statement.readonly || /^\s*commit\b/i.test(sql);
      return {
        reader: statement.reader,
        all: (parameters) => observe(write, () => statement.all(parameters as unknown[])),
        run: (parameters) => observe(write, () => statement.run(parameters as unknown[])),
        // An iteration may be left unfinished: it gets a statement of its own.
        iterate: (parameters) => observe(false, () => database.prepare(sql).iterate(parameters as unknown[])),
      };
    },
  };
}
