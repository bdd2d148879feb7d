/** Runs the schema migrations (one set, for SQLite and PostgreSQL alike) up to the latest. */
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { migratorDatabase } from './own-schema';
import type { RelayDatabase } from './index';
import * as initial from './migrations/0001_initial';
import * as windowIndexes from './migrations/0002_content_window_indexes';
import * as clicksPoints from './migrations/0003_clicks_points';
import * as inviteCodeHashes from './migrations/0004_invite_code_hashes';
import * as sharesChecked from './migrations/0005_shares_checked';
import * as tokenRevocation from './migrations/0006_token_revocation';
import * as workAccounts from './migrations/0007_work_accounts';
import * as publishOverrides from './migrations/0008_publish_overrides';
import * as images from './migrations/0009_images';
import * as integrationHealth from './migrations/0010_integration_health';
import * as rolesAudit from './migrations/0011_roles_audit';
import * as audiencesLanguages from './migrations/0012_audiences_languages';
import * as approvals from './migrations/0013_approvals';
import * as auditAppendOnly from './migrations/0014_audit_append_only';
import * as rankCounts from './migrations/0015_rank_counts';
import * as pointsRebuild from './migrations/0016_points_rebuild';

export const migrations: Record<string, Migration> = {
  '0001_initial': initial,
  '0002_content_window_indexes': windowIndexes,
  '0003_clicks_points': clicksPoints,
  '0004_invite_code_hashes': inviteCodeHashes,
  '0005_shares_checked': sharesChecked,
  '0006_token_revocation': tokenRevocation,
  '0007_work_accounts': workAccounts,
  '0008_publish_overrides': publishOverrides,
  '0009_images': images,
  '0010_integration_health': integrationHealth,
  '0011_roles_audit': rolesAudit,
  '0012_audiences_languages': audiencesLanguages,
  '0013_approvals': approvals,
  '0014_audit_append_only': auditAppendOnly,
  '0015_rank_counts': rankCounts,
  '0016_points_rebuild': pointsRebuild,
};

class InCodeMigrations implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations;
  }
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/**
 * On PostgreSQL the migration bookkeeping tables are placed in the connection's current schema
 * explicitly: Kysely would otherwise take such tables in ANY schema of the database as its own.
 */
async function currentSchema(db: Kysely<unknown>, dialect: 'sqlite' | 'postgres'): Promise<string | undefined> {
  if (dialect !== 'postgres') return undefined;
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return rows[0]?.schema;
}

/** Every migration's name, oldest first. */
export const MIGRATION_NAMES: readonly string[] = Object.keys(migrations).sort();

async function migratorFor(database: Pick<RelayDatabase, 'db' | 'dialect'>): Promise<Migrator> {
  const db = database.db as unknown as Kysely<unknown>;
  return new Migrator({
    db: migratorDatabase(db, database.dialect),
    provider: new InCodeMigrations(),
    migrationTableSchema: await currentSchema(db, database.dialect),
  });
}

/** Migrates up to (and including) `name`, for tests of a database made by an older release. */
export async function migrateTo(database: Pick<RelayDatabase, 'db' | 'dialect'>, name: string): Promise<void> {
  const { error } = await (await migratorFor(database)).migrateTo(name);
  if (error) throw new MigrationError(`migrating to ${name} failed: ${(error as Error).message ?? String(error)}`);
}

export async function migrateToLatest(database: Pick<RelayDatabase, 'db' | 'dialect'>): Promise<string[]> {
  const dialect = database.dialect;
  const migrator = await migratorFor(database);
  let { error, results } = await migrator.migrateToLatest();
  // SQLite has no migration lock across processes: when another process created the same tables
  // a moment earlier, ours fails with "already exists"; a second pass sees their work and goes on.
  if (dialect === 'sqlite' && error instanceof Error && /already exists/.test(error.message)) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    ({ error, results } = await migrator.migrateToLatest());
  }
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) {
    const reason = error instanceof Error ? error.message : String(error ?? 'unknown error');
    throw new MigrationError(`migration ${failed?.migrationName ?? ''} failed: ${reason}`);
  }
  return (results ?? []).map((result) => result.migrationName);
}
