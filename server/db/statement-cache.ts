/**
 * Prepared SQLite statements kept by their SQL, so a query the server runs again (every redirect's
 * click batch, every sync, a publish's link inserts) is not parsed and planned again. The newest
 * `size` are kept; a schema change empties it. Kysely runs one query at a time on the connection,
 * so a kept statement is never in use twice at once.
 */
import type SQLite from 'better-sqlite3';

const SCHEMA_CHANGE = /^\s*(create|drop|alter)\b/i;

export class StatementCache {
  private readonly kept = new Map<string, SQLite.Statement>();

  constructor(
    private readonly database: SQLite.Database,
    private readonly size = 256,
  ) {}

  /** The statement for `sql`, prepared once while it stays among the newest used. */
  prepare(sql: string): SQLite.Statement {
    const found = this.kept.get(sql);
    if (found) {
      // Most recently used last, so the first entry is the one to drop.
      this.kept.delete(sql);
      this.kept.set(sql, found);
      return found;
    }
    const statement = this.database.prepare(sql);
    if (SCHEMA_CHANGE.test(sql)) {
      this.kept.clear();
      return statement;
    }
    this.kept.set(sql, statement);
    if (this.kept.size > this.size) this.kept.delete(this.kept.keys().next().value!);
    return statement;
  }

  /** Statements kept now. */
  get count(): number {
    return this.kept.size;
  }
}
