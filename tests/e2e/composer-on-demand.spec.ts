/**
 * The composer UI script loads when the person turns to a composer, not with every page: X's home
 * page (its box above the timeline is there at every visit) shows the "Suggested posts" button at
 * load from the always-loaded content script, and the UI script (panel, hints, twitter-text) comes
 * in when the button is used, the editor focused, or the shortcut pressed. Which scripts ran in the
 * page is read from the debugger (every script parsed in the page, isolated worlds included).
 */
import type { BrowserContext, Page, Worker } from '@playwright/test';
import {
  BANNED_REASON,
  GUIDELINES,
  hints,
  openComposer,
  panelItem,
  putGuidelines,
  RELEASE,
  setUpProgramme,
  suggestedButton,
  suggestedPanel,
} from './composer-helpers';
import { xInline } from './composers';
import { expect, test } from './fixtures';

const UI_SCRIPT = /\/x-composer-ui\.js$/;

/** A new tab whose parsed scripts are recorded from the start (chrome-extension:// ones only). */
async function recordedPage(context: BrowserContext): Promise<{ page: Page; scripts: string[] }> {
  const page = await context.newPage();
  const scripts: string[] = [];
  const cdp = await context.newCDPSession(page);
  cdp.on('Debugger.scriptParsed', ({ url }: { url: string }) => {
    if (url.startsWith('chrome-extension://')) scripts.push(url);
  });
  await cdp.send('Debugger.enable');
  return { page, scripts };
}

/** The company names of the guidelines the extension keeps (IndexedDB "relay", store "meta"). */
function companyNames(worker: Worker): Promise<unknown> {
  return worker.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('relay');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('meta').objectStore('meta').get('guidelines');
          request.onsuccess = () => {
            open.result.close();
            resolve((request.result as { value?: { companyNames?: string[] } } | undefined)?.value?.companyNames);
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

const uiLoaded = (scripts: string[]) => scripts.some((url) => UI_SCRIPT.test(url));

test.describe('X home: the UI script loads on demand', () => {
  test.use({ sites: xInline.sites });

  test('the button is there at load without the UI script; using it loads the UI in its place and opens the panel', async ({
    context,
    server,
    openPopup,
  }) => {
    await setUpProgramme(server, openPopup);
    const { page, scripts } = await recordedPage(context);
    await openComposer(page, xInline);
    const button = suggestedButton(page);
    await expect(button).toHaveCount(1, { timeout: 10_000 });
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await expect(button).toHaveAttribute('aria-keyshortcuts', 'Alt+Shift+R');
    await expect(button, 'the number of posts to suggest').toContainText('2');
    // Its words came in the background's brief (the page's script loads no catalog for them).
    await expect(button).toHaveAttribute('title', 'Suggested posts from Relay (Alt+Shift+R)');
    await expect(button).toContainText('Suggested posts');
    expect(
      scripts.some((url) => url.endsWith('/content-scripts/x.js')),
      'the content script ran',
    ).toBe(true);
    await page.waitForTimeout(1_000);
    expect(uiLoaded(scripts), 'no UI script while nobody turned to the composer').toBe(false);
    const before = await button.boundingBox();
    // It sits in X's toolbar row, beside Post: showing it moved nothing on the page.
    await expect(page.locator('[data-testid="toolBar"] > relay-composer-button')).toHaveCount(1);
    const tweetTops = await page.evaluate(() => {
      const top = () => document.querySelector('article[data-testid="tweet"]')!.getBoundingClientRect().top;
      const host = document.querySelector('relay-composer-button')!;
      const [parent, next] = [host.parentNode!, host.nextSibling];
      const withButton = top();
      host.remove();
      const without = top();
      parent.insertBefore(host, next);
      return { withButton, without };
    });
    expect(tweetTops.withButton, 'the timeline is where it is without the button').toBe(tweetTops.without);

    await button.click();
    await expect(suggestedPanel(page)).toBeVisible();
    await expect(panelItem(page, RELEASE.title)).toBeVisible();
    expect(uiLoaded(scripts)).toBe(true);
    await expect(suggestedPanel(page).getByLabel('Search suggested posts')).toBeFocused();
    // The UI kept the stand-in as its button, in the row, as large; the panel opened above the row.
    await expect(page.locator('relay-composer-ui')).toHaveCount(1);
    await expect(page.locator('[data-testid="toolBar"] > relay-composer-button')).toHaveCount(1);
    const toggle = page.getByRole('button', { name: 'Suggested posts', exact: true });
    await expect(toggle).toHaveCount(1);
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const after = await toggle.boundingBox();
    expect(before && after).toBeTruthy();
    for (const key of ['x', 'width', 'height'] as const) expect(Math.abs(after![key] - before![key])).toBeLessThan(1);
    const panel = await suggestedPanel(page).boundingBox();
    expect(panel!.y + panel!.height).toBeLessThanOrEqual(after!.y);
    // The same button closes it: nothing is left above the row, the timeline is back where it was.
    await toggle.click();
    await expect(suggestedPanel(page)).toBeHidden();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(page.locator('relay-composer-ui')).toHaveCount(0);
    const firstTweetTop = () =>
      page.evaluate(() => document.querySelector('article[data-testid="tweet"]')!.getBoundingClientRect().top);
    expect(await firstTweetTop()).toBe(tweetTops.withButton);
    // Escape on the button closes the panel too.
    await toggle.click();
    await expect(suggestedPanel(page)).toBeVisible();
    await toggle.focus();
    await page.keyboard.press('Escape');
    await expect(suggestedPanel(page)).toBeHidden();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  });

  test('focusing the editor loads the UI: hints come as the person types', async ({
    context,
    server,
    openPopup,
    serviceWorker,
  }) => {
    const { popup } = await setUpProgramme(server, openPopup);
    // Own posts naming the company get hints too.
    await putGuidelines(server, { ...GUIDELINES, companyNames: ['Northwind'] });
    await popup.getByRole('button', { name: 'Sync now' }).click();
    await expect
      .poll(() => companyNames(serviceWorker), { message: 'the extension has the new guidelines' })
      .toEqual(['Northwind']);
    const { page, scripts } = await recordedPage(context);
    const editor = await openComposer(page, xInline);
    await expect(suggestedButton(page)).toHaveCount(1, { timeout: 10_000 });
    expect(uiLoaded(scripts)).toBe(false);
    await editor.click();
    await expect.poll(() => uiLoaded(scripts), { message: 'the UI script loads on focus' }).toBe(true);
    await page.keyboard.type('Northwind: guaranteed returns');
    await expect(hints(page)).toContainText(BANNED_REASON);
    await expect(suggestedButton(page)).toHaveCount(1);
    await expect(page.locator('relay-composer-ui')).toHaveCount(1);
  });

  test('Alt+Shift+R in the editor opens the panel right after the page loads', async ({
    context,
    server,
    openPopup,
  }) => {
    await setUpProgramme(server, openPopup);
    const { page } = await recordedPage(context);
    const editor = await openComposer(page, xInline);
    await expect(suggestedButton(page)).toHaveCount(1, { timeout: 10_000 });
    await editor.focus();
    await page.keyboard.press('Alt+Shift+R');
    await expect(suggestedPanel(page)).toBeVisible();
    await expect(page.locator('relay-composer-ui')).toHaveCount(1);
  });
});
