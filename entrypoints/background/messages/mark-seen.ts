/** markSeen: the popup was opened on its list: no post is new any more (the badge clears). */
import { setMeta } from '../db';
import { defineMessage, noRequest } from './define';

export const markSeen = defineMessage({
  request: noRequest,
  from: ['popup'],
  async handle(_request, { bg }): Promise<void> {
    await setMeta(bg.db, 'unseen', []);
    await bg.updateBadge();
  },
});
