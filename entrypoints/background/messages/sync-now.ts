/** syncNow: the popup's "Sync now": sync, send every share waiting, reconnect, answer the new state. */
import type { PopupState } from '../../../components/shared/views';
import { defineMessage, noRequest } from './define';

export const syncNow = defineMessage({
  request: noRequest,
  from: ['popup'],
  async handle(_request, { bg }): Promise<PopupState> {
    // The person asked for it now: shares still backing off after a failure are sent too.
    await Promise.all([bg.sync(), bg.flush(true)]);
    void bg.live.start();
    return bg.state();
  },
});
