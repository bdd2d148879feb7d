/** The X fixtures' details, without the extension: Draft.js structure, the toast, the 280 weighted characters, replies, the intent page. */
import { expect } from '@playwright/test';
import { xInline, xInlineReply, xModal, xReplyModal } from './composers';
import { modelOf, publishedPosts } from './sites';
import { openComposer, test } from './sites-browser';

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
