/**
 * The site fixtures on their own, in Chromium WITHOUT the extension: proof that they model the real
 * editors (composers.md). Their editors keep a model and render the DOM from it; DOM writes are
 * reverted and never enable Post; typing, execCommand('insertText') and paste go through; Post and
 * Ctrl+Enter publish into `window.__posts` and show the site's success signal.
 */
import { chromium, expect, test as base, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM_FLAGS, chromiumExecutable } from './chromium';
import {
  linkedinOld,
  linkedinShadow,
  linkedinUnknown,
  xInline,
  xInlineReply,
  xModal,
  xReplyModal,
  type ComposerCase,
} from './composers';
import {
  DEFAULT_SITES,
  domText,
  execInsertText,
  fulfillSite,
  modelOf,
  pasteInto,
  publishedPosts,
  renderCounts,
  type SiteChoice,
} from './sites';

const test = base.extend<
  { sites: SiteChoice; blocked: string[]; context: BrowserContext; page: Page },
  { plainBrowser: Browser }
>({
  // One Chromium without the extension per worker; a fresh context per test.
  plainBrowser: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const browser = await chromium.launch({
        executablePath: chromiumExecutable(),
        headless: true,
        args: [...CHROMIUM_FLAGS],
      });
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

/** DOM writes a content script might try; none may reach the model. */
const DOM_WRITES: { name: string; write: (element: HTMLElement) => void }[] = [
  { name: 'textContent', write: (el) => void (el.textContent = 'Injected by textContent') },
  { name: 'innerText', write: (el) => void (el.innerText = 'Injected by innerText') },
  { name: 'innerHTML', write: (el) => void (el.innerHTML = '<p>Injected by innerHTML</p>') },
  {
    name: 'appendChild',
    write: (el) => {
      const p = document.createElement('p');
      p.textContent = 'Injected by appendChild';
      el.appendChild(p);
    },
  },
  {
    name: 'innerHTML + a synthetic input event',
    write: (el) => {
      el.innerHTML = '<p>Injected with a synthetic event</p>';
      el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: 'x' }));
    },
  },
];

async function openComposer(page: Page, composer: ComposerCase) {
  await page.goto(composer.url);
  await composer.open(page);
  const editor = composer.editor(page);
  await expect(editor).toBeVisible();
  await expect(editor).toHaveAttribute('contenteditable', 'true');
  return editor;
}

const CASES = [linkedinOld, linkedinShadow, linkedinUnknown, xModal, xReplyModal, xInline, xInlineReply];

