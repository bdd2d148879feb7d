/** The site fixtures' own test: one Chromium WITHOUT the extension per worker, the fixture sites served, nothing else reachable. */
import { expect, test as base, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { launchPlainChromium } from './chromium';
import type { ComposerCase } from './composers';
import { DEFAULT_SITES, fulfillSite, type SiteChoice } from './sites';

export const test = base.extend<
  { sites: SiteChoice; blocked: string[]; context: BrowserContext; page: Page },
  { plainBrowser: Browser }
>({
  // One Chromium without the extension per worker; a fresh context per test.
  plainBrowser: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const browser = await launchPlainChromium();
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  sites: [DEFAULT_SITES, { option: true }],
  // eslint-disable-next-line no-empty-pattern
  blocked: async ({}, use) => use([]),
  context: async ({ plainBrowser, sites, blocked }, use) => {
    const context = await plainBrowser.newContext();
    await context.route('**/*', async (route) => {
      if (await fulfillSite(route, sites)) return;
      blocked.push(route.request().url());
      return route.abort('blockedbyclient');
    });
    try {
      await use(context);
    } finally {
      await context.close();
    }
  },
  page: async ({ context, blocked }, use) => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await use(page);
    expect(errors, 'uncaught errors on the fixture page').toEqual([]);
    expect(blocked, 'requests that would have left the machine').toEqual([]);
  },
});

/** Opens the case's page and composer; answers its editor, visible and contenteditable. */
export async function openComposer(page: Page, composer: ComposerCase) {
  await page.goto(composer.url);
  await composer.open(page);
  const editor = composer.editor(page);
  await expect(editor).toBeVisible();
  await expect(editor).toHaveAttribute('contenteditable', 'true');
  return editor;
}
