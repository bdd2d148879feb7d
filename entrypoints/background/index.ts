/**
 * The background: the only context that talks to the Relay API and to IndexedDB. Listeners are
 * registered synchronously at the top level, as MV3 requires; the work lives in controller.ts.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { openRelayDb } from './db';
import { onMessage, POPUP_PORT } from '../../components/shared/messaging';
import { popupStateRequestSchema } from '../../lib/messages';
import { loadComposerUi } from './composer-ui';
import { BackgroundController, NOTIFICATION_PREFIX, OUTBOX_ALARM, SYNC_ALARM } from './controller';
import { configuredServerUrl } from './server-url';

const SYNC_PERIOD_MINUTES = 1;

export default defineBackground(() => {
  const db = openRelayDb();
  const ports = new Set<ReturnType<typeof browser.runtime.connect>>();
  const action = browser.action ?? browser.browserAction;

  const controller = new BackgroundController(db, {
    async setBadge(text) {
      await action.setBadgeText({ text });
      if (text) await action.setBadgeBackgroundColor({ color: '#0a66c2' });
    },
    async notify(id, title, message) {
      await browser.notifications.create(id, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title,
        message,
      });
    },
    async openTab(url) {
      await browser.tabs.create({ url });
    },
    async scheduleAlarm(name, when) {
      await browser.alarms.create(name, { when });
    },
    broadcastChanged() {
      for (const port of ports) port.postMessage({ type: 'changed' });
    },
    configuredServerUrl,
    clientVersion: browser.runtime.getManifest().version,
  });

  const ensureAlarm = () =>
    browser.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_PERIOD_MINUTES, delayInMinutes: SYNC_PERIOD_MINUTES });

  browser.runtime.onInstalled.addListener(() => {
    void ensureAlarm();
    void controller.wake();
  });
  browser.runtime.onStartup.addListener(() => {
    void ensureAlarm();
    void controller.wake();
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void controller.wake();
    if (alarm.name === OUTBOX_ALARM) void controller.flush();
  });
  browser.notifications.onClicked.addListener((id) => {
    if (!id.startsWith(NOTIFICATION_PREFIX)) return;
    const postId = id.slice(NOTIFICATION_PREFIX.length);
    void browser.tabs.create({ url: browser.runtime.getURL(`/popup.html?post=${encodeURIComponent(postId)}`) });
    void browser.notifications.clear(id);
  });
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== POPUP_PORT) return;
    ports.add(port);
    port.onDisconnect.addListener(() => ports.delete(port));
  });

  onMessage('getState', ({ data }) => {
    const request = popupStateRequestSchema.safeParse(data);
    return controller.state(request.success ? (request.data?.limit ?? undefined) : undefined);
  });
  onMessage('enroll', ({ data }) => controller.enroll(data));
  onMessage('signOut', () => controller.signOut());
  onMessage('syncNow', async () => {
    // The person asked for it now: shares still backing off after a failure are sent too.
    await Promise.all([controller.sync(), controller.flush(true)]);
    void controller.live.start();
    return controller.state();
  });
  onMessage('share', ({ data }) => controller.share(data));
  onMessage('dismissRefusedShare', ({ data }) => controller.dismissRefusedShare(data));
  onMessage('markSeen', () => controller.markSeen());
  onMessage('getPoints', ({ data }) => controller.points(data));
  onMessage('getLeaderboard', ({ data }) => controller.leaderboard(data));
  onMessage('updatePrivacy', ({ data }) => controller.updatePrivacy(data));
  onMessage('composerBrief', ({ data }) => controller.composerBrief(data));
  onMessage('composerData', ({ data }) => controller.composerData(data));
  onMessage('composerShare', ({ data }) => controller.composerShare(data));
  onMessage('loadComposerUi', ({ data, sender }) =>
    loadComposerUi(
      data,
      { tabId: sender.tab?.id, frameId: sender.frameId, url: sender.url },
      async (tabId, frameId, file) => {
        // A file of this build (COMPOSER_UI_FILES), not a path WXT's types can check.
        await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [file as never] });
      },
    ),
  );

  // Every time the worker starts (including after Chrome stopped it): reconnect and catch up.
  void ensureAlarm();
  void controller.wake();
});
