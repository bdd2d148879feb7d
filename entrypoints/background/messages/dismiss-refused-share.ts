/** dismissRefusedShare: the popup's "Dismiss" on a share the server refused, once the advocate has seen why. */
import { z } from 'zod';
import { dismissRefusedShare as dismiss } from '../outbox';
import { defineMessage } from './define';

export const dismissRefusedShareRequest = z.object({ id: z.string().min(1).max(64) }).strict();
export type DismissRefusedShareRequest = z.infer<typeof dismissRefusedShareRequest>;

export const dismissRefusedShare = defineMessage({
  request: dismissRefusedShareRequest,
  from: ['popup'],
  invalid: (): { ok: boolean } => ({ ok: false }),
  async handle(request, { bg }): Promise<{ ok: boolean }> {
    const result = await dismiss(bg.db, request);
    if (result.ok) bg.port.broadcastChanged();
    return result;
  },
});
