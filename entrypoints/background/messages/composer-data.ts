/** composerData: what a LinkedIn or X composer offers (posts, guidelines, today's share count, Relay links). */
import { z } from 'zod';
import { COMPOSER_NETWORKS } from '../../../lib/networks';
import type { ComposerData } from '../../../components/shared/views';
import { composerData as offer, NOT_ENROLLED } from '../composer';
import { defineMessage } from './define';

/** Which site's composer asks (composerData, composerBrief, loadComposerUi). */
export const composerRequest = z.object({ network: z.enum(COMPOSER_NETWORKS) }).strict();
export type ComposerRequest = z.infer<typeof composerRequest>;

export const composerData = defineMessage({
  request: composerRequest,
  from: ['content-script'],
  invalid: (): ComposerData => NOT_ENROLLED,
  handle: (request, { bg }): Promise<ComposerData> => offer(bg.db, request),
});
