/**
 * Click attribution and scoring: recorded clicks (deduplicated per link, visitor hash and hour),
 * hourly click counts per link, the daily visitor-hash salts, per-advocate points per period
 * bucket for the leaderboard, and each advocate's optional team.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('advocates').addColumn('team', 'varchar(60)').execute();
  // The version of the scoring rules the advocate's advocate_points rows were computed with.
  await db.schema.alterTable('advocates').addColumn('scored_with', 'varchar(32)').execute();

  await db.schema
    .createTable('click_salts')
    .addColumn('day', 'integer', (c) => c.primaryKey())
    .addColumn('salt', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  // One row per (link, visitor, hour): the primary key is what deduplicates across instances. No
  // foreign key: it would cost a check per click on the redirect's write path (click_counts keeps
  // one, per link and hour), and links are never deleted on their own.
  await db.schema
    .createTable('clicks')
    .addColumn('code', 'varchar(16)', (c) => c.notNull())
    .addColumn('visitor', 'varchar(32)', (c) => c.notNull())
    .addColumn('hour', 'integer', (c) => c.notNull())
    .addColumn('clicked_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('clicks_pk', ['code', 'visitor', 'hour'])
    .execute();

  // Counted clicks per link and hour: what scoring reads (one row per busy hour, not per click).
  await db.schema
    .createTable('click_counts')
    .addColumn('code', 'varchar(16)', (c) => c.notNull().references('links.code').onDelete('cascade'))
    .addColumn('hour', 'integer', (c) => c.notNull())
    .addColumn('clicks', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('click_counts_pk', ['code', 'hour'])
    .execute();
  // Analytics read click counts by time range.
  await db.schema.createIndex('click_counts_hour').on('click_counts').column('hour').execute();

  // Points per advocate and bucket ('all', '2026-02' for a month, '2026-W05' for an ISO week), kept
  // up to date by the scoring module; listed and team are copied from advocates so the leaderboard
  // is one index range scan.
  await db.schema
    .createTable('advocate_points')
    .addColumn('advocate_id', 'varchar(32)', (c) => c.notNull().references('advocates.id').onDelete('cascade'))
    .addColumn('bucket', 'varchar(10)', (c) => c.notNull())
    .addColumn('points', 'integer', (c) => c.notNull())
    .addColumn('listed', 'integer', (c) => c.notNull())
    .addColumn('team', 'varchar(60)')
    .addPrimaryKeyConstraint('advocate_points_pk', ['advocate_id', 'bucket'])
    .execute();
  await db.schema
    .createIndex('advocate_points_board')
    .on('advocate_points')
    .columns(['bucket', 'listed', 'points', 'advocate_id'])
    .execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    // A caller's rank counts the index entries ahead of them: index-only while the visibility map
    // is current. Rows here change with every share and click flush, so vacuum after 0.5% of the
    // table changed rather than PostgreSQL's 20% (vacuum skips the pages that stayed all-visible).
    await sql`alter table advocate_points set (autovacuum_vacuum_scale_factor = 0.005, autovacuum_vacuum_threshold = 1000, autovacuum_analyze_scale_factor = 0.02)`.execute(
      db,
    );
  }
  await db.schema
    .createIndex('advocate_points_team')
    .on('advocate_points')
    .columns(['bucket', 'team', 'listed', 'points', 'advocate_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('click_counts_hour').execute();
  for (const table of ['advocate_points', 'click_counts', 'clicks', 'click_salts']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  await db.schema.alterTable('advocates').dropColumn('scored_with').execute();
  await db.schema.alterTable('advocates').dropColumn('team').execute();
}
