/**
 * The content scripts on whole pages: with nothing to suggest they leave the sites alone; on a
 * LinkedIn generation they don't know they step aside with one console warning; the popup's share
 * intents complete in the sites' composers and log one share when the post is published; long feeds
 * of 1,000 posts keep working.
 */
import type { BrowserContext, Locator, Page, Worker } from '@playwright/test';
import type { ComposerCase } from './composers';
import { linkedinOld, linkedinShadow, linkedinUnknown, xInline, xModal } from './composers';
import {
  expectOneShare,
  insertRelease,
  openComposer,
  RELEASE,
  relayConsole,
  serverShares,
  setUpProgramme,
  SUGGESTED,
  suggestedButton,
} from './composer-helpers';
import { expect, postCard, shareFromCard, test } from './fixtures';
import { DEFAULT_SITES, domText, modelOf, publishedPosts } from './sites';

/** A page of the browser where an advocate is enrolled, with guidelines and two posts published. */
async function pageWithProgramme(
  context: BrowserContext,
  server: Parameters<typeof setUpProgramme>[0],
  openPopup: Parameters<typeof setUpProgramme>[1],
): Promise<Page> {
  await setUpProgramme(server, openPopup);
  return context.newPage();
}

function uncaught(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

for (const composer of [linkedinOld, linkedinShadow, xModal, xInline] as ComposerCase[]) {
  test.describe(composer.name, () => {
    test.use({ sites: composer.sites });

    test('with no content published the site behaves as without the extension', async ({
      context,
      server,
      openPopup,
    }) => {
      await setUpProgramme(server, openPopup, { content: false });
      const page = await context.newPage();
      const errors = uncaught(page);
      // Relay's scripts post nothing to the page: its own message listeners never hear from Relay.
      await page.addInitScript(() => {
        const heard: unknown[] = [];
        (window as unknown as { __messagesHeard: unknown[] }).__messagesHeard = heard;
        window.addEventListener('message', (event) => heard.push(event.data));
      });
      const editor = await openComposer(page, composer);
      await editor.click();
      await page.keyboard.type('Just a post of my own');
      await page.keyboard.press('Enter');
      await page.keyboard.type('on two lines.');
      // Long enough for a content script to have mounted anything it would mount.
      await page.waitForTimeout(2_000);
      await expect(suggestedButton(page), 'no "Suggested posts" button without content').toHaveCount(0);
      expect(await modelOf(editor)).toBe('Just a post of my own\non two lines.');
      expect(await domText(editor)).toBe('Just a post of my own\non two lines.');
      await composer.postButton(page).click();
      await expect(composer.success(page)).toBeVisible();
      expect(await publishedPosts(page)).toEqual(['Just a post of my own\non two lines.']);
      await page.waitForTimeout(1_000);
      expect(await server.deps.db.selectFrom('shares').selectAll().execute()).toEqual([]);
      expect(errors).toEqual([]);
      expect(await page.evaluate(() => (window as unknown as { __messagesHeard: unknown[] }).__messagesHeard)).toEqual(
        [],
      );
    });
  });
}

test.describe('LinkedIn, a generation the adapter does not know', () => {
  test.use({ sites: linkedinUnknown.sites });

  test('the page keeps working, Relay warns once, the popup still works', async ({ context, server, openPopup }) => {
    const { popup } = await setUpProgramme(server, openPopup);
    const page = await context.newPage();
    const seen = relayConsole(page);
    const errors = uncaught(page);
    const editor = await openComposer(page, linkedinUnknown);
    await editor.click();
    await page.keyboard.type('Posting on a brand new LinkedIn');
    await page.keyboard.press('Enter');
    await page.keyboard.type('still works.');
    await linkedinUnknown.postButton(page).click();
    await expect(linkedinUnknown.success(page)).toBeVisible();
    expect(await publishedPosts(page)).toEqual(['Posting on a brand new LinkedIn\nstill works.']);

    await expect
      .poll(() => seen.warnings.length, { timeout: 10_000, message: 'a console warning starting with "Relay"' })
      .toBeGreaterThanOrEqual(1);
    // Open the composer again: still no more warnings.
    await linkedinUnknown.open(page);
    await expect(linkedinUnknown.editor(page)).toBeVisible();
    await page.waitForTimeout(1_500);
    expect(seen.warnings, 'exactly one Relay warning').toHaveLength(1);
    expect(seen.errors).toEqual([]);
    expect(errors).toEqual([]);
    await expect(suggestedButton(page)).toHaveCount(0);

    await popup.reload();
    await expect(postCard(popup, RELEASE.title)).toBeVisible();
    await popup.getByRole('button', { name: 'Sync now' }).click();
    await expect(popup.getByRole('status')).not.toContainText(/offline|error/i);
  });
});

test.describe('share intents from the popup', () => {
  /** Clicks `button` on RELEASE's card in the popup; returns the intent page once at `url`, and its composer's editor. */
  async function openIntent(
    context: BrowserContext,
    popup: Page,
    button: string,
    url: RegExp,
    composer: ComposerCase,
  ): Promise<{ page: Page; editor: Locator }> {
    const opened = context.waitForEvent('page');
    await shareFromCard(postCard(popup, RELEASE.title), button.replace('Share on ', ''));
    const page = await opened;
    await page.waitForURL(url);
    const editor = composer.editor(page);
    await expect(editor).toBeVisible();
    expect(await modelOf(editor)).toMatch(SUGGESTED[composer.network]);
    return { page, editor };
  }

  /** Nothing is logged before the site confirms the post; Post publishes it and exactly one share is logged. */
  async function publishLogsOneShare(
    page: Page,
    composer: ComposerCase,
    server: Parameters<typeof setUpProgramme>[0],
    serviceWorker: Worker,
    contentId: string,
  ): Promise<void> {
    await page.waitForTimeout(1_500);
    expect(await serverShares(server, contentId)).toEqual([]);
    await composer.postButton(page).click();
    await expect(composer.success(page)).toBeVisible();
    expect(await publishedPosts(page)).toHaveLength(1);
    await expectOneShare(server, serviceWorker, contentId, composer.network);
  }

  test('"Share on LinkedIn" opens the prefilled composer; publishing there logs one share', async ({
    context,
    server,
    openPopup,
    serviceWorker,
  }) => {
    const { popup, release } = await setUpProgramme(server, openPopup);
    const { page } = await openIntent(
      context,
      popup,
      'Share on LinkedIn',
      /^https:\/\/www\.linkedin\.com\/feed\/\?shareActive=true/,
      linkedinShadow,
    );
    await publishLogsOneShare(page, linkedinShadow, server, serviceWorker, release!.id);
  });

  test('"Share on X" opens the prefilled intent composer; Post, with no click in the editor, logs one share', async ({
    context,
    server,
    openPopup,
    serviceWorker,
  }) => {
    const { popup, release } = await setUpProgramme(server, openPopup);
    // As on a site that doesn't focus its composer: the person never turns to it, yet it holds Relay's text.
    // (In the page's world only: Relay's isolated world keeps its own prototypes.)
    await context.addInitScript(() => {
      HTMLElement.prototype.focus = () => {};
      for (const method of ['addRange', 'collapse', 'setBaseAndExtent'] as const)
        Selection.prototype[method] = () => {};
    });
    const { page, editor } = await openIntent(
      context,
      popup,
      'Share on X',
      /^https:\/\/x\.com\/intent\/post\?/,
      xModal,
    );
    expect(await editor.evaluate((element) => element.matches(':focus-within'))).toBe(false);
    // The composer opened holding Relay's text: Relay is ready for it without the person turning to it.
    await expect(suggestedButton(page)).toHaveCount(1, { timeout: 10_000 });
    await publishLogsOneShare(page, xModal, server, serviceWorker, release!.id);
  });
});

test.describe('feeds of 1,000 posts', () => {
  // Role queries walk the accessibility tree of 1,000 posts: seconds each.
  test.slow();

  test.describe('LinkedIn', () => {
    test.use({ sites: { ...DEFAULT_SITES, linkedin: 'linkedin-feed-1000.html' } });

    test('the composer gets its panel and Insert works; appending posts changes nothing', async ({
      context,
      server,
      openPopup,
    }) => {
      const page = await pageWithProgramme(context, server, openPopup);
      await openComposer(page, linkedinShadow);
      await insertRelease(page, linkedinShadow);
      await page.evaluate(() => (window as unknown as { __appendPosts(n: number): number }).__appendPosts(200));
      await page.waitForTimeout(500);
      await expect(suggestedButton(page)).toHaveCount(1);
      await expect(linkedinShadow.postButton(page)).toBeEnabled();
    });
  });

  test.describe('X', () => {
    test.use({ sites: { ...DEFAULT_SITES, x: 'x-feed-1000.html' } });

    test('the inline composer gets its panel and Insert works; appending posts changes nothing', async ({
      context,
      server,
      openPopup,
    }) => {
      const page = await pageWithProgramme(context, server, openPopup);
      await openComposer(page, xInline);
      await insertRelease(page, xInline);
      await page.evaluate(() => (window as unknown as { __appendPosts(n: number): number }).__appendPosts(200));
      await page.waitForTimeout(500);
      await expect(suggestedButton(page)).toHaveCount(1);
      await expect(xInline.postButton(page)).toBeEnabled();
    });

    test('/compose/post over the feed: the compose modal and the box above the timeline both get Relay at load', async ({
      context,
      server,
      openPopup,
    }) => {
      const page = await pageWithProgramme(context, server, openPopup);
      await page.goto('https://x.com/compose/post');
      await expect(xModal.editor(page)).toBeVisible();
      await expect(suggestedButton(page)).toHaveCount(2, { timeout: 10_000 });
      await expect(page.locator('#layers').getByRole('button', { name: 'Suggested posts' })).toHaveCount(1);
      await expect(
        page.locator('[data-testid="primaryColumn"]').getByRole('button', { name: 'Suggested posts' }),
      ).toHaveCount(1);
    });
  });
});
