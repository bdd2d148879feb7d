/** GET /v1/sync as the extension reads it: what a newer server adds is left out, the rest kept. */
import { z } from 'zod';
import { idSchema } from '../common';
import type { ScoringRules } from '../scoring';
import { syncResponseSchema, type SyncResponse } from '../sync';
import { readAdvocateItemSchema } from './content';
import { readGuidelinesSchema } from './guidelines';
import { readScoringRulesSchema } from './scoring';
import { readSelectorOverridesSchema } from './selectors';

/**
 * A post offered on none of the networks this version knows cannot be shared from it: it is
 * treated as removed (a copy kept from when it was offered on a known network goes too).
 */
export type ReadSyncResponse = Omit<SyncResponse, 'scoring'> & { scoring: ScoringRules };

/** The scoring rules' legacy `dailyPointsCap` (sent for older extensions) is dropped: the cap is the guidelines'. */
export const readSyncResponseSchema: z.ZodType<ReadSyncResponse, unknown> = z
  .object({
    ...syncResponseSchema.shape,
    content: z.array(readAdvocateItemSchema),
    removed: z.array(idSchema),
    guidelines: readGuidelinesSchema,
    scoring: readScoringRulesSchema,
    // An older server sends none: no overrides.
    selectorOverrides: readSelectorOverridesSchema.optional().transform((overrides) => overrides ?? {}),
  })
  .transform((sync) => {
    const unshareable = sync.content.filter((item) => item.networks.length === 0).map((item) => item.id);
    if (unshareable.length === 0) return sync;
    return {
      ...sync,
      content: sync.content.filter((item) => item.networks.length > 0),
      removed: [...sync.removed, ...unshareable],
    };
  });
