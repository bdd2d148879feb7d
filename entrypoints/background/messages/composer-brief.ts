/** composerBrief: whether a LinkedIn or X composer has anything to offer, and how many posts (no texts). */
import type { ComposerBrief } from '../../../components/shared/views';
import { composerBrief as brief } from '../composer';
import { composerRequest } from './composer-data';
import { defineMessage } from './define';

export const composerBrief = defineMessage({
  request: composerRequest,
  from: ['content-script'],
  invalid: (): ComposerBrief => ({ enrolled: false, items: 0, checksOwnPosts: false }),
  handle: (request, { bg }): Promise<ComposerBrief> => brief(bg.db, request),
});
