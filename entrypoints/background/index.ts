/**
 * The background: the only context that talks to the Relay API and to IndexedDB. Listeners are
 * registered synchronously at the top level, as MV3 requires; the work lives in controller.ts and
 * messages/ (one file per message, answered through one dispatcher).
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { openRelayDb } from './db';
import { onMessage, POPUP_PORT } from '../../components/shared/messaging';
import { createDispatcher } from './messages/dispatch';
import type { ResultOf } from './messages/define';
import { MESSAGE_NAMES, type Messages } from './messages';
import { BackgroundController, NOTIFICATION_PREFIX, OUTBOX_ALARM, SYNC_ALARM } from './controller';
import { tellComposerTabs } from './composer-tabs';
import { configuredServerUrl } from './server-url';
import { managedPolicy } from './policy';
import { mayCountHealth } from './health-consent';
import { BRAND_COLOR } from '../../lib/brand';
import type { IdentityPort } from './work-account';
import { SIGN_IN_ALARM, SIGN_IN_NOTIFICATION } from './zero-touch';
import { opensSetupOnInstall, SETUP_PAGE } from './welcome';

const SYNC_PERIOD_MINUTES = 1;

export default defineBackground(() => {
  const db = openRelayDb();
  const ports = new Set<ReturnType<typeof browser.runtime.connect>>();
  const action = browser.action ?? browser.browserAction;
  // The extension sign-in flow, where the browser has it (Chrome, Edge, Firefox).
  const identity: IdentityPort | undefined = browser.identity?.launchWebAuthFlow
    ? {
        getRedirectURL: (path) => browser.identity.getRedirectURL(path),
        launchWebAuthFlow: (details) => browser.identity.launchWebAuthFlow(details),
      }
    : undefined;

  const controller = new BackgroundController(db, {
    async setBadge(text) {
      await action.setBadgeText({ text });
      if (text) await action.setBadgeBackgroundColor({ color: BRAND_COLOR });
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
    mayCountHealth,
    policy: managedPolicy,
    identity,
    clientVersion: browser.runtime.getManifest().version,
    selectorsChanged() {
      void tellComposerTabs();
    },
  });

  const ensureAlarm = () =>
    browser.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_PERIOD_MINUTES, delayInMinutes: SYNC_PERIOD_MINUTES });

  // Zero-touch: a silent work-account sign-in when the policy asks for it (zero-touch.ts decides).
  browser.runtime.onInstalled.addListener(({ reason }) => {
    void ensureAlarm();
    void controller.wake();
    void controller.workSignIn.silent('install');
    void managedPolicy().then((policy) => {
      if (opensSetupOnInstall(reason, policy)) return browser.tabs.create({ url: browser.runtime.getURL(SETUP_PAGE) });
    });
  });
  browser.runtime.onStartup.addListener(() => {
    void ensureAlarm();
    void controller.wake();
    void controller.workSignIn.silent('startup');
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void controller.wake();
    if (alarm.name === OUTBOX_ALARM) void controller.flush();
    if (alarm.name === SIGN_IN_ALARM) void controller.workSignIn.silent('alarm');
  });
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') void controller.workSignIn.silent('policy');
  });
  browser.notifications.onClicked.addListener((id) => {
    if (id === SIGN_IN_NOTIFICATION) {
      void browser.notifications.clear(id);
      void controller.workSignIn.interactive();
      return;
    }
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

  const dispatch = createDispatcher({
    bg: controller,
    self: { id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') },
    async inject(tabId, frameId, file) {
      // A file of this build (COMPOSER_UI_FILES), not a path WXT's types can check.
      await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [file as never] });
    },
  });
  // Every message goes through the dispatcher: it checks the sender and validates the request.
  for (const name of MESSAGE_NAMES)
    onMessage(name, ({ data, sender }) => dispatch(name, data, sender) as Promise<ResultOf<Messages[typeof name]>>);

  // Every time the worker starts (including after Chrome stopped it): reconnect and catch up.
  void ensureAlarm();
  void controller.wake();
});
