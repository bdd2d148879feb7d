/**
 * Advocate tokens looked up together (server/services/token-lookup.ts): lookups asked for in one
 * turn of the event loop are one query, each gets its own advocate (groups included), an unknown or
 * ended token gets nothing, and a failed query fails every lookup that waited on it.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TokenLookup } from '../../server/services/token-lookup';
import { advocateRow, migratedDatabase, type SeededDatabase } from '../helpers/seeded-database';

const NOW = 1_767_225_600_000;

describe('TokenLookup', () => {
  let seeded: SeededDatabase;

  beforeAll(async () => {
    seeded = await migratedDatabase();
    const { db } = seeded.handle;
    await db
      .insertInto('advocates')
      .values([
        advocateRow('ada', NOW, { language: 'fr' }),
        advocateRow('bo', NOW),
        advocateRow('cy', NOW, { access_ended_at: NOW, access_ended: 'removed' }),
      ])
      .execute();
    await db
      .insertInto('advocate_tokens')
      .values([
        { token_hash: 'hash-ada-1', advocate_id: 'ada', via: 'invite', created_at: NOW, used_at: null },
        { token_hash: 'hash-ada-2', advocate_id: 'ada', via: 'sso', created_at: NOW + 1, used_at: NOW + 5 },
        { token_hash: 'hash-bo', advocate_id: 'bo', via: 'invite', created_at: NOW, used_at: null },
        { token_hash: 'hash-cy', advocate_id: 'cy', via: 'invite', created_at: NOW, used_at: null },
      ])
      .execute();
    await db
      .insertInto('groups')
      .values(
        ['g1', 'g2'].map((id) => ({
          id,
          display_name: id,
          external_id: null,
          source: 'console',
          created_at: NOW,
          updated_at: NOW,
        })),
      )
      .execute();
    await db
      .insertInto('group_members')
      .values([
        { group_id: 'g1', advocate_id: 'ada' },
        { group_id: 'g2', advocate_id: 'ada' },
      ])
      .execute();
  });
  afterAll(() => seeded.close());

  it('answers the lookups of one turn with one query, each with its own advocate', async () => {
    const lookup = new TokenLookup(seeded.handle.db, seeded.handle.dialect);
    const [ada1, ada2, bo, again, unknown, ended] = await Promise.all(
      ['hash-ada-1', 'hash-ada-2', 'hash-bo', 'hash-bo', 'hash-nobody', 'hash-cy'].map((hash) => lookup.find(hash)),
    );
    expect(lookup.queries).toBe(1);
    expect(ada1).toMatchObject({ id: 'ada', token_hash: 'hash-ada-1', language: 'fr', created_at: NOW, used_at: null });
    expect(ada2).toMatchObject({ id: 'ada', token_hash: 'hash-ada-2', used_at: NOW + 5 });
    expect(ada1!.group_ids!.split(',').sort()).toEqual(['g1', 'g2']);
    expect(bo).toMatchObject({ id: 'bo', ref: 'ref-bo', group_ids: null });
    expect(again).toEqual(bo);
    expect(unknown).toBeUndefined();
    expect(ended).toBeUndefined();
  });

  it('makes a query per turn: a lookup asked for after the last answer is not answered from it', async () => {
    const lookup = new TokenLookup(seeded.handle.db, seeded.handle.dialect);
    expect(await lookup.find('hash-bo')).toMatchObject({ id: 'bo', leaderboard: 1 });
    await seeded.handle.db.updateTable('advocates').set({ leaderboard: 0 }).where('id', '=', 'bo').execute();
    expect(await lookup.find('hash-bo')).toMatchObject({ id: 'bo', leaderboard: 0 });
    expect(lookup.queries).toBe(2);
  });

  it('splits a turn of more than 200 tokens into several queries, answering every one', async () => {
    const lookup = new TokenLookup(seeded.handle.db, seeded.handle.dialect);
    const hashes = Array.from({ length: 450 }, (_, i) => (i === 449 ? 'hash-bo' : `hash-none-${i}`));
    const rows = await Promise.all(hashes.map((hash) => lookup.find(hash)));
    expect(lookup.queries).toBe(3);
    expect(rows.filter(Boolean).map((row) => row!.id)).toEqual(['bo']);
  });

  it('fails every lookup of a turn whose query failed, and answers the next turn again', async () => {
    const { db, dialect } = seeded.handle;
    const lookup = new TokenLookup(db, dialect);
    await sql`alter table advocate_tokens rename to advocate_tokens_away`.execute(db);
    let failed;
    try {
      failed = await Promise.allSettled([lookup.find('hash-ada-1'), lookup.find('hash-bo')]);
    } finally {
      await sql`alter table advocate_tokens_away rename to advocate_tokens`.execute(db);
    }
    expect(failed.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect(await lookup.find('hash-bo')).toMatchObject({ id: 'bo' });
  });
});
