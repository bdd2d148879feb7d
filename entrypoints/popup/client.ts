/**
 * The real PopupClient: typed messages to the background, a port on which the background says
 * "changed", and the popup's localStorage for the snapshot of its first screen. The port
 * reconnects if the service worker restarts, and a reconnect counts as a change (we may have
 * missed one).
 */
import { browser } from 'wxt/browser';
import type { PopupClient, SnapshotStore } from '../../components/popup/PopupClient';
import { POPUP_PORT, sendMessage } from '../../components/shared/messaging';

const RECONNECT_MS = 1000;

function subscribeToChanges(onChange: () => void): () => void {
  let port: ReturnType<typeof browser.runtime.connect> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const connect = (announce: boolean) => {
    try {
      port = browser.runtime.connect({ name: POPUP_PORT });
    } catch {
      return; // The extension was reloaded or removed: nothing left to listen to.
    }
    port.onMessage.addListener((message: unknown) => {
      if ((message as { type?: unknown } | null)?.type === 'changed') onChange();
    });
    port.onDisconnect.addListener(() => {
      port = undefined;
      if (!stopped) timer = setTimeout(() => connect(true), RECONNECT_MS);
    });
    if (announce) onChange();
  };

  connect(false);
  return () => {
    stopped = true;
    clearTimeout(timer);
    port?.disconnect();
  };
}

const SNAPSHOT_KEY = 'relay:popup-snapshot';

/** localStorage (this extension's origin; read synchronously as the popup opens). Never throws. */
const localSnapshot: SnapshotStore = {
  read() {
    try {
      return localStorage.getItem(SNAPSHOT_KEY);
    } catch {
      return null;
    }
  },
  write(value) {
    try {
      if (value === null) localStorage.removeItem(SNAPSHOT_KEY);
      else localStorage.setItem(SNAPSHOT_KEY, value);
    } catch {
      // Storage full or switched off: the next popup waits for the background instead.
    }
  },
};

export function extensionClient(): PopupClient {
  return {
    getState: (limit) => sendMessage('getState', limit === undefined ? undefined : { limit }),
    enroll: (input) => sendMessage('enroll', input),
    signInWorkAccount: (input) => sendMessage('signInWorkAccount', input),
    signInOptions: (serverUrl) => sendMessage('signInOptions', { serverUrl }),
    signOut: () => sendMessage('signOut'),
    syncNow: () => sendMessage('syncNow'),
    share: (contentId, network) => sendMessage('share', { contentId, network }),
    dismissRefusedShare: (id) => sendMessage('dismissRefusedShare', { id }),
    markSeen: () => sendMessage('markSeen'),
    getPoints: (refresh) => sendMessage('getPoints', refresh ? { refresh } : undefined),
    getLeaderboard: (period) => sendMessage('getLeaderboard', { period }),
    updatePrivacy: (change) => sendMessage('updatePrivacy', change),
    contentLanguage: (change) => sendMessage('contentLanguage', change),
    subscribe: subscribeToChanges,
    snapshot: localSnapshot,
  };
}
