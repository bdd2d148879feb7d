/** The approval workflow's routes: submit, reject, the queues, and the console notifications (services/approvals.ts). */
import { z } from 'zod';
import {
  approvalsQueueSchema,
  contentItemSchema,
  notificationsReadBodySchema,
  notificationsSchema,
  rejectBodySchema,
  submitBodySchema,
} from '../../lib/schemas';
import type { Deps } from '../context';
import { ProblemError } from '../problem';
import * as approvals from '../services/approvals';
import { adminItem, adminItems } from '../services/content-overrides';
import { requireContent } from '../services/content-reads';
import { saveContent } from '../services/content-writes';
import { listNotifications, markRead, notifyReviewed, notifySubmitted } from '../services/notifications';
import { defineRoute, type Route } from './define';

const notFoundDoc = { description: 'No such content' };

export function approvalRoutes(deps: Deps): Route[] {
  const load = (id: string) => requireContent(deps.db, id);

  return [
    defineRoute({
      method: 'post',
      path: '/v1/admin/content/{id}/submit',
      summary: 'Submit a draft (or a rejected one) for approval: it becomes pending and every reviewer is told',
      tag: 'content',
      auth: 'admin',
      permission: 'content.write',
      audit: { action: 'content.submit', target: 'content' },
      body: submitBodySchema,
      optionalBody: true,
      responses: {
        200: { description: 'Pending', schema: contentItemSchema },
        404: notFoundDoc,
        409: { description: 'approvals-off, or not-draft (published, scheduled or archived)' },
      },
      handler: async (c, { params, body }) => {
        const before = await load(params.id);
        const now = deps.now();
        if (!(await approvals.approvalsOn(deps.db))) throw approvals.approvalsOff();
        if (before.status === 'pending') {
          c.set('audit', { skip: true });
          return c.json(await adminItem(deps.db, before, now));
        }
        if (before.status !== 'draft') {
          throw new ProblemError(409, `Only a draft can be submitted for approval: this one is ${before.status}.`, {
            type: 'not-draft',
          });
        }
        const adminId = c.get('admin').id;
        const row = await saveContent(
          deps,
          before,
          { ...before, status: 'pending', updated_at: now },
          approvals.submitWrite(adminId, body.note ?? null),
        );
        await notifySubmitted(deps, row.id, adminId, body.note ?? null);
        return c.json(await adminItem(deps.db, row, now));
      },
    }),

    defineRoute({
      method: 'post',
      path: '/v1/admin/content/{id}/reject',
      summary: 'Reject a pending post with a comment: it goes back to draft and the submitter is told',
      tag: 'content',
      auth: 'admin',
      permission: 'content.review',
      audit: { action: 'content.reject', target: 'content' },
      body: rejectBodySchema,
      responses: {
        200: { description: 'Back to draft, with the comment', schema: contentItemSchema },
        403: { description: 'self-approval: the caller submitted or last edited it' },
        404: notFoundDoc,
        409: { description: 'not-pending: it was not submitted for approval' },
      },
      handler: async (c, { params, body }) => {
        const before = await load(params.id);
        const now = deps.now();
        const admin = c.get('admin');
        const submitter = await approvals.checkReviewer(deps.db, before, admin, 'reject');
        const row = await saveContent(
          deps,
          before,
          { ...before, status: 'draft', updated_at: now },
          approvals.reviewWrite(admin.id, 'rejected', body.comment),
        );
        await notifyReviewed(deps, 'rejected', row.id, admin.id, submitter, body.comment);
        return c.json(await adminItem(deps.db, row, now));
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/admin/approvals',
      summary:
        "What waits for the caller: others' pending posts for reviewers (oldest first), and the caller's own pending and rejected submissions",
      tag: 'content',
      auth: 'admin',
      permission: 'content.read',
      responses: { 200: { description: 'The queues', schema: approvalsQueueSchema } },
      handler: async (c) => {
        const now = deps.now();
        const [enabled, queue] = await Promise.all([
          approvals.approvalsOn(deps.db),
          approvals.approvalQueue(deps, c.get('admin')),
        ]);
        const [toReview, mine] = await Promise.all([
          adminItems(deps.db, queue.toReview, now),
          adminItems(deps.db, queue.mine, now),
        ]);
        return c.json({ enabled, toReview, mine });
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/admin/notifications',
      summary: "The caller's console notifications: the unread count and the 50 most recent",
      tag: 'admin',
      auth: 'admin',
      permission: 'session',
      responses: { 200: { description: 'Notifications', schema: notificationsSchema } },
      handler: async (c) => c.json(await listNotifications(deps.db, c.get('admin').id)),
    }),

    defineRoute({
      method: 'post',
      path: '/v1/admin/notifications/read',
      summary: "Marks the caller's notifications read: those listed in ids, or all of them",
      tag: 'admin',
      auth: 'admin',
      permission: 'session',
      // Only the caller's own reading state changes: nothing for the audit log.
      body: notificationsReadBodySchema,
      optionalBody: true,
      responses: {
        200: { description: 'How many were marked', schema: z.object({ marked: z.number().int().min(0) }) },
      },
      handler: async (c, { body }) => {
        const marked = await markRead(deps.db, c.get('admin').id, body.ids, deps.now());
        return c.json({ marked });
      },
    }),
  ];
}
