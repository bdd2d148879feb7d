/**
 * The site fixtures on their own, in Chromium WITHOUT the extension: proof that they model the real
 * editors (composers.md). Their editors keep a model and render the DOM from it; DOM writes are
 * reverted and never enable Post; typing, execCommand('insertText') and paste go through; Post and
 * Ctrl+Enter publish into `window.__posts` and show the site's success signal.
 */
import { expect } from '@playwright/test';
import { linkedinOld, linkedinShadow, linkedinUnknown, xInline, xInlineReply, xModal, xReplyModal } from './composers';
import { caretToEnd, domText, execInsertText, modelOf, pasteInto, publishedPosts, renderCounts } from './sites';
import { openComposer, test } from './sites-browser';

type WithFixture = HTMLElement & { __fixtureEditor: { mode: string } };
type WithRerender = { __fixture: { rerender(): number } };
type WithSetText = HTMLElement & { __fixtureEditor: { setText(text: string): void } };

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

      if (composer.network === 'linkedin') {
        // Quill 1 reads what the browser's own paste put in its clipboard container: a synthetic
        // paste (no default action) inserts nothing. A multi-line insertText keeps its lines.
        await pasteInto(editor, 'Pasted by a script');
        await page.waitForTimeout(200);
        expect(await modelOf(editor)).toBe('Line one\nLine two\nLine three (via execCommand)');
        expect(await execInsertText(editor, '\nPasted A\n\nPasted B')).toBe(true);
      } else {
        // Draft reads a synthetic paste's text/plain: its newlines kept, blank lines included.
        await pasteInto(editor, '\nPasted A\n\nPasted B');
      }
      await expect
        .poll(() => modelOf(editor))
        .toBe('Line one\nLine two\nLine three (via execCommand)\nPasted A\n\nPasted B');
      // The DOM shows what the model holds, one block per line.
      const blocks = await editor.evaluate((el) => el.querySelectorAll('p, [data-block="true"]').length);
      expect(blocks).toBe(6);

      // The next render keeps it all.
      await page.keyboard.type('.');
      expect(await modelOf(editor)).toBe('Line one\nLine two\nLine three (via execCommand)\nPasted A\n\nPasted B.');
    });

    test('a multi-line execCommand insertText: Quill keeps its lines, Draft keeps only the last (line by line with line breaks works)', async ({
      page,
    }) => {
      const editor = await openComposer(page, composer);
      await editor.click();
      await page.keyboard.type('Start');
      expect(await execInsertText(editor, '\nLine A\nLine B')).toBe(true);
      await page.waitForTimeout(100);
      // Draft's editOnInput reads the leaf holding the caret into its block (draft-js #616).
      const expected = composer.network === 'linkedin' ? 'Start\nLine A\nLine B' : 'Line B';
      await expect.poll(() => modelOf(editor)).toBe(expected);
      if (composer.network === 'linkedin') return;

      // On Draft: each line typed in, a soft line break (Shift+Enter's) between them.
      await editor.evaluate((element) => (element as WithSetText).__fixtureEditor.setText('Start'));
      await caretToEnd(editor);
      for (const line of ['Line A', 'Line B']) {
        await editor.evaluate(() => document.execCommand('insertLineBreak'));
        await page.waitForTimeout(20);
        await editor.evaluate((_element, value) => document.execCommand('insertText', false, value), line);
        await page.waitForTimeout(20);
      }
      await expect.poll(() => modelOf(editor)).toBe('Start\nLine A\nLine B');
      await expect(composer.postButton(page)).toBeEnabled();
    });

    test('paste: a trusted one (the keyboard) arrives with its lines; a synthetic one only on Draft', async ({
      context,
      page,
    }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
        origin: composer.network === 'linkedin' ? 'https://www.linkedin.com' : 'https://x.com',
      });
      const editor = await openComposer(page, composer);
      await editor.click();
      await pasteInto(editor, 'Synthetic');
      await page.waitForTimeout(200);
      expect(await modelOf(editor)).toBe(composer.network === 'linkedin' ? '' : 'Synthetic');
      await editor.evaluate((element) => (element as WithSetText).__fixtureEditor.setText(''));
      await page.evaluate(() => navigator.clipboard.writeText('Pasted for real\nSecond line'));
      await caretToEnd(editor);
      await page.keyboard.press('Control+V');
      await expect.poll(() => modelOf(editor)).toBe('Pasted for real\nSecond line');
      await expect(composer.postButton(page)).toBeEnabled();
    });

    test('test controls: an editor that ignores everything, one that half-inserts once, a re-render', async ({
      page,
    }) => {
      const editor = await openComposer(page, composer);
      await editor.evaluate((element) => ((element as WithFixture).__fixtureEditor.mode = 'ignore'));
      await editor.click();
      await page.keyboard.type('Typed');
      expect(await execInsertText(editor, 'Inserted')).toBe(true);
      await pasteInto(editor, 'Pasted');
      await page.waitForTimeout(200);
      expect(await modelOf(editor)).toBe('');
      await expect.poll(() => domText(editor)).toBe('');
      await expect(composer.postButton(page)).toBeDisabled();

      await editor.evaluate((element) => ((element as WithFixture).__fixtureEditor.mode = 'half'));
      expect(await execInsertText(editor, 'abcdefgh')).toBe(true);
      await expect.poll(() => modelOf(editor)).toBe('abcd');
      expect(await execInsertText(editor, 'ijkl')).toBe(true);
      await expect.poll(() => modelOf(editor)).toBe('abcdijkl');

      // The site re-renders its composer: a fresh editor element with the same model.
      const before = await editor.elementHandle();
      expect(await page.evaluate(() => (window as unknown as WithRerender).__fixture.rerender())).toBeGreaterThan(0);
      expect(await before!.evaluate((element) => element.isConnected)).toBe(false);
      await expect(editor).toHaveCount(1);
      expect(await modelOf(editor)).toBe('abcdijkl');
      await caretToEnd(editor);
      await page.keyboard.type('!');
      expect(await modelOf(editor)).toBe('abcdijkl!');
      await expect(composer.postButton(page)).toBeEnabled();
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
