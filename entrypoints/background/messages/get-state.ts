/** getState: what the popup shows; `limit` asks for the newest posts only (its first render). */
import { z } from 'zod';
import type { PopupState } from '../../../components/shared/views';
import { defineMessage } from './define';

export const getState = defineMessage({
  request: z.union([
    z.undefined(),
    z.null(),
    z.object({ limit: z.number().int().min(1).max(10_000).optional() }).strict(),
  ]),
  from: ['popup'],
  handle: (request, { bg }): Promise<PopupState> => bg.state(request?.limit ?? undefined),
});