for (const composer of CASES) {
  test.describe(`fixture: ${composer.name}`, () => {
    test.use({ sites: composer.sites });

    test('DOM writes are reverted at the next render and never enable Post', async ({ page }) => {
      const editor = await openComposer(page, composer);
      const post = composer.postButton(page);
      await expect(post).toBeDisabled();
      for (const { name, write } of DOM_WRITES) {
        await editor.evaluate(write);
        // Reverted on the MutationObserver tick.
        await expect.poll(() => domText(editor), { message: name }).toBe('');
        expect(await modelOf(editor), name).toBe('');
        await expect(post, name).toBeDisabled();
      }
      expect((await renderCounts(editor)).reverts).toBeGreaterThanOrEqual(DOM_WRITES.length);

      // With text in the model, a write is reverted too, and typing renders the model again.
      await editor.click();
      await page.keyboard.type('Hello');
      await expect(post).toBeEnabled();
      await editor.evaluate((el) => el.append(document.createTextNode(' and more')));
      await expect.poll(() => domText(editor)).toBe('Hello');
      await page.keyboard.type('!');
      expect(await modelOf(editor)).toBe('Hello!');
    });

    test('typing, Enter, Backspace, execCommand and paste reach the model; Post enables', async ({ page }) => {
      const editor = await openComposer(page, composer);
      const post = composer.postButton(page);
      await editor.click();
      await page.keyboard.type('Line one');
      await page.keyboard.press('Enter');
      await page.keyboard.type('Line twoo');
      await page.keyboard.press('Backspace');
      await page.keyboard.press('Shift+Enter');
      await page.keyboard.type('Line three');
      expect(await modelOf(editor)).toBe('Line one\nLine two\nLine three');
      await expect(post).toBeEnabled();
      await expect.poll(() => domText(editor)).toBe('Line one\nLine two\nLine three');

      // execCommand('insertText'), as extensions do after focusing the editor.
      expect(await execInsertText(editor, ' (via execCommand)')).toBe(true);
      await expect.poll(() => modelOf(editor)).toBe('Line one\nLine two\nLine three (via execCommand)');

      // A synthetic paste keeps its newlines, blank lines included.
      await pasteInto(editor, '\nPasted A\n\nPasted B');
      expect(await modelOf(editor)).toBe('Line one\nLine two\nLine three (via execCommand)\nPasted A\n\nPasted B');
      // The DOM shows what the model holds, one block per line.
      const blocks = await editor.evaluate((el) => el.querySelectorAll('p, [data-block="true"]').length);
      expect(blocks).toBe(6);

      // The next render keeps it all.
      await page.keyboard.type('.');
      expect(await modelOf(editor)).toBe('Line one\nLine two\nLine three (via execCommand)\nPasted A\n\nPasted B.');
    });

    test('Post publishes the model and shows the success signal', async ({ page }) => {
      const editor = await openComposer(page, composer);
      await editor.click();
      await page.keyboard.type('Published with the button');
      await composer.postButton(page).click();
      await expect(composer.success(page)).toBeVisible();
      expect(await publishedPosts(page)).toEqual(['Published with the button']);
      if (composer.modal) await expect(composer.modal(page)).toHaveCount(0);
      else {
        await expect.poll(() => modelOf(editor)).toBe('');
        await expect(composer.postButton(page)).toBeDisabled();
      }
    });

    test('Ctrl+Enter publishes like Post; nothing is published while empty', async ({ page }) => {
      const editor = await openComposer(page, composer);
      await editor.click();
      await page.keyboard.press('Control+Enter');
      await page.waitForTimeout(500);
      expect(await publishedPosts(page)).toEqual([]);
      await page.keyboard.type('First line');
      await page.keyboard.press('Enter');
      await page.keyboard.type('Second line');
      await page.keyboard.press('Control+Enter');
      await expect(composer.success(page)).toBeVisible();
      expect(await publishedPosts(page)).toEqual(['First line\nSecond line']);
    });
  });
}

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
});

