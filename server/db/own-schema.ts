/** The database as Kysely's migrator sees it on PostgreSQL: its table lookups confined to the connection's own schema. */
import { sql, type DatabaseIntrospector, type Kysely, type TableMetadata } from 'kysely';

/**
 * Kysely's PostgreSQL introspector reads every schema's tables and calls has_schema_privilege and
 * pg_get_serial_sequence on each by name, so a schema dropped meanwhile by someone else (another
 * application, or a test beside ours) fails Relay's migration with "schema … does not exist". This
 * one lists only the current schema's tables, by oid, which is all the migrator asks about.
 */
function ownSchemaIntrospector(db: Kysely<unknown>, base: DatabaseIntrospector): DatabaseIntrospector {
  return {
    getSchemas: () => base.getSchemas(),
    async getTables(): Promise<TableMetadata[]> {
      const { rows } = await sql<{ name: string; schema: string; kind: string }>`
        select c.relname as name, n.nspname as schema, c.relkind as kind
        from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
        where n.nspname = current_schema() and c.relkind in ('r', 'v', 'p')`.execute(db);
      return rows.map((row) => ({ name: row.name, schema: row.schema, isView: row.kind === 'v', columns: [] }));
    },
    async getMetadata() {
      return { tables: await this.getTables() };
    },
  };
}

/** `db` with its introspection confined to the current schema; everything else is `db`'s own. */
export function withOwnSchemaIntrospection<T>(db: Kysely<T>): Kysely<T> {
  const introspection = ownSchemaIntrospector(db as unknown as Kysely<unknown>, db.introspection);
  return new Proxy(db, {
    get(target, property) {
      if (property === 'introspection') return introspection;
      const value: unknown = Reflect.get(target, property, target);
      // Kysely's methods use private fields: they must run on the real instance.
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** What to hand Kysely's Migrator: on PostgreSQL `db` confined to its schema, on SQLite `db` itself. */
export function migratorDatabase<T>(db: Kysely<T>, dialect: 'sqlite' | 'postgres'): Kysely<T> {
  return dialect === 'postgres' ? withOwnSchemaIntrospection(db) : db;
}
