/**
 * insertLinks writes new link rows and returns exactly those it wrote: one statement on
 * PostgreSQL, batches of 500 on SQLite; a row whose advocate already has that post's link on that
 * network is skipped and the stored code kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RelayDatabase } from '../../server/db';
import { newLinkCode } from '../../server/services/link-codes';
import { insertLinks, type LinkRow } from '../../server/services/link-inserts';
import { advocateRow, contentRow, migratedDatabase, type SeededDatabase } from '../helpers/seeded-database';

const NOW = 1_767_225_600_000;
const ADVOCATES = Array.from({ length: 700 }, (_, i) => `adv${String(i).padStart(4, '0')}`);

describe('insertLinks', () => {
  let seeded: SeededDatabase;
  let handle: RelayDatabase;

  beforeAll(async () => {
    seeded = await migratedDatabase();
    handle = seeded.handle;
    for (let i = 0; i < ADVOCATES.length; i += 200) {
      await handle.db
        .insertInto('advocates')
        .values(ADVOCATES.slice(i, i + 200).map((id) => advocateRow(id, NOW)))
        .execute();
    }
    await handle.db
      .insertInto('content')
      .values(['post-a', 'post-b'].map((id, seq) => contentRow(id, seq, NOW)))
      .execute();
  });

  afterAll(async () => {
    await seeded?.close();
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
