/** updatePrivacy: privacy choices, saved on the server; a click-tracking change brings new links with a sync. */
import { z } from 'zod';
import type { PrivacyResult } from '../../../components/shared/views';
import { updatePrivacy as save } from '../points';
import { defineMessage } from './define';

/** The privacy choices to change, at least one. */
export const privacyRequest = z
  .object({ clickTracking: z.boolean().optional(), leaderboard: z.boolean().optional() })
  .strict()
  .refine((patch) => patch.clickTracking !== undefined || patch.leaderboard !== undefined, {
    message: 'Choose a setting to change.',
  });
export type PrivacyRequest = z.infer<typeof privacyRequest>;

export const updatePrivacy = defineMessage({
  request: privacyRequest,
  from: ['popup'],
  invalid: (error): PrivacyResult => ({ ok: false, message: error.issues[0]?.message ?? 'That change is not valid.' }),
  async handle(request, { bg }): Promise<PrivacyResult> {
    const result = await bg.track(save(bg.db, await bg.client(), request));
    if (result.ok) {
      bg.port.broadcastChanged();
      if (request.clickTracking !== undefined) void bg.sync();
    }
    return result;
  },
});
