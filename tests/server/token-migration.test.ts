/**
 * Migration 0006 on a database that already has advocates (made by 0001–0003, as deployed before):
 * their tokens keep working, and the idle limit counts from the upgrade, not from their enrolment
 * or last sync, so an upgrade never expires everyone who enrolled long ago.
 */
import { Migrator, sql, type Kysely, type Migration } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { hashToken, newToken } from '../../server/crypto';
import { openDatabase, type RelayDatabase } from '../../server/db';
import { migrateToLatest } from '../../server/db/migrate';
import * as initial from '../../server/db/migrations/0001_initial';
import * as windowIndexes from '../../server/db/migrations/0002_content_window_indexes';
import * as clicksPoints from '../../server/db/migrations/0003_clicks_points';
import { freshDatabase, type TestDatabase } from '../helpers/database';
import { startTestServer } from '../helpers/server';

const DAY = 86_400_000;

/** Migrates to the schema as it was before 0006 (the same bookkeeping as migrate.ts). */
async function migrateBefore0006(handle: RelayDatabase): Promise<void> {
  const db = handle.db as unknown as Kysely<unknown>;
  const schema =
    handle.dialect === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
      : undefined;
  const migrations: Record<string, Migration> = {
    '0001_initial': initial,
    '0002_content_window_indexes': windowIndexes,
    '0003_clicks_points': clicksPoints,
  };
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableSchema: schema,
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
}

describe('migration 0006 on a database with advocates', () => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.dispose();
    database = undefined;
  });

  it('keeps their tokens working and starts their idle period at the upgrade', async () => {
    database = await freshDatabase();
    const handle = openDatabase(database.url);
    const token = newToken('advocate');
    const longAgo = Date.now() - 400 * DAY;
    try {
      await migrateBefore0006(handle);
      await sql`insert into advocates (id, name, ref, token_hash, invite_code, created_at, last_sync_at)
        values ('old-timer', 'Old Timer', 'ref-old', ${hashToken(token)}, null, ${longAgo}, ${longAgo})`.execute(
        handle.db,
      );
      const before = Date.now();
      expect(await migrateToLatest(handle)).toEqual(['0006_token_revocation']);
      const row = await handle.db
        .selectFrom('advocates')
        .select(['token_used_at', 'access_ended', 'access_ended_at'])
        .executeTakeFirstOrThrow();
      expect(row.token_used_at).toBeGreaterThanOrEqual(before);
      expect(row).toMatchObject({ access_ended: null, access_ended_at: null });
    } finally {
      await handle.close();
    }

    const server = await startTestServer({ databaseUrl: database.url, tokenIdleMs: 180 * DAY });
    try {
      expect((await server.call('/v1/sync', { token })).status).toBe(200);
      server.clock.advance(181 * DAY);
      const expired = await server.call('/v1/sync', { token });
      expect(expired.status).toBe(401);
      expect(((await expired.json()) as { type: string }).type).toMatch(/token-expired$/);
    } finally {
      await server.stop();
    }
  });
});
