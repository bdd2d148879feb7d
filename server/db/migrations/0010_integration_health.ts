/**
 * Integration health (issue 18): per browser, composer site, extension version and UTC day, the
 * extension's running counts of composers found, insertions and publishes. One row per key, kept
 * at the latest totals the browser reported; no text, URL or advocate is stored with them.
 */
import type { Kysely } from 'kysely';

const COUNTERS = [
  'composers_seen',
  'composers_unmatched',
  'insertions_confirmed',
  'insertions_failed',
  'publishes_confirmed',
  'publishes_unconfirmed',
  'overrides_refused',
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  let table = db.schema
    .createTable('integration_health')
    // A random id the browser made for its reports.
    .addColumn('browser', 'varchar(36)', (c) => c.notNull())
    .addColumn('site', 'varchar(16)', (c) => c.notNull())
    .addColumn('version', 'varchar(32)', (c) => c.notNull())
    // A UTC day, YYYY-MM-DD.
    .addColumn('day', 'varchar(10)', (c) => c.notNull());
  for (const counter of COUNTERS) table = table.addColumn(counter, 'integer', (c) => c.notNull().defaultTo(0));
  await table
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('integration_health_pk', ['browser', 'site', 'version', 'day'])
    .execute();
  await db.schema.createIndex('integration_health_day').on('integration_health').columns(['day', 'site']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('integration_health').ifExists().execute();
}
