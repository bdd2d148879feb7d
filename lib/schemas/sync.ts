/** GET /v1/sync: the advocate's content, guidelines and scoring since a cursor. */
import { z } from 'zod';
import { idSchema } from './common';
import { advocateItemSchema } from './content';
import { guidelinesSchema } from './guidelines';
import { syncedScoringRulesSchema } from './scoring';
import { selectorOverridesSchema } from './selectors';

export const syncResponseSchema = z.object({
  cursor: z.string().min(1),
  content: z.array(advocateItemSchema),
  removed: z.array(idSchema),
  guidelines: guidelinesSchema,
  scoring: syncedScoringRulesSchema,
  selectorOverrides: selectorOverridesSchema.describe(
    "CSS selectors overriding the extension's built-in ones, per composer site and key",
  ),
});
export type SyncResponse = z.infer<typeof syncResponseSchema>;
