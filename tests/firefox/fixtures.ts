/**
 * Playwright (as the runner only) fixtures for the Firefox suite: each test gets a fresh firefox-esr
 * with the add-on installed (`firefox`), the setup tab the add-on opens on install (`popup`), a real
 * API server on a fresh database (`server`), tabs answered by the site fixtures (`openSite`), and
 * the tabs the add-on opens (`siteTab`). Nothing leaves the machine: see firefox.ts. On failure, the
 * browser console and a screenshot of every tab are attached.
 *
 * How the popup is reached, and why this way. WebDriver BiDi refuses to navigate a tab to a
 * moz-extension: page ("not allowed in this context"), and BiDi has nothing that presses the
 * toolbar button, so the Chromium suite's `goto(popup.html)` has no Firefox equivalent. What was
 * found: a tab the add-on opens itself (browser.tabs.create, as its notification click does) is an
 * ordinary BiDi browsing context that puppeteer lists in `browser.pages()` and can script, click and
 * type in; only its address is not reported (puppeteer's page.url() stays about:blank), so the tab
 * is recognised by asking the page its location. action.openPopup, the options page and window.open
 * would all need extension code run for the test's sake, which is a backdoor. So the product opens
 * its setup page in a tab on first install (entrypoints/background/welcome.ts), as many add-ons do:
 * browsers put a new add-on's button out of sight in their extensions menu, and this is where a
 * person types the invite code. It does not open when the organisation sets the server by policy
 * (zero-touch signs in). The suite enrols in that tab, and the tab stays the popup for the test.
 * Its navigations are not reported either, so puppeteer's reload() and goto() wait for ever there:
 * reload it from inside (`location.reload()`).
 */
import { test as base, expect, type TestInfo } from '@playwright/test';
import type { Browser, Page, Target } from 'puppeteer-core';
import { startTestServer, type TestServer } from '../helpers/server';
import { DEFAULT_SITES, type SiteChoice } from '../e2e/sites';
import { interceptSites, launchFirefox, startRefusingProxy, type Interception } from './firefox';

export interface FirefoxFixtures {
  /** Which fixture generation answers www.linkedin.com and x.com (`test.use({ sites: {...} })`). */
  sites: SiteChoice;
  /** Force the pages' and the add-on's colour scheme to dark. */
  dark: boolean;
  server: TestServer;
  interception: Interception;
  /** Requests refused because they would have left the machine ("host:port" or URL). */
  blocked: string[];
  firefox: { browser: Browser; addonId: string };
  /** The popup's page, in the tab the add-on opens on first install. */
  popup: Page;
  /** A new tab on `url`, answered by the site fixtures. */
  openSite: (url: string) => Promise<Page>;
  /** The next tab (not yet seen) whose address starts with `prefix`, e.g. one the add-on opened. */
  siteTab: (prefix: string, timeout?: number) => Promise<Page>;
}

/** The location of a page as the page itself sees it (BiDi reports no navigation of moz-extension tabs). */
async function locationOf(page: Page): Promise<string> {
  return page.evaluate(() => location.href).catch(() => '');
}

/** Waits for a tab on a moz-extension: page of the add-on (the install's setup tab); a loaded CI machine has taken over 10 s. */
async function extensionPage(browser: Browser, timeout = 30_000): Promise<Page> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    for (const page of await browser.pages()) {
      if ((await locationOf(page)).startsWith('moz-extension://')) return page;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the add-on opened no tab of its own on install (the setup page)');
}

/** On failure: the browser console, and a screenshot and the address of every tab. */
async function attachFailure(browser: Browser, log: string[], testInfo: TestInfo): Promise<void> {
  if (log.length) await testInfo.attach('browser console', { body: log.join('\n'), contentType: 'text/plain' });
  for (const [index, page] of (await browser.pages()).entries()) {
    const body = await page.screenshot().catch(() => null);
    const name = `tab ${index} ${await locationOf(page)}`;
    if (body) await testInfo.attach(name, { body: Buffer.from(body), contentType: 'image/png' });
  }
}

export const test = base.extend<FirefoxFixtures>({
  sites: [DEFAULT_SITES, { option: true }],
  dark: [false, { option: true }],

  // eslint-disable-next-line no-empty-pattern
  server: async ({}, use) => {
    const server = await startTestServer();
    try {
      await use(server);
    } finally {
      await server.stop();
    }
  },

  interception: async ({ sites }, use) => use({ sites, intents: [] }),

  // eslint-disable-next-line no-empty-pattern
  blocked: async ({}, use) => use([]),

  firefox: async ({ dark, blocked, interception }, use, testInfo) => {
    const proxy = await startRefusingProxy();
    const launched = await launchFirefox({ proxyPort: proxy.port, dark });
    await interceptSites(launched.browser, interception);
    const log: string[] = [];
    const watch = (page: Page) =>
      page.on('console', (message) => log.push(`[${message.type()}] ${page.url()}: ${message.text()}`));
    launched.browser.on('targetcreated', (target: Target) => void target.page().then((page) => page && watch(page)));
    try {
      await use(launched);
    } finally {
      blocked.push(...proxy.refused);
      if (blocked.length) {
        console.warn(`Refused requests that would have left the machine:\n  ${blocked.join('\n  ')}`);
        testInfo.annotations.push({ type: 'blocked requests', description: blocked.join('\n') });
      }
      if (testInfo.status !== testInfo.expectedStatus) await attachFailure(launched.browser, log, testInfo);
      await launched.browser.close();
      await proxy.close();
    }
  },

  popup: async ({ firefox }, use) => {
    const page = await extensionPage(firefox.browser);
    await page.setViewport({ width: 400, height: 640 });
    await use(page);
  },

  openSite: async ({ firefox }, use) => {
    await use(async (url) => {
      const page = await firefox.browser.newPage();
      await page.goto(url);
      return page;
    });
  },

  siteTab: async ({ firefox }, use) => {
    const seen = new Set<Target>(firefox.browser.targets());
    await use(async (prefix, timeout = 10_000) => {
      const target = await firefox.browser.waitForTarget((t) => !seen.has(t) && t.url().startsWith(prefix), {
        timeout,
      });
      seen.add(target);
      return (await target.page())!;
    });
  },
});

export { expect };
