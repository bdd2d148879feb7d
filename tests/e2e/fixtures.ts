/**
 * Playwright fixtures for the extension: each test gets a fresh Chromium profile with the built
 * extension loaded (`context`, `serviceWorker`, `extensionId`) and a real API server on a fresh
 * database (`server`). Nothing leaves the machine: loopback requests go through, x.com and
 * www.linkedin.com are answered by the site fixtures of tests/e2e/sites (which generation: the
 * `sites` option, see sites.ts), every other network's share-intent host (www.facebook.com,
 * bsky.app, …: lib/networks.ts) by a tiny page, the pages opened on those hosts are kept in
 * `intents`, and every other request is refused (and kept in `blocked`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  test as base,
  chromium,
  expect,
  type BrowserContext,
  type Locator,
  type Page,
  type Worker,
} from '@playwright/test';
import type { Variants } from '../../lib/schemas';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/server';
import { INTENT_HOSTS } from './intent-hosts';
import { chromiumArgs, chromiumExecutable, extensionDir } from './chromium';
import { DEFAULT_SITES, fulfillSite, type SiteChoice } from './sites';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
export { INTENT_HOSTS };

const INTENT_PAGE =
  '<!doctype html><html><head><title>Share intent (fixture)</title></head><body>fixture</body></html>';

export interface RelayFixtures {
  /** Which fixture generation answers www.linkedin.com and x.com (`test.use({ sites: {...} })`). */
  sites: SiteChoice;
  /**
   * The browser's own language, which picks the extension's _locales (`test.use({ browserLanguage: 'de' })`):
   * English unless a test says otherwise, whatever the machine's locale, so the specs that read
   * English words keep reading them.
   */
  browserLanguage: string;
  server: TestServer;
  /** Starts the API again on the closed `server`'s port and database (close it first with `server.close()`). */
  restartServer: () => Promise<TestServer>;
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  /** Pages the browser opened on the INTENT_HOSTS (share intents and fixtures), in order. */
  intents: string[];
  /** Requests refused because they would have left the machine. */
  blocked: string[];
  /** Opens the popup in `page` (a new tab when omitted) and returns that page. */
  openPopup: (page?: Page) => Promise<Page>;
}

/**
 * Waits for the setup tab the extension opens on install (entrypoints/background/welcome.ts) and
 * closes it, as a person who uses the toolbar button would: the tests open the popup themselves,
 * and a tab opening later would be taken for the one a test waits for.
 */
async function closeSetupTab(context: BrowserContext): Promise<void> {
  const isSetup = (page: Page) => /^chrome-extension:\/\/[a-z]+\/popup\.html$/.test(page.url());
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const tab = context.pages().find(isSetup);
    if (tab) return tab.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the extension opened no setup tab on install (entrypoints/background/welcome.ts)');
}

export const test = base.extend<RelayFixtures>({
  sites: [DEFAULT_SITES, { option: true }],
  browserLanguage: ['en-US', { option: true }],

  // eslint-disable-next-line no-empty-pattern
  server: async ({}, use) => {
    const server = await startTestServer();
    try {
      await use(server);
    } finally {
      await server.stop();
    }
  },

  restartServer: async ({ server }, use) => {
    const started: TestServer[] = [];
    await use(async () => {
      const again = await startTestServer({ ...server.deps.config, port: server.port });
      started.push(again);
      return again;
    });
    // Before `server` disposes of the database they share.
    for (const running of started) await running.stop();
  },

  // eslint-disable-next-line no-empty-pattern
  intents: async ({}, use) => use([]),
  // eslint-disable-next-line no-empty-pattern
  blocked: async ({}, use) => use([]),

  context: async ({ intents, blocked, sites, browserLanguage }, use, testInfo) => {
    const profile = mkdtempSync(join(tmpdir(), 'relay-e2e-'));
    // Chromium on Linux takes its interface language (chrome.i18n's) from LANGUAGE; --lang elsewhere.
    const posix = browserLanguage.replace('-', '_');
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumExecutable(),
      headless: true,
      args: [...chromiumArgs(extensionDir()), `--lang=${browserLanguage}`],
      env: { ...process.env, LANGUAGE: posix, LC_ALL: '', LC_MESSAGES: '' },
    });
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      // The extension's own pages and scripts (chrome-extension:) go through routes too.
      if (!url.protocol.startsWith('http') || LOOPBACK.has(url.hostname)) return route.continue();
      if (url.protocol === 'https:' && INTENT_HOSTS.has(url.hostname)) {
        if (route.request().isNavigationRequest()) intents.push(url.href);
        if (await fulfillSite(route, sites)) return;
        return route.fulfill({ status: 200, contentType: 'text/html', body: INTENT_PAGE });
      }
      blocked.push(url.href);
      return route.abort('blockedbyclient');
    });
    await closeSetupTab(context);
    // The extension's pages' console and uncaught errors, attached when a test fails.
    const log: string[] = [];
    context.on('console', (message) => log.push(`[${message.type()}] ${message.location().url}: ${message.text()}`));
    context.on('weberror', (error) => log.push(`[uncaught] ${error.page()?.url() ?? ''}: ${error.error().message}`));
    try {
      await use(context);
    } finally {
      if (blocked.length) {
        console.warn(`Blocked requests that would have left the machine:\n  ${blocked.join('\n  ')}`);
        testInfo.annotations.push({ type: 'blocked requests', description: blocked.join('\n') });
      }
      if (testInfo.status !== testInfo.expectedStatus && log.length) {
        await testInfo.attach('browser console', { body: log.join('\n'), contentType: 'text/plain' });
      }
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  },

  serviceWorker: async ({ context }, use) => {
    const isOurs = (worker: Worker) => worker.url().startsWith('chrome-extension://');
    let worker = context.serviceWorkers().find(isOurs);
    if (!worker) {
      worker = await context
        .waitForEvent('serviceworker', { predicate: isOurs, timeout: 10_000 })
        .catch((error: Error) => {
          throw new Error(
            `The extension's service worker did not start (${error.message}). Does ${extensionDir()} load? ` +
              'A file the manifest names but the build lacks makes Chromium refuse the whole extension.',
          );
        });
    }
    await use(worker);
  },

  extensionId: async ({ serviceWorker }, use) => use(new URL(serviceWorker.url()).host),

  openPopup: async ({ context, extensionId }, use) => {
    await use(async (page) => {
      const target = page ?? (await context.newPage());
      await target.goto(`chrome-extension://${extensionId}/popup.html`);
      return target;
    });
  },
});

