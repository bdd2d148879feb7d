/**
 * The X fixtures' details, without the extension: Draft.js structure, the toast, the 280 weighted
 * characters (CJK and emoji count 2, URLs 23: compared with the twitter-text package), replies, the
 * intent page, and the interface in German and Japanese.
 */
import { expect, type Page } from '@playwright/test';
import twitterText from 'twitter-text';
import { inLanguage, xInline, xInlineReply, xModal, xReplyModal } from './composers';
import { modelOf, publishedPosts } from './sites';
import { openComposer, test } from './sites-browser';
import { englishShown } from './sites-words';

/** Texts whose weighted length the fixture must count as twitter-text does. */
const WEIGHT_SAMPLES = [
  'Hello, world!',
  '日本語のテキスト',
  'ポストする🎉',
  'Grüße aus München – „schön“ … ‘quoted’',
  'Привет, мир! Γειά σου κόσμε',
  '👨‍👩‍👧 family, 🇩🇪 flag, 1️⃣ keycap, 👋🏽 wave',
  '한국어 텍스트와 中文',
  '™ © ® ‰ € ¥ £',
  'See https://example.com/a/very/long/path?with=query&and=more and www.example.org.',
  'Bare example.com and relay.dev/r/abc, then 東京 https://relay.test/r/x9.',
  'e\u0301 composed by NFC',
  '\u{1F600}\u{1F601}\u{1F602} ٩(◕‿◕)۶ ¯\\_(ツ)_/¯',
];

const weighed = (page: Page, text: string) =>
  page.evaluate(
    (value) =>
      (window as unknown as { XFixtureWeight: { weightedLength(t: string): number } }).XFixtureWeight.weightedLength(
        value,
      ),
    text,
  );

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

  test('weighted length as twitter-text counts it: Latin 1, CJK and emoji 2, URLs 23', async ({ page }) => {
    await page.goto(xModal.url);
    for (const sample of WEIGHT_SAMPLES) {
      expect(await weighed(page, sample), sample).toBe(twitterText.parseTweet(sample).weightedLength);
    }
  });

  test('CJK and emoji count 2: 140 of them fill a post, one more disables Post', async ({ page }) => {
    const editor = await openComposer(page, xModal);
    await editor.click();
    await page.keyboard.insertText('日本'.repeat(70)); // 140 characters, 280 weighted
    expect(twitterText.parseTweet(await modelOf(editor)).weightedLength).toBe(280);
    await expect(xModal.postButton(page)).toBeEnabled();
    await page.keyboard.insertText('a');
    await expect(xModal.postButton(page)).toBeDisabled();
    await page.keyboard.press('Backspace');
    await expect(xModal.postButton(page)).toBeEnabled();

    await page.keyboard.press('Control+a');
    await page.keyboard.insertText('🎉👋🏽'.repeat(70)); // 140 emoji (one with a skin tone), 280 weighted
    await expect.poll(() => modelOf(editor)).toBe('🎉👋🏽'.repeat(70));
    await expect(xModal.postButton(page)).toBeEnabled();
    await page.keyboard.insertText('🇯🇵');
    await expect(xModal.postButton(page)).toBeDisabled();
  });

  for (const lang of ['de', 'ja'] as const) {
    for (const mode of [xModal, xInline]) {
      const composer = inLanguage(mode, lang);
      test.describe(composer.name, () => {
        test.use({ sites: composer.sites });

        test('every interface word in the language: the page, the composer, the toast', async ({ page }) => {
          const editor = await openComposer(page, composer);
          const words = await page.evaluate(
            (lang) =>
              (
                window as unknown as { FixtureWords: { table(s: string, l: string): Record<string, string> } }
              ).FixtureWords.table('x', lang),
            lang,
          );
          await expect(composer.postButton(page)).toHaveText(words.post!);
          await expect(editor).toHaveAttribute('aria-label', words.postText!);
          await expect(page.locator('.public-DraftEditorPlaceholder-root')).toHaveText(words.placeholder!);
          expect(await englishShown(page, 'x', lang), 'English left with the composer open').toEqual([]);
          await editor.click();
          await page.keyboard.type(lang === 'de' ? 'Grüße 🥨' : 'こんにちは🗼');
          await composer.postButton(page).click();
          const toast = page.locator('[data-testid="toast"]');
          await expect(toast).toContainText(words.sent!);
          await expect(toast.getByRole('link', { name: words.view })).toHaveAttribute('href', /\/status\/\d+$/);
          expect(await englishShown(page, 'x', lang), 'English left after posting').toEqual([]);
        });
      });
    }
  }

  test('the English check finds English: an English page shows the words Japanese translates', async ({ page }) => {
    await openComposer(page, xModal);
    expect(await englishShown(page, 'x', 'ja')).toEqual(
      expect.arrayContaining(['Post', 'What is happening?!', 'Post text', 'Home']),
    );
  });
});
