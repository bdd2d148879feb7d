/** Content management for admins: create, read, update, archive, publish and schedule. */
import { z } from 'zod';
import {
  contentInputSchema,
  contentItemSchema,
  contentPatchSchema,
  mustFixFailureSchema,
  publishBodySchema,
} from '../../lib/schemas';
import { contentListQuerySchema, contentListSchema } from '../../lib/console-schemas';
import type { Deps } from '../context';
import { ProblemError, validationProblem } from '../problem';
import { checkAudienceGroups } from '../services/audiences';
import { isLive, resolveNetworks, statusOf, toContentItem, toMillis, type ContentRow } from '../services/content';
import { adminItem, adminItems, checkPublish } from '../services/content-overrides';
import * as approvals from '../services/approvals';
import { notifyReviewed, notifySubmitted } from '../services/notifications';
import { listContent, requireContent } from '../services/content-reads';
import { contentColumns, createContent, saveContent } from '../services/content-writes';
import { noteContent, recordOverride } from '../services/audit-content';
import { contentCounts } from '../services/overview';
import { defineRoute, type Route } from './define';

const notFoundDoc = { description: 'No such content' };
const mustFixDoc = {
  description:
    'Invalid content, or (type must-fix) a variant breaks a must-fix guideline: `failures` lists each; send overrideReason to publish anyway',
  schema: z.object({ type: z.string(), detail: z.string(), failures: z.array(mustFixFailureSchema).optional() }),
};

