/**
 * Migrations 0006 and 0007 on a database that already has advocates (made by 0001–0003, as
 * deployed before): their tokens keep working (moved to advocate_tokens by 0007), and the idle
 * limit counts from the upgrade, not from their enrolment or last sync, so an upgrade never
 * expires everyone who enrolled long ago.
 */
import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { hashToken, newToken } from '../../server/crypto';
import { openDatabase } from '../../server/db';
import { MIGRATION_NAMES, migrateTo, migrateToLatest } from '../../server/db/migrate';
import { freshDatabase, type TestDatabase } from '../helpers/database';
import { MIGRATION_DATA, type Row } from '../helpers/migration-data';
import { startTestServer } from '../helpers/server';
import { tableNames } from '../helpers/table-names';

const DAY = 86_400_000;
const FAR = 4_102_444_800_000; // migration-data's far future
const WORK_ACCOUNTS = '0007_work_accounts';
const BEFORE_WORK_ACCOUNTS = '0006_token_revocation';
const WORK_ACCOUNT_TABLES = ['advocate_tokens', 'group_members', 'groups', 'scim_tokens', 'sso_codes', 'sso_logins'];
const IDENTITY_COLUMNS = ['subject', 'email', 'external_id', 'user_name', 'provisioned_at'];

/** Every row of `table`, by id (or token hash), in an order that does not depend on the database. */
async function rows(db: Kysely<unknown>, table: string): Promise<Row[]> {
  const { rows: found } = await sql<Row>`select * from ${sql.table(table)}`.execute(db);
  const key = (row: Row) => String(row.id ?? row.token_hash);
  return found.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

const without = (row: Row, columns: string[]) =>
  Object.fromEntries(Object.entries(row).filter(([column]) => !columns.includes(column)));

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

describe('migration 0007 down and up again', () => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.dispose();
    database = undefined;
  });

  it('gives each advocate back their most recently used token, and moves it to advocate_tokens again', async () => {
    database = await freshDatabase();
    const handle = openDatabase(database.url);
    const db = handle.db as unknown as Kysely<unknown>;
    try {
      // Every migration's representative rows (tests/helpers/migration-data.ts), 0007's included:
      // Ada holds two tokens (an invite one, and a work-account one used last), Grace was removed.
      for (const name of MIGRATION_NAMES.slice(0, MIGRATION_NAMES.indexOf(WORK_ACCOUNTS) + 1)) {
        await migrateTo(handle, name);
        await MIGRATION_DATA[name]!.seed(db);
      }
      const advocates = await rows(db, 'advocates');
      const tokens = await rows(db, 'advocate_tokens');
      const admins = await rows(db, 'admins');
      const kept = await rows(db, 'revoked_tokens');
      expect(tokens.filter((token) => token.advocate_id === 'adv1')).toHaveLength(2);

      await migrateTo(handle, BEFORE_WORK_ACCOUNTS);
      const tables = await tableNames(handle);
      for (const table of WORK_ACCOUNT_TABLES) expect(tables).not.toContain(table);
      const latestUse = (id: string) => {
        const held = tokens.filter((token) => token.advocate_id === id);
        if (held.length === 0) return { token_hash: `revoked:${id}`, token_used_at: null };
        const uses = held.map((token) => Number(token.used_at ?? token.created_at));
        const last = held[uses.indexOf(Math.max(...uses))]!;
        return { token_hash: last.token_hash, token_used_at: Math.max(...uses) };
      };
      const down = await rows(db, 'advocates');
      expect(down).toEqual(
        advocates.map((row) => ({ ...without(row, IDENTITY_COLUMNS), ...latestUse(String(row.id)) })),
      );
      expect(down.find((row) => row.id === 'adv1')).toMatchObject({ token_hash: 'j'.repeat(64), token_used_at: FAR });
      expect(down.find((row) => row.id === 'adv3')).toMatchObject({
        token_hash: 'revoked:adv3',
        access_ended: 'removed',
      });
      expect(await rows(db, 'admins')).toEqual(admins.map((row) => without(row, ['subject', 'name'])));
      expect(await rows(db, 'revoked_tokens')).toEqual(kept);

      // Up again: one token per advocate who still has access, as 0007 moves them.
      await migrateToLatest(handle);
      const again = await rows(db, 'advocate_tokens');
      expect(again).toEqual(
        down
          .filter((row) => row.access_ended === null)
          .map((row) => ({
            token_hash: row.token_hash,
            advocate_id: row.id,
            via: 'invite',
            created_at: row.created_at,
            used_at: row.token_used_at,
          }))
          .sort((a, b) => (String(a.token_hash) < String(b.token_hash) ? -1 : 1)),
      );
      expect(again.map((row) => row.advocate_id).sort()).toEqual(['adv1', 'adv2', 'adv4']);
      expect((await rows(db, 'advocates')).map((row) => row.token_hash)).toEqual(
        advocates.map((row) => `none:${String(row.id)}`),
      );
    } finally {
      await handle.close();
    }
  });
});
