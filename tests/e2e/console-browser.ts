/**
 * The console's own browser: Chromium WITHOUT the extension (the console needs none), one per
 * worker, a fresh context per test, and a Relay server for the tests that ask for one. Only loopback is reachable (Relay and the test identity
 * provider, on 127.0.0.1 or localhost); anything else is refused and fails the test, as do
 * uncaught errors and Content-Security-Policy violations on the pages it opened.
 */
import { expect, test as base, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/server';
import { launchPlainChromium } from './chromium';

const LOOPBACK = new Set(['127.0.0.1', 'localhost']);

export const test = base.extend<
  { server: TestServer; context: BrowserContext; page: Page; problems: string[]; blocked: string[] },
  { plainBrowser: Browser }
>({
  plainBrowser: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const browser = await launchPlainChromium();
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  // Started only for the tests that ask for it (the SSO tests start their own).
  // eslint-disable-next-line no-empty-pattern
  server: async ({}, use) => {
    const server = await startTestServer();
    try {
      await use(server);
    } finally {
      await server.stop();
    }
  },
  // eslint-disable-next-line no-empty-pattern
  problems: async ({}, use) => use([]),
  // eslint-disable-next-line no-empty-pattern
  blocked: async ({}, use) => use([]),
  context: async ({ plainBrowser, blocked }, use) => {
    const context = await plainBrowser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.route('**/*', (route) => {
      if (LOOPBACK.has(new URL(route.request().url()).hostname)) return route.continue();
      blocked.push(route.request().url());
      return route.abort('blockedbyclient');
    });
    try {
      await use(context);
    } finally {
      await context.close();
    }
  },
  page: async ({ context, problems, blocked }, use) => {
    const page = await context.newPage();
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to (apply|execute|load)/i.test(message.text()))
        problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    await use(page);
    expect(problems, 'CSP violations and uncaught errors').toEqual([]);
    expect(blocked, 'requests that would have left the machine').toEqual([]);
  },
});

export { expect };

/** The focused element is the screen's heading (focus management on route changes). */
export async function expectHeadingFocused(page: Page, name: string): Promise<void> {
  const heading = page.getByRole('heading', { level: 1, name, exact: true });
  await expect(heading).toBeVisible();
  await expect(heading).toBeFocused();
}

/** Opens the console and signs in with the test admin's email and password. */
export async function signInWithPassword(page: Page, server: TestServer): Promise<void> {
  await page.goto(`${server.url}/admin`);
  await page.getByLabel('Email').fill(ADMIN_EMAIL);
  await page.getByLabel('Password').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  // "Sign out" is behind the Menu button on a phone.
  await expect(page.getByRole('button', { name: /^(Sign out|Menu)$/ })).toBeVisible();
}

export function navLink(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
}

/** Goes to a screen through the main navigation, opening the Menu first where it is folded (a phone). */
export async function goTo(page: Page, name: string): Promise<void> {
  const menu = page.getByRole('button', { name: 'Menu' });
  if ((await menu.isVisible()) && (await menu.getAttribute('aria-expanded')) === 'false') await menu.click();
  await navLink(page, name).click();
}
