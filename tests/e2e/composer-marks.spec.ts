/**
 * Relay's marks over the words its hints are about, Grammarly-style: boxes drawn in Relay's own
 * shadow root over the banned words (from the text's client rects), which follow the text when the
 * window changes, never change the editor's DOM (the sites render it from their models), and go
 * when the composer closes. And the keyboard in the "Suggested posts" panel.
 */
import type { Locator, Page } from '@playwright/test';
import { deleteLast, typeAtEnd } from './composer-helpers';
import { modelOf, renderCounts, selectInModel } from './sites';
import { BANNED_WORDS, marks, OFFICE, lookAtComposer, openPanel, writeOwnWords, type SiteName } from './composer-look';
import { expect, test } from './fixtures';

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where the browser draws each of `words`' words in the editor (read from its text, without changing it). */
function wordRects(editor: Locator, words: string): Promise<Rect[]> {
  return editor.evaluate((element, wanted) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at === -1) continue;
      return [...wanted.matchAll(/\S+/g)].flatMap((word) => {
        const range = document.createRange();
        range.setStart(node, at + word.index);
        range.setEnd(node, at + word.index + word[0].length);
        return [...range.getClientRects()].map(({ x, y, width, height }) => ({ x, y, width, height }));
      });
    }
    throw new Error(`"${wanted}" is not in one text node of the editor`);
  }, words);
}

/** Every word is under a mark, and every mark starts and ends at a word's edges (to a pixel). */
async function expectMarkCovers(page: Page, editor: Locator): Promise<void> {
  await expect
    .poll(
      async () => {
        const words = await wordRects(editor, BANNED_WORDS);
        const boxes = await marks(page).evaluateAll((elements) =>
          elements.map((element) => {
            const { x, y, width, height } = element.getBoundingClientRect();
            return { x, y, width, height };
          }),
        );
        const near = (a: number, b: number) => Math.abs(a - b) <= 1;
        const covers = (box: Rect, word: Rect) =>
          box.x <= word.x + 1 &&
          box.x + box.width >= word.x + word.width - 1 &&
          box.y <= word.y + 1 &&
          box.y + box.height >= word.y + word.height - 1 &&
          box.height <= word.height + 4;
        const fits = (box: Rect) =>
          words.some((word) => near(box.x, word.x)) &&
          words.some((word) => near(box.x + box.width, word.x + word.width));
        return words.length > 0 && words.every((word) => boxes.some((box) => covers(box, word))) && boxes.every(fits);
      },
      { message: `marks cover "${BANNED_WORDS}"` },
    )
    .toBe(true);
}

const SITES: SiteName[] = ['linkedin', 'x'];

for (const site of SITES) {
  test.describe(site, () => {
    test('the banned words are marked over the editor, which the marks never change', async ({
      context,
      server,
      openPopup,
    }) => {
      const { page, editor, composer } = await lookAtComposer({ context, server, openPopup }, site, 'light');
      await writeOwnWords(page, editor);
      await expectMarkCovers(page, editor);
      const html = await editor.evaluate((element) => element.innerHTML);
      expect(html, 'nothing of Relay inside the editor').not.toMatch(/relay/i);

      // The window narrows: the text wraps elsewhere, the mark follows it; the editor stays as it was.
      await page.setViewportSize({ width: 700, height: 800 });
      await expectMarkCovers(page, editor);
      await page.mouse.wheel(0, 200);
      await expectMarkCovers(page, editor);
      expect(await editor.evaluate((element) => element.innerHTML), "the editor's DOM").toBe(html);
      expect((await renderCounts(editor)).reverts, 'foreign DOM changes the editor had to revert').toBe(0);
      await expect(marks(page).first()).toHaveCSS('pointer-events', 'none');

      // Typing before the words: the next check marks them where they moved to.
      await selectInModel(editor, 0);
      await page.keyboard.type('Big news: ');
      await expectMarkCovers(page, editor);

      // The words go: so does their mark. The composer closes: so does every mark.
      await deleteLast(page, editor, ' for early customers'.length + BANNED_WORDS.length);
      await expect(marks(page)).toHaveCount(0);
      await typeAtEnd(page, editor, BANNED_WORDS);
      await expect(marks(page).first()).toBeVisible();
      await composer
        .getByRole('button', { name: site === 'linkedin' ? 'Dismiss' : 'Close' })
        .first()
        .click();
      await expect(page.locator('relay-composer-ui')).toHaveCount(0);
      await expect(marks(page)).toHaveCount(0);
    });

    test('arrow keys move through the suggested posts, Enter inserts, Escape returns to the editor', async ({
      context,
      server,
      openPopup,
    }) => {
      const { page, editor } = await lookAtComposer({ context, server, openPopup }, site, 'light');
      const panel = await openPanel(page);
      const search = panel.getByLabel('Search suggested posts');
      const inserts = panel.getByRole('button', { name: 'Insert' });
      await expect(search).toBeFocused();
      await page.keyboard.press('ArrowDown');
      await expect(inserts.nth(0)).toBeFocused();
      await page.keyboard.press('ArrowDown');
      await expect(inserts.nth(1)).toBeFocused();
      await page.keyboard.press('ArrowDown');
      await expect(inserts.nth(1), 'the last post stays active').toBeFocused();
      await page.keyboard.press('ArrowUp');
      await expect(inserts.nth(0)).toBeFocused();
      await page.keyboard.press('ArrowUp');
      await expect(search, 'up from the first post: back to the search').toBeFocused();
      // Only the active post's button is a tab stop.
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('End');
      await expect(inserts.nth(1)).toBeFocused();
      await expect(inserts.nth(0)).toHaveAttribute('tabindex', '-1');
      await expect(inserts.nth(1)).toHaveAttribute('tabindex', '0');
      // The variant the post's text is, and its tags without "#".
      const office = panel.getByRole('listitem').filter({ hasText: OFFICE.title });
      await expect(office).toContainText(site === 'linkedin' ? 'LinkedIn · version 1 of 1' : 'X · version 1 of 1');
      await expect(office.getByRole('list', { name: 'Tags' })).toHaveText('careers');
      await expect(panel).not.toContainText('#careers');

      await page.keyboard.press('Enter');
      await expect(panel).toBeHidden();
      await expect.poll(() => modelOf(editor)).toContain('Lisbon, here we come');

      await openPanel(page);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Escape');
      await expect(panel).toBeHidden();
      await expect(editor, 'Escape gives the editor its focus back').toBeFocused();
    });
  });
}
