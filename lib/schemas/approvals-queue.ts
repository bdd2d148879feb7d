/** GET /v1/admin/approvals: what waits for the caller. */
import { z } from 'zod';
import { contentItemSchema } from './content';

export const approvalsQueueSchema = z.object({
  enabled: z.boolean().describe('whether approvals are on'),
  toReview: z
    .array(contentItemSchema)
    .describe("for admins who review (content.review): others' pending posts, oldest submission first"),
  mine: z
    .array(contentItemSchema)
    .describe('posts the caller submitted that are pending or were rejected, most recent first'),
});
export type ApprovalsQueue = z.infer<typeof approvalsQueueSchema>;
