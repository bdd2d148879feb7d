/**
 * insertLinks writes new link rows and returns exactly those it wrote: one statement on
 * PostgreSQL, batches of 500 on SQLite; a row whose advocate already has that post's link on that
 * network is skipped and the stored code kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type RelayDatabase } from '../../server/db';
import { migrateToLatest } from '../../server/db/migrate';
import { newLinkCode } from '../../server/services/link-codes';
import { insertLinks, type LinkRow } from '../../server/services/link-inserts';
import { freshDatabase, type TestDatabase } from '../helpers/database';

const NOW = 1_767_225_600_000;
const ADVOCATES = Array.from({ length: 700 }, (_, i) => `adv${String(i).padStart(4, '0')}`);

describe('insertLinks', () => {
  let database: TestDatabase;
  let handle: RelayDatabase;

  beforeAll(async () => {
    database = await freshDatabase();
    handle = openDatabase(database.url);
    await migrateToLatest(handle);
    for (let i = 0; i < ADVOCATES.length; i += 200) {
      await handle.db
        .insertInto('advocates')
        .values(
          ADVOCATES.slice(i, i + 200).map((id) => ({
            id,
            name: id,
            ref: `ref-${id}`,
            token_hash: `none:${id}`,
            invite_id: null,
            created_at: NOW,
            last_sync_at: null,
          })),
        )
        .execute();
    }
    await handle.db
      .insertInto('content')
      .values(
        ['post-a', 'post-b'].map((id, seq) => ({
          id,
          title: id,
          url: `https://example.com/${id}`,
          tags: '[]',
          variants: '[]',
          networks: '["linkedin","x"]',
          translations: '{}',
          audiences: '[]',
          status: 'published',
          seq,
          created_at: NOW,
          updated_at: NOW,
        })),
      )
      .execute();
  });

  afterAll(async () => {
    await handle?.close();
    await database?.dispose();
  });

  const rowsFor = (contentId: string, advocates: string[]): LinkRow[] =>
    advocates.flatMap((advocate) =>
      ['linkedin', 'x'].map((network) => ({
        code: newLinkCode(NOW),
        advocate_id: advocate,
        content_id: contentId,
        network,
        created_at: NOW,
      })),
    );

  it('writes 1,400 rows (past one statement of 500 on SQLite) and returns each', async () => {
    const rows = rowsFor('post-a', ADVOCATES);
    const inserted = await insertLinks(handle.db, handle.dialect, rows);
    expect(inserted).toHaveLength(1_400);
    const key = (row: Pick<LinkRow, 'code' | 'advocate_id' | 'content_id' | 'network'>) =>
      `${row.code} ${row.advocate_id} ${row.content_id} ${row.network}`;
    expect(new Set(inserted.map(key))).toEqual(new Set(rows.map(key)));
    const stored = await handle.db
      .selectFrom('links')
      .select(['created_at'])
      .where('content_id', '=', 'post-a')
      .execute();
    expect(stored).toHaveLength(1_400);
    expect(stored.every((row) => Number(row.created_at) === NOW)).toBe(true);
  });

  it('skips rows an advocate already has, keeping the stored code, and returns only the new', async () => {
    const firstAdvocatesLinks = () =>
      handle.db
        .selectFrom('links')
        .select(['code', 'network'])
        .where('advocate_id', '=', ADVOCATES[0]!)
        .where('content_id', '=', 'post-a')
        .orderBy('network')
        .execute();
    const before = await firstAdvocatesLinks();
    expect(before).toHaveLength(2);
    const again = rowsFor('post-a', ADVOCATES.slice(0, 3));
    const fresh = rowsFor('post-b', ADVOCATES.slice(0, 2));
    const inserted = await insertLinks(handle.db, handle.dialect, [...again, ...fresh]);
    expect(inserted.map((row) => row.code).sort()).toEqual(fresh.map((row) => row.code).sort());
    expect(await firstAdvocatesLinks()).toEqual(before);
  });

  it('writes nothing for no rows', async () => {
    expect(await insertLinks(handle.db, handle.dialect, [])).toEqual([]);
  });
});