export function contentRoutes(deps: Deps): Route[] {
  const load = (id: string): Promise<ContentRow> => requireContent(deps.db, id);

  return [
    defineRoute({
      method: 'post',
      path: '/v1/admin/content',
      summary:
        'Create content: a draft, published/scheduled with publish: true, or with approvals on submitted for approval with submit: true',
      tag: 'content',
      auth: 'admin',
      permission: 'content.write',
      audit: { action: 'content.create', target: 'content' },
      body: contentInputSchema,
      responses: {
        201: { description: 'Created', schema: contentItemSchema },
        400: { description: 'Malformed JSON' },
        403: { description: 'Approvals are on: approval-required (publish: true), or self-approval for a reviewer' },
        409: { description: 'approvals-off: submit: true while approvals are off' },
        413: { description: 'Body too large' },
        422: mustFixDoc,
      },
      handler: async (c, { body }) => {
        await checkAudienceGroups(deps.db, body.audiences);
        const admin = c.get('admin');
        // Approvals on: nobody publishes their own new post; submit: true creates it pending.
        const reviewed = await approvals.approvalsOn(deps.db);
        if (reviewed && body.publish) approvals.refuseDirectPublish(admin);
        if (!reviewed && body.submit) throw approvals.approvalsOff();
        if (body.submit) {
          const row = await createContent(deps, body, {
            pending: true,
            override: approvals.bothWrites(approvals.editWrite(admin.id), approvals.submitWrite(admin.id, null)),
          });
          c.set('audit', { action: 'content.submit', target: { type: 'content', id: row.id, label: row.title } });
          await notifySubmitted(deps, row.id, admin.id, null);
          return c.json(await adminItem(deps.db, row, row.created_at), 201);
        }
        // Publishing and scheduling are checked against the guidelines; a draft never is.
        const override = body.publish
          ? await checkPublish(
              deps,
              {
                variants: body.variants,
                networks: resolveNetworks(body.networks, body.variants),
                language: body.language,
                translations: body.translations,
              },
              body.overrideReason,
              c.get('admin').id,
            )
          : undefined;
        const row = await createContent(deps, body, {
          override: approvals.bothWrites(override, approvals.editWrite(admin.id)),
        });
        const { overrideReason: _reason, ...created } = body;
        noteContent(c, row, { after: created });
        await recordOverride(deps, c, row);
        // Status as of the moment it was written (scheduled when publishAt was still ahead).
        return c.json(await adminItem(deps.db, row, row.created_at), 201);
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/admin/content',
      summary:
        'All content, every status, most recently changed first, with its shares and clicks; status and q filter it',
      tag: 'content',
      auth: 'admin',
      permission: 'content.read',
      query: contentListQuerySchema,
      responses: {
        200: { description: 'Content', schema: contentListSchema },
        400: { description: 'Malformed query' },
      },
      handler: async (c, { query }) => {
        const now = deps.now();
        const rows = await listContent(deps.db, query, now);
        const [items, counts] = await Promise.all([
          adminItems(deps.db, rows, now),
          contentCounts(
            deps,
            rows.map((row) => row.id),
          ),
        ]);
        return c.json({ items: items.map((item) => ({ ...item, ...counts.get(item.id)! })) });
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/admin/content/{id}',
      summary: 'One content item',
      tag: 'content',
      auth: 'admin',
      permission: 'content.read',
      responses: { 200: { description: 'Content', schema: contentItemSchema }, 404: notFoundDoc },
      handler: async (c, { params }) => c.json(await adminItem(deps.db, await load(params.id), deps.now())),
    }),

    defineRoute({
      method: 'patch',
      path: '/v1/admin/content/{id}',
      summary: 'Change some fields; null clears an optional field. Live content updates on every extension.',
      tag: 'content',
      auth: 'admin',
      permission: 'content.write',
      audit: { action: 'content.edit', target: 'content' },
      body: contentPatchSchema,
      responses: {
        200: { description: 'Updated', schema: contentItemSchema },
        404: notFoundDoc,
        422: { ...mustFixDoc, description: `Invalid change; ${mustFixDoc.description} (live or scheduled content)` },
      },
      handler: async (c, { params, body: { overrideReason, ...patch } }) => {
        const before = await load(params.id);
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
            translations: current.translations,
            publishAt: current.publishAt,
            expiresAt: current.expiresAt,
            networks: current.networks,
            audiences: current.audiences,
            ...patch,
          }).filter(([, value]) => value !== null && value !== undefined),
        );
        const checked = contentInputSchema.safeParse(merged);
        if (!checked.success) throw validationProblem(checked.error, 'content after this change');
        const input = checked.data;
        if (patch.audiences) await checkAudienceGroups(deps.db, input.audiences);
        const adminId = c.get('admin').id;
        // Approvals on: a change to what advocates read sends an approved post back for approval.
        const reopened =
          before.status === 'published' &&
          approvals.touchesReviewedFields(patch) &&
          (await approvals.approvalsOn(deps.db));
        // Published (live or scheduled) content stays so: a change to its words is checked as a publish.
        const republished =
          !reopened &&
          before.status === 'published' &&
          (patch.variants !== undefined ||
            patch.networks !== undefined ||
            patch.translations !== undefined ||
            patch.language !== undefined);
        const override = republished
          ? await checkPublish(
              deps,
              {
                variants: input.variants,
                networks: resolveNetworks(input.networks, input.variants),
                language: input.language,
                translations: input.translations,
              },
              overrideReason,
              c.get('admin').id,
            )
          : undefined;
        const row = await saveContent(
          deps,
          before,
          {
            ...before,
            ...contentColumns(input),
            ...(reopened ? { status: 'pending' } : {}),
            publish_at: toMillis(input.publishAt),
            updated_at: now,
          },
          approvals.bothWrites(
            override,
            approvals.editWrite(adminId),
            reopened ? approvals.submitWrite(adminId, null, 'reopen') : undefined,
          ),
        );
        noteContent(c, row, { from: before, now });
        await recordOverride(deps, c, row);
        if (reopened) await notifySubmitted(deps, row.id, adminId, null);
        return c.json(await adminItem(deps.db, row, now));
      },
    }),

    defineRoute({
      method: 'delete',
      path: '/v1/admin/content/{id}',
      summary: 'Archive: advocates lose it on their next sync',
      tag: 'content',
      auth: 'admin',
      permission: 'content.publish',
      audit: { action: 'content.archive', target: 'content' },
      responses: { 200: { description: 'Archived', schema: contentItemSchema }, 404: notFoundDoc },
      handler: async (c, { params }) => {
        const before = await load(params.id);
        const now = deps.now();
        if (before.status === 'archived') {
          c.set('audit', { skip: true });
          return c.json(await adminItem(deps.db, before, now));
        }
        const row = await saveContent(deps, before, { ...before, status: 'archived', updated_at: now });
        noteContent(c, row, { before: { status: statusOf(before, now) }, after: { status: 'archived' } });
        return c.json(await adminItem(deps.db, row, now));
      },
    }),

    defineRoute({
      method: 'post',
      path: '/v1/admin/content/{id}/publish',
      summary:
        'Publish now, or schedule when publishAt is in the future; must-fix guidelines need an overrideReason. With approvals on, this approves a pending post: only a reviewer, never its submitter or last editor',
      tag: 'content',
      auth: 'admin',
      permission: 'content.publish',
      audit: { action: 'content.publish', target: 'content' },
      body: publishBodySchema,
      optionalBody: true,
      responses: {
        200: { description: 'Published or scheduled', schema: contentItemSchema },
        403: { description: 'Approvals are on: approval-required (not a reviewer) or self-approval' },
        404: notFoundDoc,
        409: {
          description:
            'Already expired: move expiresAt first; or not-pending: approvals are on and it was not submitted',
        },
        422: mustFixDoc,
      },
      handler: async (c, { params, body }) => {
        const admin = c.get('admin');
        const before = await load(params.id);
        const now = deps.now();
        if (before.expires_at !== null && before.expires_at <= now) {
          throw new ProblemError(409, 'This content has already expired. Set a later expiresAt before publishing.', {
            type: 'expired',
          });
        }
        if (isLive(before, now) || statusOf(before, now) === 'scheduled') {
          c.set('audit', { skip: true });
          return c.json(await adminItem(deps.db, before, now));
        }
        // Approvals on: publishing is approving, by a reviewer who neither submitted nor last edited it.
        const reviewed = await approvals.approvalsOn(deps.db);
        const submitter = reviewed ? await approvals.checkReviewer(deps.db, before, admin, 'approve') : null;
        const current = toContentItem(before, now);
        const override = await checkPublish(deps, current, body.overrideReason, admin.id);
        const scheduled = before.publish_at !== null && before.publish_at > now;
        const comment = body.comment ?? null;
        const row = await saveContent(
          deps,
          before,
          { ...before, status: 'published', publish_at: scheduled ? before.publish_at : now, updated_at: now },
          reviewed ? approvals.bothWrites(override, approvals.reviewWrite(admin.id, 'approved', comment)) : override,
        );
        noteContent(c, row, {
          before: { status: statusOf(before, now) },
          after: { status: scheduled ? 'scheduled' : 'published', publishAt: new Date(row.publish_at!).toISOString() },
          ...(body.overrideReason !== undefined ? { overrideReason: body.overrideReason } : {}),
        });
        await recordOverride(deps, c, row);
        if (reviewed) {
          const note = c.get('audit');
          c.set('audit', { ...note, action: 'content.approve', change: { ...(note.change as object), comment } });
          await notifyReviewed(deps, 'approved', row.id, admin.id, submitter, comment);
        }
        return c.json(await adminItem(deps.db, row, now));
      },
    }),
  ];
}