test.describe('fixture: X details', () => {
  test('Draft.js structure: toolBar, DraftEditor-root, placeholder only while empty', async ({ page }) => {
    const editor = await openComposer(page, xModal);
    await expect(page).toHaveURL('https://x.com/compose/post');
    const dialog = page.locator('[role="dialog"]');
    await expect(dialog.locator('.DraftEditor-root [data-testid="tweetTextarea_0"][role="textbox"]')).toHaveCount(1);
    await expect(dialog.locator('[data-testid="toolBar"] button[data-testid="tweetButton"]')).toHaveText('Post');
    await expect(dialog.locator('.public-DraftEditorPlaceholder-root')).toHaveText('What is happening?!');
    await expect(xModal.postButton(page)).toHaveAttribute('aria-disabled', 'true');
    await editor.click();
    await page.keyboard.type('x');
    await expect(dialog.locator('.public-DraftEditorPlaceholder-root')).toHaveCount(0);
    await expect(xModal.postButton(page)).toHaveAttribute('aria-disabled', 'false');
    await expect(editor.locator('[data-contents="true"] > [data-block="true"] span[data-text="true"]')).toHaveText('x');
  });

  test('the toast says the post was sent and links it; the modal closes', async ({ page }) => {
    const editor = await openComposer(page, xModal);
    await editor.click();
    await page.keyboard.type('Toast please');
    await xModal.postButton(page).click();
    const toast = page.locator('[data-testid="toast"]');
    await expect(toast).toContainText('Your post was sent');
    await expect(toast.getByRole('link', { name: 'View' })).toHaveAttribute('href', /\/status\/\d+$/);
    await expect(page.locator('[role="dialog"]')).toHaveCount(0);
    await expect(page).toHaveURL('https://x.com/home');
  });

  test('over 280 weighted characters disables Post (URLs count 23)', async ({ page }) => {
    const editor = await openComposer(page, xModal);
    await editor.click();
    await page.keyboard.insertText(`${'a'.repeat(250)} https://example.com/${'p'.repeat(100)}`);
    await expect(xModal.postButton(page)).toBeEnabled(); // 250 + 1 + 23 = 274
    await page.keyboard.insertText(' ' + 'b'.repeat(10));
    await expect(xModal.postButton(page)).toBeDisabled();
  });

  test('the reply modal shows "Replying to" with the same test ids', async ({ page }) => {
    await openComposer(page, xReplyModal);
    const dialog = page.locator('[role="dialog"]');
    await expect(dialog).toContainText('Replying to @');
    await expect(dialog.locator('[data-testid="toolBar"] button[data-testid="tweetButton"]')).toHaveText('Reply');
  });

  test('the intent page opens the composer prefilled (text, url, hashtags, via); /intent/tweet redirects', async ({
    page,
  }) => {
    await page.goto(
      'https://x.com/intent/tweet?text=Hello%20world&url=https%3A%2F%2Fexample.com&hashtags=a,b&via=relay',
    );
    await expect(page).toHaveURL(/^https:\/\/x\.com\/intent\/post\?/);
    const editor = xModal.editor(page);
    await expect(editor).toBeVisible();
    expect(await modelOf(editor)).toBe('Hello world https://example.com #a #b via @relay');
    await expect(xModal.postButton(page)).toBeEnabled();
    await page.keyboard.press('Control+Enter');
    await expect(xModal.success(page)).toBeVisible();
    expect(await publishedPosts(page)).toEqual(['Hello world https://example.com #a #b via @relay']);
  });

  test.describe('inline', () => {
    test.use({ sites: xInline.sites });

    test('the inline reply box says who it replies to', async ({ page }) => {
      await page.goto(xInlineReply.url);
      await expect(page.locator('[data-testid="primaryColumn"]')).toContainText('Replying to @');
      await expect(xInlineReply.postButton(page)).toHaveText('Reply');
    });
  });
});

test.describe('fixture: feeds of 1,000 posts', () => {
  test.describe('LinkedIn', () => {
    test.use({ sites: { ...DEFAULT_SITES, linkedin: 'linkedin-feed-1000.html' } });
    test('1,000 posts, __appendPosts adds more, the composer still works', async ({ page }) => {
      await page.goto('https://www.linkedin.com/feed/');
      await expect(page.locator('[data-view-name="feed-full-update"]')).toHaveCount(1000);
      expect(
        await page.evaluate(() => (window as unknown as { __appendPosts(n: number): number }).__appendPosts(50)),
      ).toBe(1050);
      await expect(page.locator('[data-view-name="feed-full-update"]')).toHaveCount(1050);
      await linkedinShadow.open(page);
      await linkedinShadow.editor(page).click();
      await page.keyboard.type('Still fast');
      await expect(linkedinShadow.postButton(page)).toBeEnabled();
    });
  });

  test.describe('X', () => {
    test.use({ sites: { ...DEFAULT_SITES, x: 'x-feed-1000.html' } });
    test('1,000 tweets, __appendPosts adds more, the inline composer still works', async ({ page }) => {
      await page.goto('https://x.com/home');
      await expect(page.locator('[data-testid="timeline"] article[data-testid="tweet"]')).toHaveCount(1000);
      expect(
        await page.evaluate(() => (window as unknown as { __appendPosts(n: number): number }).__appendPosts(25)),
      ).toBe(1025);
      await expect(page.locator('[data-testid="timeline"] article[data-testid="tweet"]')).toHaveCount(1025);
      await xInline.editor(page).click();
      await page.keyboard.type('Still fast');
      await expect(xInline.postButton(page)).toBeEnabled();
    });
  });
});
