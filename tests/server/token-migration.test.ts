/**
 * Migrations 0006 and 0007 on a database that already has advocates (made by 0001–0003, as
 * deployed before): their tokens keep working (moved to advocate_tokens by 0007), and the idle
 * limit counts from the upgrade, not from their enrolment or last sync, so an upgrade never
 * expires everyone who enrolled long ago.
 */
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { hashToken, newToken } from '../../server/crypto';
import { openDatabase } from '../../server/db';
import { migrateTo, migrateToLatest } from '../../server/db/migrate';
import { freshDatabase, type TestDatabase } from '../helpers/database';
import { startTestServer } from '../helpers/server';

const DAY = 86_400_000;

describe('migrations 0006 and 0007 on a database with advocates', () => {
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
      // As deployed before 0004 (advocates then named their invite by its code).
      await migrateTo(handle, '0003_clicks_points');
      await sql`insert into advocates (id, name, ref, token_hash, invite_code, created_at, last_sync_at)
        values ('old-timer', 'Old Timer', 'ref-old', ${hashToken(token)}, null, ${longAgo}, ${longAgo})`.execute(
        handle.db,
      );
      const before = Date.now();
      expect(await migrateToLatest(handle)).toEqual(
        expect.arrayContaining(['0006_token_revocation', '0007_work_accounts']),
      );
      const row = await handle.db
        .selectFrom('advocates')
        .select(['token_hash', 'access_ended', 'access_ended_at'])
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ token_hash: 'none:old-timer', access_ended: null, access_ended_at: null });
      const tokens = await handle.db.selectFrom('advocate_tokens').selectAll().execute();
      expect(tokens).toEqual([
        {
          token_hash: hashToken(token),
          advocate_id: 'old-timer',
          via: 'invite',
          created_at: expect.any(Number),
          used_at: expect.any(Number),
        },
      ]);
      expect(Number(tokens[0]!.used_at)).toBeGreaterThanOrEqual(before);
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
