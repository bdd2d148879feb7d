/**
 * insertLinks writes new link rows and says how many it wrote: one statement on PostgreSQL,
 * statements of 5,000 on SQLite; a row whose advocate already has that post's link on that network
 * is skipped and the stored code kept.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RelayDatabase } from '../../server/db';
import { newLinkCode } from '../../server/services/link-codes';
import { insertLinks, type LinkRow } from '../../server/services/link-inserts';
import { contentRow, insertAdvocates, migratedDatabase, type SeededDatabase } from '../helpers/seeded-database';

const NOW = 1_767_225_600_000;
const ADVOCATES = Array.from({ length: 2_600 }, (_, i) => `adv${String(i).padStart(4, '0')}`);

describe('insertLinks', () => {
  let seeded: SeededDatabase;
  let handle: RelayDatabase;

  beforeAll(async () => {
    seeded = await migratedDatabase();
    handle = seeded.handle;
    await insertAdvocates(handle.db, ADVOCATES, NOW);
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

  const stored = (contentId: string) =>
    handle.db
      .selectFrom('links')
      .select(['code', 'advocate_id', 'content_id', 'network', 'created_at'])
      .where('content_id', '=', contentId)
      .execute();
  const key = (row: Pick<LinkRow, 'code' | 'advocate_id' | 'content_id' | 'network'>) =>
    `${row.code} ${row.advocate_id} ${row.content_id} ${row.network}`;

  it('writes 5,200 rows (more than one statement of 5,000 on SQLite) and counts each', async () => {
    const rows = rowsFor('post-a', ADVOCATES);
    expect(await insertLinks(handle.db, handle.dialect, rows)).toBe(5_200);
    const written = await stored('post-a');
    expect(new Set(written.map(key))).toEqual(new Set(rows.map(key)));
    // A number as stored, not text that happens to read as one.
    const types = await sql<{ kind: string }>`
      select distinct ${sql.raw(handle.dialect === 'postgres' ? 'pg_typeof(created_at)::text' : 'typeof(created_at)')} as kind
      from links where content_id = 'post-a'`.execute(handle.db);
    expect(types.rows.map((row) => row.kind)).toEqual([handle.dialect === 'postgres' ? 'bigint' : 'integer']);
    expect(written.every((row) => row.created_at === NOW)).toBe(true);
  });

  it('keeps ids with quotes, backslashes, control and non-ASCII characters exactly (they travel as JSON)', async () => {
    const odd = [`o'brien "q"`, 'back\\slash', 'tab\tnew\nline', 'zoë-日本-😀', 'line\u2028sep'];
    await insertAdvocates(handle.db, odd, NOW);
    const rows = rowsFor('post-b', odd);
    expect(await insertLinks(handle.db, handle.dialect, rows)).toBe(rows.length);
    expect(new Set((await stored('post-b')).map(key))).toEqual(new Set(rows.map(key)));
    await handle.db.deleteFrom('links').where('content_id', '=', 'post-b').execute();
  });

  it('skips rows an advocate already has, keeping the stored code, and counts only the new', async () => {
    const before = await stored('post-a');
    const again = rowsFor('post-a', ADVOCATES.slice(0, 3));
    const fresh = rowsFor('post-b', ADVOCATES.slice(0, 2));
    expect(await insertLinks(handle.db, handle.dialect, [...again, ...fresh])).toBe(fresh.length);
    expect(new Set((await stored('post-a')).map(key))).toEqual(new Set(before.map(key)));
    expect(new Set((await stored('post-b')).map(key))).toEqual(new Set(fresh.map(key)));
  });

  it('writes nothing for no rows', async () => {
    expect(await insertLinks(handle.db, handle.dialect, [])).toBe(0);
  });
});
