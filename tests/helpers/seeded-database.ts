/** A fresh, migrated test database and the advocate and content rows tests that skip the API insert. */
import type { Insertable } from 'kysely';
import { openDatabase, type RelayDatabase } from '../../server/db';
import { migrateToLatest } from '../../server/db/migrate';
import type { AdvocatesTable, ContentTable } from '../../server/db/schema';
import { freshDatabase, type TestDatabase } from './database';

export interface SeededDatabase {
  database: TestDatabase;
  handle: RelayDatabase;
  close(): Promise<void>;
}

export async function migratedDatabase(): Promise<SeededDatabase> {
  const database = await freshDatabase();
  const handle = openDatabase(database.url);
  await migrateToLatest(handle);
  return {
    database,
    handle,
    close: async () => {
      await handle.close();
      await database.dispose();
    },
  };
}

/** An enrolled advocate without a usable token; `fields` override the defaults. */
export const advocateRow = (
  id: string,
  createdAt: number,
  fields: Partial<Insertable<AdvocatesTable>> = {},
): Insertable<AdvocatesTable> => ({
  id,
  name: id,
  ref: `ref-${id}`,
  token_hash: `none:${id}`,
  invite_id: null,
  created_at: createdAt,
  last_sync_at: null,
  ...fields,
});

/** Inserts `ids` as advocates (advocateRow), 200 to a statement, under both databases' parameter limits. */
export async function insertAdvocates(
  db: RelayDatabase['db'],
  ids: readonly string[],
  createdAt: number,
): Promise<void> {
  for (let i = 0; i < ids.length; i += 200) {
    await db
      .insertInto('advocates')
      .values(ids.slice(i, i + 200).map((id) => advocateRow(id, createdAt)))
      .execute();
  }
}

/** A published post on LinkedIn and X with no text; `fields` override the defaults. */
export const contentRow = (
  id: string,
  seq: number,
  createdAt: number,
  fields: Partial<Insertable<ContentTable>> = {},
): Insertable<ContentTable> => ({
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
  created_at: createdAt,
  updated_at: createdAt,
  ...fields,
});
