/** The tables of a test's own database: on PostgreSQL only its schema's, as other test files run beside it in theirs. */
import { sql } from 'kysely';
import type { RelayDatabase } from '../../server/db';

export async function tableNames(handle: RelayDatabase): Promise<string[]> {
  if (handle.dialect === 'sqlite') return (await handle.db.introspection.getTables()).map((table) => table.name);
  // Not Kysely's introspection: it reads every schema by name, and fails when another file drops one meanwhile.
  const { rows } = await sql<{ name: string }>`
    select c.relname as name
    from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind in ('r', 'v', 'p')`.execute(handle.db);
  return rows.map((row) => row.name);
}
