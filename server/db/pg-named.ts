/** SQL run on every request, prepared once per PostgreSQL connection (a named statement), so PostgreSQL parses it once per connection, not at every call. */

// PostgreSQL parses a prepared statement again after a schema change that touches it. Behind
// PgBouncer in transaction mode, named statements need PgBouncer 1.21+ (max_prepared_statements).
const names = new Map<string, string>();

/** From now on `sql` runs as a named statement on each connection. Only for SQL that never changes. */
export function nameStatement(sql: string): void {
  if (!names.has(sql)) names.set(sql, `relay_${names.size + 1}`);
}

/** The statement name of `sql`, when it was named. */
export function statementName(sql: string): string | undefined {
  return names.get(sql);
}
