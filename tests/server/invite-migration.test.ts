/**
 * Migration 0004 on a database that holds invites and advocates from before it: every code is
 * replaced by its hash, an id and a hint, advocates point at their invite's id, and the old codes
 * still enrol, revoke and list as before.
 */
import { createHash } from 'node:crypto';
import { Migrator, sql, type Kysely, type Migration } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db';
import { migrateToLatest, migrations } from '../../server/db/migrate';
import { freshDatabase, type TestDatabase } from '../helpers/database';
import { startTestServer, type TestServer } from '../helpers/server';
import { migratorDatabase } from '../../server/db/own-schema';

const BEFORE = '0003_clicks_points';
const NOW = Date.UTC(2026, 0, 15);
const OLD_INVITES = [
  { code: 'ABCD-EFGH', created_by: null, max_uses: null, uses: 1, expires_at: null, revoked_at: null },
  { code: 'JKMN-PQRS', created_by: null, max_uses: 5, uses: 0, expires_at: NOW + 86_400_000 * 3650, revoked_at: null },
  { code: 'TUVW-XYZ2', created_by: null, max_uses: null, uses: 0, expires_at: null, revoked_at: NOW },
];

describe('migration 0004: invite codes stored hashed', () => {
  let database: TestDatabase;
  let server: TestServer;

  beforeAll(async () => {
    database = await freshDatabase();
    const handle = openDatabase(database.url);
    try {
      const db = handle.db as unknown as Kysely<unknown>;
      const migrator = new Migrator({
        db: migratorDatabase(db, handle.dialect),
        provider: { getMigrations: async (): Promise<Record<string, Migration>> => migrations },
        migrationTableSchema: handle.dialect === 'postgres' ? await currentSchema(db) : undefined,
      });
      const { error } = await migrator.migrateTo(BEFORE);
      if (error) throw error;
      for (const invite of OLD_INVITES) {
        await db
          .insertInto('invites' as never)
          .values({ ...invite, created_at: NOW } as never)
          .execute();
      }
      await db
        .insertInto('advocates' as never)
        .values({
          id: 'adv-before-0004',
          name: 'Early Bird',
          ref: 'earlybird1',
          token_hash: 'f'.repeat(64),
          invite_code: 'ABCD-EFGH',
          created_at: NOW,
          last_sync_at: null,
        } as never)
        .execute();
      expect(await migrateToLatest(handle)).toContain('0004_invite_code_hashes');
    } finally {
      await handle.close();
    }
    server = await startTestServer({ databaseUrl: database.url });
  });
  afterAll(async () => {
    await server?.stop();
    await database?.dispose();
  });

  it('keeps no code: each invite has an id, the SHA-256 of its code and its first group', async () => {
    const rows = await server.deps.db.selectFrom('invites').selectAll().orderBy('hint').execute();
    expect(rows).toHaveLength(3);
    for (const [i, invite] of OLD_INVITES.entries()) {
      const row = rows[i]!;
      expect(row.code_hash).toBe(createHash('sha256').update(invite.code).digest('hex'));
      expect(row.hint).toBe(invite.code.slice(0, 4));
      expect(row.id).toMatch(/^\S+$/);
      expect(row).toMatchObject({ uses: invite.uses, max_uses: invite.max_uses });
      expect(row.expires_at === null ? null : Number(row.expires_at)).toBe(invite.expires_at);
      expect(row.revoked_at === null ? null : Number(row.revoked_at)).toBe(invite.revoked_at);
    }
    expect(JSON.stringify(rows)).not.toMatch(/ABCD-EFGH|JKMN-PQRS|TUVW-XYZ2/);
  });

  it('points existing advocates at their invite by id', async () => {
    const advocate = await server.deps.db
      .selectFrom('advocates')
      .selectAll()
      .where('id', '=', 'adv-before-0004')
      .executeTakeFirstOrThrow();
    const invite = await server.deps.db
      .selectFrom('invites')
      .select('id')
      .where('hint', '=', 'ABCD')
      .executeTakeFirstOrThrow();
    expect(advocate.invite_id).toBe(invite.id);
    expect(advocate).not.toHaveProperty('invite_code');
  });

  it('still enrols with the old codes, refuses the revoked one, and revokes by code', async () => {
    const enroll = (code: string) => server.call('/v1/enroll', { method: 'POST', json: { code, name: 'Later Larry' } });
    expect((await enroll('abcd efgh')).status).toBe(201);
    expect((await enroll('JKMN-PQRS')).status).toBe(201);
    expect((await enroll('TUVW-XYZ2')).status).toBe(410);
    const admin = await server.adminToken();
    expect((await server.call('/v1/admin/invites/JKMN-PQRS', { method: 'DELETE', token: admin })).status).toBe(200);
    expect((await enroll('JKMN-PQRS')).status).toBe(410);
    const { items } = (await (await server.call('/v1/admin/invites', { token: admin })).json()) as {
      items: { hint: string; uses: number; revoked: boolean }[];
    };
    expect(items.map(({ hint, uses, revoked }) => ({ hint, uses, revoked }))).toEqual(
      expect.arrayContaining([
        { hint: 'ABCD', uses: 2, revoked: false },
        { hint: 'JKMN', uses: 1, revoked: true },
        { hint: 'TUVW', uses: 0, revoked: true },
      ]),
    );
  });
});

async function currentSchema(db: Kysely<unknown>): Promise<string> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return rows[0]!.schema;
}
