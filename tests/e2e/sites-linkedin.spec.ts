/**
 * The LinkedIn fixtures' details, without the extension: where each generation mounts its share
 * box, its classes, its intents, its 2026 variations (late Post button, activity-URN toast,
 * share-box links with queries, a plain-div trigger, a Post button without its class) and its
 * interface in German and Japanese.
 */
import { expect } from '@playwright/test';
import { inLanguage, linkedinOld, linkedinShadow, linkedinUnknown } from './composers';
import { execInsertText, modelOf, publishedPosts } from './sites';
import { openComposer, test } from './sites-browser';
import { englishShown } from './sites-words';

test.describe('fixture: LinkedIn details', () => {
  test.describe('Ember generation', () => {
    test.use({ sites: linkedinOld.sites });

    test('the share box mounts in #artdeco-modal-outlet; Quill classes and placeholder; the toast links the share', async ({
      page,
    }) => {
      const editor = await openComposer(page, linkedinOld);
      const modal = page.locator('#artdeco-modal-outlet [data-test-modal-id="sharebox"].share-box-v2__modal');
      await expect(modal).toBeVisible();
      await expect(modal.locator('.artdeco-modal__content .share-creation-state__text-editor .ql-editor')).toHaveCount(
        1,
      );
      await expect(modal.locator('.share-creation-state__footer button.share-actions__primary-action')).toHaveText(
        'Post',
      );
      await expect(editor).toHaveClass(/\bql-blank\b/);
      await expect(editor).toHaveAttribute('aria-label', 'Text editor for creating content');
      await expect(editor).toHaveAttribute('data-placeholder', 'What do you want to talk about?');
      await expect(page.locator('button.share-box-feed-entry__trigger')).toHaveText('Start a post');
      await editor.click();
      await page.keyboard.type('Hi');
      await expect(editor).not.toHaveClass(/\bql-blank\b/);
      await page.keyboard.press('Backspace');
      await page.keyboard.press('Backspace');
      await expect(editor).toHaveClass(/\bql-blank\b/);
      await page.keyboard.type('Multi');
      expect(await execInsertText(editor, '\nline insertText')).toBe(true);
      await expect.poll(() => modelOf(editor)).toBe('Multi\nline insertText');
      await linkedinOld.postButton(page).click();
      await expect(page.locator('.artdeco-toast-item[data-test-artdeco-toast-item-type="success"]')).toBeVisible();
      const toast = page.locator('.artdeco-toast-item__message');
      await expect(toast).toHaveText(/Post successful\.\s*View post/);
      await expect(toast.getByRole('link', { name: 'View post' })).toHaveAttribute(
        'href',
        /^\/feed\/update\/urn:li:share:\d+\/$/,
      );
    });
  });

  test.describe('shadow generation', () => {
    test.use({ sites: linkedinShadow.sites });

    test('the share box lives in the open shadow root of #interop-outlet, out of document.querySelector', async ({
      page,
    }) => {
      await openComposer(page, linkedinShadow);
      const found = await page.evaluate(() => {
        const host = document.querySelector('#interop-outlet[data-testid="interop-shadowdom"]');
        return {
          rehydrated: document.body.hasAttribute('data-rehydrated'),
          root: !!document.querySelector('body > #root'),
          inDocument: !!document.querySelector('[data-test-modal-id="sharebox"], .ql-editor'),
          inShadow: !!host?.shadowRoot?.querySelector('[data-test-modal-id="sharebox"][role="dialog"] .ql-editor'),
        };
      });
      expect(found).toEqual({ rehydrated: true, root: true, inDocument: false, inShadow: true });
      // The caret can be placed with the shadow root's getSelection (Chromium).
      const typed = await linkedinShadow.editor(page).evaluate((el) => {
        const root = el.getRootNode() as ShadowRoot & { getSelection(): Selection | null };
        (el as HTMLElement).focus();
        root.getSelection()?.collapse(el.querySelector('p')!, 0);
        return document.execCommand('insertText', false, 'In the shadow');
      });
      expect(typed).toBe(true);
      await expect.poll(() => modelOf(linkedinShadow.editor(page))).toBe('In the shadow');
      await expect(linkedinShadow.postButton(page)).toBeEnabled();
    });

    test('shareActive=true&text= opens the composer prefilled; /preload/sharebox/ opens it', async ({ page }) => {
      const text = 'Prefilled from the intent\n\nhttps://relay.test/r/abc';
      await page.goto(`https://www.linkedin.com/feed/?shareActive=true&text=${encodeURIComponent(text)}`);
      const editor = linkedinShadow.editor(page);
      await expect(editor).toBeVisible();
      expect(await modelOf(editor)).toBe(text);
      await expect(linkedinShadow.postButton(page)).toBeEnabled();
      await linkedinShadow.postButton(page).click();
      await expect(linkedinShadow.success(page)).toBeVisible();
      expect(await publishedPosts(page)).toEqual([text]);

      await page.goto('https://www.linkedin.com/preload/sharebox/');
      await expect(linkedinShadow.editor(page)).toBeVisible();
      await expect(linkedinShadow.postButton(page)).toBeDisabled();
    });
  });

  test.describe('unknown generation', () => {
    test.use({ sites: linkedinUnknown.sites });

    test('carries none of the documented hooks', async ({ page }) => {
      await openComposer(page, linkedinUnknown);
      const known = await page.evaluate(() => {
        const selectors = [
          'body[data-rehydrated]',
          'body > #root',
          '#interop-outlet',
          '[data-testid="interop-shadowdom"]',
          '#artdeco-modal-outlet',
          '.share-box-feed-entry__trigger',
          '[aria-label="Start a post"]',
          'a[href="/preload/sharebox/"]',
          '[data-test-modal-id]',
          '.share-box-v2__modal',
          '.ql-editor',
          '[data-test-ql-editor-contenteditable]',
          '[aria-label="Text editor for creating content"]',
          '.share-actions__primary-action',
        ];
        const shadowHosts = [...document.querySelectorAll('*')].filter((el) => el.shadowRoot).length;
        return { hits: selectors.filter((s) => document.querySelector(s)), shadowHosts };
      });
      expect(known).toEqual({ hits: [], shadowHosts: 0 });
    });
  });

  test.describe('2026 variations', () => {
    test.use({ sites: linkedinShadow.sites });

    test('the entry links /preload/sharebox/ with a query; the Post button follows the model ~200 ms late; the toast links the activity', async ({
      page,
    }) => {
      await page.goto(linkedinShadow.url);
      const entry = page.locator('[data-view-name="share-box"] > a');
      await expect(entry).toHaveAttribute('href', /^\/preload\/sharebox\/\?trk=/);
      await expect(entry).not.toHaveAttribute('role', /./);
      await entry.click();
      const editor = linkedinShadow.editor(page);
      await expect(editor).toBeVisible();
      // Still disabled right after the text lands, in the same task; enabled a moment later.
      const rightAfter = await editor.evaluate((el) => {
        const root = el.getRootNode() as ShadowRoot;
        (el as HTMLElement).focus();
        document.execCommand('insertText', false, 'Late button');
        return root.querySelector<HTMLButtonElement>('button.share-actions__primary-action')!.disabled;
      });
      expect(rightAfter, 'disabled in the same task as the text').toBe(true);
      await expect(linkedinShadow.postButton(page)).toBeEnabled();
      await linkedinShadow.postButton(page).click();
      await expect(linkedinShadow.success(page).getByRole('link')).toHaveAttribute(
        'href',
        /^\/feed\/update\/urn:li:activity:\d+\/$/,
      );
      await expect(linkedinShadow.modal!(page)).toHaveCount(0);
    });

    test.describe('plain-div trigger, bare Post button, ugcPost toast', () => {
      test.use({ sites: { ...linkedinShadow.sites, options: { trigger: 'div', postButton: 'bare', urn: 'ugcPost' } } });

      test('a div with no role, label, href or known class opens the share box; Post has no share-actions class', async ({
        page,
      }) => {
        await page.goto(linkedinShadow.url);
        const trigger = page.locator('[data-view-name="share-box"] > :first-child');
        expect(await trigger.evaluate((el) => [el.localName, ...el.getAttributeNames()].sort())).toEqual(
          ['class', 'div', 'tabindex'].sort(),
        );
        expect(await page.evaluate(() => document.querySelector('a[href*="sharebox"]'))).toBeNull();
        await trigger.click();
        await expect(linkedinShadow.editor(page)).toBeVisible();
        await expect(page.locator('#interop-outlet .share-actions__primary-action')).toHaveCount(0);
        await linkedinShadow.editor(page).click();
        await page.keyboard.type('Bare');
        await linkedinShadow.postButton(page).click();
        await expect(linkedinShadow.success(page).getByRole('link')).toHaveAttribute('href', /urn:li:ugcPost:\d+\/$/);
      });
    });
  });

  for (const lang of ['de', 'ja'] as const) {
    for (const generation of [linkedinOld, linkedinShadow]) {
      const composer = inLanguage(generation, lang);
      test.describe(composer.name, () => {
        test.use({ sites: composer.sites });

        test('every interface word in the language: the page, the share box, the toast', async ({ page }) => {
          const editor = await openComposer(page, composer);
          const words = await page.evaluate(
            (lang) =>
              (
                window as unknown as { FixtureWords: { table(s: string, l: string): Record<string, string> } }
              ).FixtureWords.table('linkedin', lang),
            lang,
          );
          expect(words.post).not.toBe('Post');
          await expect(editor).toHaveAttribute('data-placeholder', words.placeholder!);
          await expect(editor).toHaveAttribute('aria-label', words.editorLabel!);
          await expect(composer.postButton(page)).toHaveText(words.post!);
          expect(await englishShown(page, 'linkedin', lang), 'English left with the share box open').toEqual([]);
          await editor.click();
          await page.keyboard.type(lang === 'de' ? 'Grüße aus München 🥨' : '東京から🗼');
          await composer.postButton(page).click();
          await expect(composer.success(page)).toContainText(words.posted!);
          await expect(composer.success(page).getByRole('link', { name: words.viewPost })).toHaveAttribute(
            'href',
            /^\/feed\/update\/urn:li:(share|activity):\d+\/$/,
          );
          expect(await englishShown(page, 'linkedin', lang), 'English left after posting').toEqual([]);
        });
      });
    }
  }

  test('the English check finds English: an English page shows the words German translates', async ({ page }) => {
    await openComposer(page, linkedinShadow);
    expect(await englishShown(page, 'linkedin', 'de')).toEqual(
      expect.arrayContaining(['Start a post', 'What do you want to talk about?', 'Text editor for creating content']),
    );
  });
});
