/**
 * composerShare: a composer holding Relay content was published; logged once and sent to the
 * server. `shareId` is made by the content script once per publish, so a message delivered twice
 * records one share. The post's text is never sent: only whether the person changed it.
 */
import { z } from 'zod';
import type { ComposerShareResult } from '../../../components/shared/views';
import { composerShare as log } from '../composer';
import { composerRequest } from './composer-data';
import { defineMessage } from './define';

export const composerShareRequest = z
  .object({
    shareId: z.uuid(),
    contentId: z.string().min(1).max(64),
    network: composerRequest.shape.network,
    personalized: z.boolean(),
  })
  .strict();
export type ComposerShareRequest = z.infer<typeof composerShareRequest>;

export const composerShare = defineMessage({
  request: composerShareRequest,
  from: ['content-script'],
  invalid: (): ComposerShareResult => ({ ok: false, message: 'That share is not valid.' }),
  async handle(request, { bg }): Promise<ComposerShareResult> {
    const result = await log(bg.db, request);
    if (result.ok) {
      void bg.flush();
      await bg.updateBadge();
      bg.port.broadcastChanged();
    }
    return result;
  },
});
