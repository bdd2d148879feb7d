/** Content management for admins: create, read, update, archive, publish and schedule. */
import { Hono } from 'hono';
import { z } from 'zod';
import { contentInputSchema, contentItemSchema, contentPatchSchema } from '../../lib/schemas';
import { contentListQuerySchema } from '../../lib/console-schemas';
import type { AppEnv, Deps } from '../context';
import type { ContentTable } from '../db/schema';
import { requireAdmin } from '../middleware/auth';
import type { ApiRegistry } from '../openapi/registry';
import { ProblemError, validationProblem } from '../problem';
import { isLive, statusOf, toContentItem, toMillis, type ContentRow } from '../services/content';
import { contentColumns, createContent, saveContent } from '../services/content-writes';
import { readJson, readQuery } from '../validate';

const itemsSchema = z.object({ items: z.array(contentItemSchema) });
const notFound = (id: string) => new ProblemError(404, `No content with id ${id}.`, { type: 'not-found' });

export function contentRoutes(deps: Deps, api: ApiRegistry): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { db } = deps;
  app.use(requireAdmin(deps));

  async function load(id: string): Promise<ContentRow> {
    const row = await db.selectFrom('content').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound(id);
    return row;
  }

  /** Every write goes through saveContent: a fresh change number, and extensions told. */
  const save = (before: ContentRow | undefined, values: Omit<ContentTable, 'seq'>): Promise<ContentRow> =>
    saveContent(deps, before, values);

  api.add({
    method: 'post',
    path: '/v1/admin/content',
    summary: 'Create content: a draft, or published/scheduled with publish: true',
    tag: 'content',
    auth: 'admin',
    body: contentInputSchema,
    responses: {
      201: { description: 'Created', schema: contentItemSchema },
      400: { description: 'Malformed JSON' },
      413: { description: 'Body too large' },
      422: { description: 'Invalid content' },
    },
  });
  app.post('/', async (c) => {
    const input = await readJson(c, contentInputSchema);
    const row = await createContent(deps, input);
    // Status as of the moment it was written (scheduled when publishAt was still ahead).
    return c.json(toContentItem(row, row.created_at), 201);
  });

  api.add({
    method: 'get',
    path: '/v1/admin/content',
    summary: 'All content, every status, most recently changed first; status and q filter it',
    tag: 'content',
    auth: 'admin',
    query: contentListQuerySchema,
    responses: { 200: { description: 'Content', schema: itemsSchema }, 400: { description: 'Malformed query' } },
  });
  app.get('/', async (c) => {
    const { status, q } = readQuery(c, contentListQuerySchema);
    const now = deps.now();
    let query = db.selectFrom('content').selectAll();
    if (status === 'draft' || status === 'archived') query = query.where('status', '=', status);
    else if (status === 'scheduled') query = query.where('status', '=', 'published').where('publish_at', '>', now);
    else if (status === 'published') {
      query = query
        .where('status', '=', 'published')
        .where((eb) => eb.or([eb('publish_at', 'is', null), eb('publish_at', '<=', now)]));
    }
    let rows = await query.orderBy('updated_at', 'desc').orderBy('id').execute();
    // Text search in JS: case-insensitive beyond ASCII on both databases (lists are admin-sized).
    const needle = q?.toLocaleLowerCase();
    if (needle) {
      rows = rows.filter((row) =>
        [row.title, row.url, row.note ?? '', row.campaign ?? '', ...(JSON.parse(row.tags) as string[])].some((field) =>
          field.toLocaleLowerCase().includes(needle),
        ),
      );
    }
    return c.json({ items: rows.map((row) => toContentItem(row, now)) });
  });

  api.add({
    method: 'get',
    path: '/v1/admin/content/{id}',
    summary: 'One content item',
    tag: 'content',
    auth: 'admin',
    responses: { 200: { description: 'Content', schema: contentItemSchema }, 404: { description: 'No such content' } },
  });
  app.get('/:id', async (c) => c.json(toContentItem(await load(c.req.param('id')), deps.now())));

  api.add({
    method: 'patch',
    path: '/v1/admin/content/{id}',
    summary: 'Change some fields; null clears an optional field. Live content updates on every extension.',
    tag: 'content',
    auth: 'admin',
    body: contentPatchSchema,
    responses: {
      200: { description: 'Updated', schema: contentItemSchema },
      404: { description: 'No such content' },
      422: { description: 'Invalid change' },
    },
  });
  app.patch('/:id', async (c) => {
    const before = await load(c.req.param('id'));
    const patch = await readJson(c, contentPatchSchema);
    const now = deps.now();
    const current = toContentItem(before, now);
    // The merged item must still be valid content as a whole (e.g. networks still have variants).
    const merged = Object.fromEntries(
      Object.entries({
        title: current.title,
        url: current.url,
        note: current.note,
        imageUrl: current.imageUrl,
        campaign: current.campaign,
        language: current.language,
        tags: current.tags,
        variants: current.variants,
        publishAt: current.publishAt,
        expiresAt: current.expiresAt,
        networks: current.networks,
        ...patch,
      }).filter(([, value]) => value !== null && value !== undefined),
    );
    const checked = contentInputSchema.safeParse(merged);
    if (!checked.success) throw validationProblem(checked.error, 'content after this change');
    const input = checked.data;
    const row = await save(before, {
      ...before,
      ...contentColumns(input),
      publish_at: toMillis(input.publishAt),
      updated_at: now,
    });
    return c.json(toContentItem(row, now));
  });

  api.add({
    method: 'delete',
    path: '/v1/admin/content/{id}',
    summary: 'Archive: advocates lose it on their next sync',
    tag: 'content',
    auth: 'admin',
    responses: { 200: { description: 'Archived', schema: contentItemSchema }, 404: { description: 'No such content' } },
  });
  app.delete('/:id', async (c) => {
    const before = await load(c.req.param('id'));
    const now = deps.now();
    if (before.status === 'archived') return c.json(toContentItem(before, now));
    const row = await save(before, { ...before, status: 'archived', updated_at: now });
    return c.json(toContentItem(row, now));
  });

  api.add({
    method: 'post',
    path: '/v1/admin/content/{id}/publish',
    summary: 'Publish now, or schedule when publishAt is in the future',
    tag: 'content',
    auth: 'admin',
    responses: {
      200: { description: 'Published or scheduled', schema: contentItemSchema },
      404: { description: 'No such content' },
      409: { description: 'Already expired: move expiresAt first' },
    },
  });
  app.post('/:id/publish', async (c) => {
    const before = await load(c.req.param('id'));
    const now = deps.now();
    if (before.expires_at !== null && before.expires_at <= now) {
      throw new ProblemError(409, 'This content has already expired. Set a later expiresAt before publishing.', {
        type: 'expired',
      });
    }
    if (isLive(before, now) || statusOf(before, now) === 'scheduled') return c.json(toContentItem(before, now));
    const scheduled = before.publish_at !== null && before.publish_at > now;
    const row = await save(before, {
      ...before,
      status: 'published',
      publish_at: scheduled ? before.publish_at : now,
      updated_at: now,
    });
    return c.json(toContentItem(row, now));
  });

  return app;
}
