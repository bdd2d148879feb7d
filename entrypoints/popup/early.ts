/**
 * The popup's client, its first question already asked: this module runs before the rest of the
 * popup's script, so a stopped service worker starts (and reads the first page of posts) while the
 * popup still evaluates, fetches its words and renders. The first getState for that page takes
 * this answer; every later call asks anew.
 */
import type { PopupClient } from '../../components/popup/PopupClient';
import { FIRST_PAGE } from '../../components/popup/firstPage';
import { extensionClient } from './client';

function withEarlyFirstPage(client: PopupClient): PopupClient {
  let early: ReturnType<PopupClient['getState']> | null = client.getState(FIRST_PAGE);
  // A failure is the popup's to show when it takes the answer (usePopupState), not an unhandled rejection.
  early.catch(() => undefined);
  return {
    ...client,
    getState(limit) {
      const answer = limit === FIRST_PAGE ? early : null;
      early = null;
      return answer ?? client.getState(limit);
    },
  };
}

export const popupClient = withEarlyFirstPage(extensionClient());
