/** Approvals (issue 19): the setting, a post's review, the queues and the console notifications. */
import { z } from 'zod';
import { lineSchema, multilineSchema } from '../text';
import { idSchema, isoDateTimeSchema } from './common';

/** The `approvals` settings document: with `enabled`, every post is submitted and approved by someone else. */
export const approvalSettingsSchema = z
  .object({
    enabled: z.boolean().describe('every post goes through approval before it is published'),
    email: z.boolean().describe('also send the notifications by e-mail (needs RELAY_SMTP_URL and RELAY_MAIL_FROM)'),
  })
  .strict();
export type ApprovalSettings = z.infer<typeof approvalSettingsSchema>;
export const DEFAULT_APPROVAL_SETTINGS: ApprovalSettings = { enabled: false, email: false };

export const reviewStateSchema = z.enum(['pending', 'approved', 'rejected']);
export type ReviewState = z.infer<typeof reviewStateSchema>;

/** A post's latest review: who submitted it and when, who approved or rejected it, and their comment. */
export const contentReviewSchema = z.object({
  state: reviewStateSchema,
  submittedBy: z.string().nullable(),
  submittedByName: z.string().nullable(),
  submittedAt: isoDateTimeSchema.nullable(),
  note: z.string().nullable().describe("the submitter's note to the reviewer"),
  reviewedBy: z.string().nullable(),
  reviewedByName: z.string().nullable(),
  reviewedAt: isoDateTimeSchema.nullable(),
  comment: z.string().nullable().describe("the reviewer's comment (always given with a rejection)"),
});
export type ContentReview = z.infer<typeof contentReviewSchema>;

const commentSchema = multilineSchema().trim().max(2000);

/** POST /v1/admin/content/{id}/submit's optional body. */
export const submitBodySchema = z.object({ note: commentSchema.min(1).optional() }).strict();
/** POST /v1/admin/content/{id}/reject's body: the comment is required. */
export const rejectBodySchema = z
  .object({ comment: commentSchema.min(1, 'say what has to change: the comment is shown to the submitter') })
  .strict();
/** The approver's optional comment when publishing (POST /v1/admin/content/{id}/publish). */
export const approvalCommentSchema = commentSchema.min(1);

export const notificationKindSchema = z.enum(['submitted', 'approved', 'rejected']);
export const notificationSchema = z.object({
  id: idSchema,
  kind: notificationKindSchema,
  contentId: z.string(),
  title: z.string().describe("the post's title (now)"),
  actor: z.string().nullable().describe('who submitted, approved or rejected it: name or email'),
  comment: z.string().nullable(),
  at: isoDateTimeSchema,
  read: z.boolean(),
});
export type AdminNotification = z.infer<typeof notificationSchema>;
export const notificationsSchema = z.object({
  unread: z.number().int().min(0),
  items: z.array(notificationSchema).describe('the 50 most recent, newest first'),
});
export type AdminNotifications = z.infer<typeof notificationsSchema>;
export const notificationsReadBodySchema = z
  .object({ ids: z.array(lineSchema().min(1).max(64)).max(200).optional().describe('left out: all of them') })
  .strict();