export { expect };

/** Creates an invite through the API. */
export async function createInvite(server: TestServer): Promise<string> {
  const response = await server.call('/v1/admin/invites', {
    method: 'POST',
    json: {},
    token: await server.adminToken(),
  });
  if (response.status !== 201) throw new Error(`invite failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { code: string }).code;
}

/** Signs in to the admin console in `page` and opens "Invites & advocates"; returns its Advocates section. */
export async function openPeopleScreen(page: Page, server: TestServer) {
  await page.goto(`${server.url}/admin`);
  await page.getByLabel('Email').fill(ADMIN_EMAIL);
  await page.getByLabel('Password').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // On a phone the navigation is behind the Menu button.
  const menu = page.getByRole('button', { name: 'Menu' });
  await expect(page.getByRole('button', { name: /^(Sign out|Menu)$/ })).toBeVisible();
  if (await menu.isVisible()) await menu.click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Invites & advocates' }).click();
  return page.locator('section', { has: page.getByRole('heading', { name: 'Advocates', exact: true }) });
}

/** Fills the popup's setup form (Server URL, Invite code, Your name) and presses Connect. */
export async function fillSetup(popup: Page, values: { serverUrl: string; code: string; name: string }): Promise<void> {
  await popup.getByLabel('Server URL').fill(values.serverUrl);
  await popup.getByLabel('Invite code').fill(values.code);
  await popup.getByLabel('Your name').fill(values.name);
  await popup.getByRole('button', { name: 'Connect' }).click();
}

/** Enrols through the popup with a fresh invite and waits for the list screen. */
export async function enroll(popup: Page, server: TestServer, name = 'Ada Advocate'): Promise<void> {
  await fillSetup(popup, { serverUrl: server.url, code: await createInvite(server), name });
  await expect(popup.getByRole('button', { name: 'Sync now' })).toBeVisible({ timeout: 10_000 });
  await expect(popup.getByRole('button', { name: 'Connect' })).toBeHidden();
}

export interface PublishedContent {
  id: string;
  title: string;
}

/** Publishes a post as the admin, through the API. */
export async function publish(
  server: TestServer,
  content: { title: string; url: string; variants: Variants; networks?: string[] },
): Promise<PublishedContent> {
  const response = await server.call('/v1/admin/content', {
    method: 'POST',
    json: { ...content, publish: true },
    token: await server.adminToken(),
  });
  if (response.status !== 201) throw new Error(`publish failed: ${response.status} ${await response.text()}`);
  const item = (await response.json()) as { id: string; title: string; status: string };
  if (item.status !== 'published') throw new Error(`expected a published item, got ${item.status}`);
  return item;
}

/** The <article> of a post in the popup's list, found by its <h2> title. */
export function postCard(popup: Page, title: string) {
  return popup.getByRole('article').filter({ has: popup.getByRole('heading', { level: 2, name: title, exact: true }) });
}

/** A loopback port nothing listens on. */
export async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** How many shares the server recorded for a post. */
export async function countShares(server: TestServer, contentId: string): Promise<number> {
  const row = await server.deps.db
    .selectFrom('shares')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('content_id', '=', contentId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Shares a post from its card the way a person does: opens the card's share panel, picks `label`'s
 * network in its switch (when the post has several) and presses "Share on <label>".
 */
export async function shareFromCard(card: Locator, label: string): Promise<void> {
  const toggle = card.getByRole('button', { name: /^Share( again)?$/ });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  const choice = card.getByRole('radio', { name: label, exact: true });
  if (await choice.count()) await choice.check();
  await card.getByRole('button', { name: `Share on ${label}` }).click();
}

/** Opens the header's account menu and presses "Sign out". */
export async function signOut(popup: Page): Promise<void> {
  await popup.getByRole('button', { name: 'Account' }).click();
  await popup.getByRole('button', { name: 'Sign out' }).click();
}
