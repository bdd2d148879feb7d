/** Share events: what the extension's outbox sends to POST /v1/shares, and the answer. */
import { z } from 'zod';
import { networkLabels } from '../networks';
import { idSchema, isoDateTimeSchema, networkSchema, TEXT_NETWORKS } from './common';

export const shareEventSchema = z
  .object({
    id: z.uuid().describe('made by the client; the same id sent twice counts once'),
    contentId: idSchema,
    network: networkSchema,
    sharedAt: isoDateTimeSchema.describe(
      "by the client's clock; corrected by the server (see sentAt) and never later than the server's now",
    ),
    personalized: z
      .boolean()
      .optional()
      .describe(
        `the advocate changed the suggested text; only ${networkLabels(TEXT_NETWORKS)} shares carry text, so only they can be`,
      ),
  })
  .strict();
export type ShareEvent = z.infer<typeof shareEventSchema>;

/** Most events in one POST /v1/shares. */
export const MAX_SHARES_PER_REQUEST = 200;

export const sharesRequestSchema = z
  .object({
    events: z.array(shareEventSchema).min(1).max(MAX_SHARES_PER_REQUEST),
    sentAt: isoDateTimeSchema
      .optional()
      .describe(
        "the client's clock when it sent the request: every sharedAt is moved by the server's now minus sentAt (clock skew)",
      ),
  })
  .strict();
export type SharesRequest = z.infer<typeof sharesRequestSchema>;
export const sharesResponseSchema = z.object({
  accepted: z.number().int().describe('events stored'),
  duplicates: z
    .number()
    .int()
    .describe('events already recorded (same id, or sent twice in this request), or beyond the stored-events cap'),
  queued: z
    .number()
    .int()
    .optional()
    .describe(
      'events taken while the database was unreachable: kept by the server and stored once it is back (duplicates are then skipped)',
    ),
});
