/** The tables of a test's own database: on PostgreSQL only its schema's, as other test files run beside it in theirs. */
import { sql } from 'kysely';
import type { RelayDatabase } from '../../server/db';

export async function tableNames(handle: RelayDatabase): Promise<string[]> {
  const tables = await handle.db.introspection.getTables();
  if (handle.dialect === 'sqlite') return tables.map((table) => table.name);
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(handle.db);
  return tables.filter((table) => table.schema === rows[0]!.schema).map((table) => table.name);
}
