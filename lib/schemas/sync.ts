/** GET /v1/sync: the advocate's content, guidelines and scoring since a cursor. */
import { z } from 'zod';
import { idSchema } from './common';
import { advocateItemSchema } from './content';
import { guidelinesSchema } from './guidelines';
import { syncedScoringRulesSchema } from './scoring';

export const syncResponseSchema = z.object({
  cursor: z.string().min(1),
  content: z.array(advocateItemSchema),
  removed: z.array(idSchema),
  guidelines: guidelinesSchema,
  scoring: syncedScoringRulesSchema,
});
export type SyncResponse = z.infer<typeof syncResponseSchema>;
