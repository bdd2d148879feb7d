/**
 * One group per source and name (the unique index on groups (source, display_name)): first
 * sign-ins naming a new provider group at once make one 'idp' group; SCIM still answers 409 for a
 * displayName another SCIM group has, also when two requests race. Emails and userNames are found
 * by lower() through their expression indexes.
 */
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../server/crypto';
import type { Database } from '../../server/db/schema';
import { replaceIdpGroups } from '../../server/sso/groups';
import { createScimToken, expectScimError, GROUP_SCHEMA, scimClient, type ScimClient } from '../helpers/scim';
import { startTestServer, type TestServer } from '../helpers/server';

describe('groups, one per source and name', () => {
  let server: TestServer;
  let scim: ScimClient;

  beforeAll(async () => {
    server = await startTestServer();
    scim = scimClient(server, (await createScimToken(server)).token);
  });
  afterAll(async () => {
    await server?.stop();
  });

  async function advocate(): Promise<string> {
    const id = newId();
    await server.deps.db
      .insertInto('advocates')
      .values({
        id,
        name: 'Signing in',
        ref: id.slice(0, 10),
        token_hash: `none:${id}`,
        invite_id: null,
        created_at: server.clock.now,
        last_sync_at: null,
      })
      .execute();
    return id;
  }

  it('makes one idp group when several first sign-ins name it at once, each advocate a member', async () => {
    const advocates = await Promise.all([1, 2, 3, 4, 5, 6].map(() => advocate()));
    // Each sign-in's own transaction, as in server/sso/advocates.ts.
    await Promise.all(
      advocates.map((id) =>
        server.deps.db
          .transaction()
          .execute((trx) => replaceIdpGroups(trx, id, ['Night shift', `solo ${id}`], server.clock.now)),
      ),
    );
    const groups = await server.deps.db
      .selectFrom('groups')
      .select('id')
      .where('source', '=', 'idp')
      .where('display_name', '=', 'Night shift')
      .execute();
    expect(groups).toHaveLength(1);
    const members = await server.deps.db
      .selectFrom('group_members')
      .select('advocate_id')
      .where('group_id', '=', groups[0]!.id)
      .execute();
    expect(members.map((row) => row.advocate_id).sort()).toEqual([...advocates].sort());
  });

  it('still answers SCIM 409 for a displayName another SCIM group has, also for two requests at once', async () => {
    const group = (displayName: string) => ({ schemas: [GROUP_SCHEMA], displayName });
    // An 'idp' group of that name is another source: no conflict.
    const designer = await advocate();
    await server.deps.db.transaction().execute((trx) => replaceIdpGroups(trx, designer, ['Design'], server.clock.now));
    await scim.json('POST', '/Groups', group('Design'), 201);
    await expectScimError(await scim.send('POST', '/Groups', group('design')), 409, 'uniqueness');
    const answers = await Promise.all([1, 2, 3, 4].map(() => scim.send('POST', '/Groups', group('Support'))));
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409, 409, 409]);
    for (const answer of answers.filter((each) => each.status === 409)) {
      await expectScimError(answer, 409, 'uniqueness');
    }
    const rows = await server.deps.db
      .selectFrom('groups')
      .select('source')
      .where('display_name', '=', 'Design')
      .execute();
    expect(rows.map((row) => row.source).sort()).toEqual(['idp', 'scim']);
  });

  /** The query plan of a lookup by lower(column) (PostgreSQL told not to scan the table, it being small). */
  async function plan(db: Kysely<Database>, column: 'email' | 'user_name'): Promise<string> {
    const lookup = sql`select id from advocates where lower(${sql.ref(column)}) = ${'someone@example.com'}`;
    if (server.deps.dialect === 'sqlite') {
      const rows = await sql<{ detail: string }>`explain query plan ${lookup}`.execute(db);
      return rows.rows.map((row) => row.detail).join('\n');
    }
    return db.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      const rows = await sql<{ 'QUERY PLAN': string }>`explain ${lookup}`.execute(trx);
      return rows.rows.map((row) => row['QUERY PLAN']).join('\n');
    });
  }

  it('finds advocates by lower(email) and lower(user_name) through their indexes', async () => {
    expect(await plan(server.deps.db, 'email')).toContain('advocates_email');
    expect(await plan(server.deps.db, 'user_name')).toContain('advocates_user_name');
  });
});
