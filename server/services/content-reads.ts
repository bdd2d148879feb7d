/** Reading content rows for the admin routes: one by id, and the list with its status and text filters. */
import type { Kysely } from 'kysely';
import type { ContentListQuery } from '../../lib/console-schemas';
import type { Database } from '../db/schema';
import { ProblemError } from '../problem';
import type { ContentRow } from './content';

export function findContent(db: Kysely<Database>, id: string): Promise<ContentRow | undefined> {
  return db.selectFrom('content').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The row, or 404 not-found. */
export async function requireContent(db: Kysely<Database>, id: string): Promise<ContentRow> {
  const row = await findContent(db, id);
  if (!row) throw new ProblemError(404, `No content with id ${id}.`, { type: 'not-found' });
  return row;
}

/** Every row, most recently changed first, of a status as of `now` and containing `q`. */
export async function listContent(db: Kysely<Database>, filter: ContentListQuery, now: number): Promise<ContentRow[]> {
  const { status, q } = filter;
  let query = db.selectFrom('content').selectAll();
  if (status === 'draft' || status === 'pending' || status === 'archived') query = query.where('status', '=', status);
  else if (status === 'scheduled') query = query.where('status', '=', 'published').where('publish_at', '>', now);
  else if (status === 'published') {
    query = query
      .where('status', '=', 'published')
      .where((eb) => eb.or([eb('publish_at', 'is', null), eb('publish_at', '<=', now)]));
  }
  const rows = await query.orderBy('updated_at', 'desc').orderBy('id').execute();
  // Text search in JS: case-insensitive beyond ASCII on both databases (lists are admin-sized).
  const needle = q?.toLocaleLowerCase();
  if (!needle) return rows;
  return rows.filter((row) =>
    [row.title, row.url, row.note ?? '', row.campaign ?? '', ...(JSON.parse(row.tags) as string[])].some((field) =>
      field.toLocaleLowerCase().includes(needle),
    ),
  );
}
