/**
 * The content scripts in real Firefox, for each composer of FIREFOX_COMPOSERS (composers.ts: both
 * LinkedIn generations and X's modal; add fixture choices there): the "Suggested posts" panel,
 * Insert through the site's editor model (newlines kept, the advocate's link in), the guideline
 * hints while typing and their fix, and exactly one share recorded on the server once the site
 * confirms the post. Same contract as the Chromium suite (tests/e2e/composer-helpers.ts).
 */
import {
  BANNED_REASON,
  LISBON,
  linkCode,
  putGuidelines,
  RELEASE,
  serverShares,
  SUGGESTED,
} from '../e2e/composer-helpers';
import { publish } from '../e2e/fixtures';
import { FIREFOX_COMPOSERS } from './composers';
import { click, isShown, until, waitFor, waitForGone, waitForText, type Query } from './dom';
import { expect, test } from './fixtures';
import {
  caretToEnd,
  element,
  enroll,
  heardBy,
  listenToEditor,
  modelOf,
  postCard,
  publishedPosts,
  selectInModel,
} from './relay';

const SUGGESTED_BUTTON: Query = { role: 'button', name: 'Suggested posts' };
const PANEL: Query = { role: 'dialog', name: 'Suggested posts' };
const HINTS: Query = { role: 'status', name: 'Relay guideline hints' };
const FIX: Query = { role: 'button', name: 'Add #employee' };
const insertFor = (title: string): Query => ({
  role: 'button',
  name: 'Insert',
  within: 'li',
  withinText: new RegExp(title),
});

for (const composer of FIREFOX_COMPOSERS) {
  test.describe(composer.name, () => {
    test.use({ sites: composer.sites });

    test('Insert puts the suggested text in the editor model; hints and their fix; Post records exactly one share', async ({
      popup,
      server,
      openSite,
    }) => {
      await putGuidelines(server);
      const release = await publish(server, RELEASE);
      const lisbon = await publish(server, LISBON);
      await enroll(popup, server);
      await waitFor(popup, postCard(RELEASE.title));

      const page = await openSite(composer.url);
      if (composer.opener) await (await element(page, composer.opener)).click();
      const editor = await element(page, composer.editor);
      await listenToEditor(editor);
      await click(page, SUGGESTED_BUTTON);
      await waitFor(page, PANEL);
      await click(page, insertFor(RELEASE.title));
      const inserted = await until(
        () => modelOf(editor),
        (text) => SUGGESTED[composer.network].test(text),
        'the editor model after Insert',
      );
      // How the text got in, in Firefox: a paste the page can read (not the empty one a content
      // script's DataTransfer becomes), or typing with a paragraph per line (not one insertText whose
      // newlines Firefox makes <br>s).
      const heard = await heardBy(editor);
      if (composer.inserts === 'paste') {
        expect(heard.pastes, 'the paste reached the page with its text').toEqual([inserted]);
      } else {
        const typed = heard.inputs.filter((input) => input.type === 'insertText');
        expect(typed.length, 'text typed').toBeGreaterThan(0);
        expect(
          typed.filter((input) => input.data?.includes('\n')),
          'no newline inside typed text',
        ).toEqual([]);
        const paragraphs = heard.inputs.filter((input) => input.type === 'insertParagraph').length;
        expect(paragraphs, 'a paragraph for each newline').toBe(inserted.split('\n').length - 1);
      }
      const link = await server.deps.db
        .selectFrom('links')
        .selectAll()
        .where('code', '=', linkCode(inserted))
        .executeTakeFirst();
      expect(link).toMatchObject({ content_id: release.id, network: composer.network });

      // The approved text carries the disclosure: only the nudge to make it one's own.
      await waitForText(page, HINTS, /personal/i);
      expect(await isShown(page, FIX), 'no missing-disclosure fix on the approved text').toBe(false);

      // Taking the disclosure out brings the hint and its fix.
      const at = inserted.indexOf('#employee');
      await selectInModel(editor, at, at + '#employee'.length);
      await page.keyboard.press('Backspace');
      await waitFor(page, FIX);

      const banned = ' guaranteed returns';
      await caretToEnd(editor);
      await page.keyboard.type(banned);
      await waitForText(page, HINTS, new RegExp(BANNED_REASON));
      const length = (await modelOf(editor)).length;
      await selectInModel(editor, length - banned.length, length);
      await page.keyboard.press('Backspace');
      const hints = await waitFor(page, HINTS);
      await until(
        () => hints.evaluate((node) => node.textContent ?? ''),
        (text) => !text.includes(BANNED_REASON),
        'the hints once the banned words are gone',
      );
      await click(page, FIX);
      await waitForGone(page, FIX);
      const final = await until(
        () => modelOf(editor),
        (text) => /#employee\s*$/.test(text),
        'the model after the fix',
      );
      expect(final).not.toContain('guaranteed returns');
      expect(linkCode(final), 'the link survives the edits').toBeTruthy();

      await (await element(page, composer.postButton)).click();
      await element(page, composer.success);
      expect(await publishedPosts(page)).toEqual([final]);
      await until(
        async () => (await serverShares(server, release.id, composer.network)).length,
        (count) => count === 1,
        'server shares of the inserted post',
      );
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(
        (await serverShares(server, release.id)).map((share) => share.network),
        'still one share',
      ).toEqual([composer.network]);
      expect(await serverShares(server, lisbon.id), 'nothing shared for the post not inserted').toEqual([]);
    });
  });
}

for (const composer of FIREFOX_COMPOSERS) {
  test.describe(composer.name, () => {
    test.use({ sites: composer.sites });

    // Firefox has no ShadowRoot.getSelection: the caret in LinkedIn's shadow-root editor is saved and
    // put back through the document's selection, which in Firefox holds nodes of a shadow tree.
    test('the panel opened from the middle of a sentence gives the caret back where it was', async ({
      popup,
      server,
      openSite,
    }) => {
      await publish(server, RELEASE);
      await enroll(popup, server);
      await waitFor(popup, postCard(RELEASE.title));
      const page = await openSite(composer.url);
      if (composer.opener) await (await element(page, composer.opener)).click();
      const editor = await element(page, composer.editor);
      await editor.click();
      await page.keyboard.type('Hello world');
      await until(
        () => modelOf(editor),
        (text) => text === 'Hello world',
        'the typed text',
      );
      await selectInModel(editor, 'Hello'.length);
      await page.keyboard.down('Alt');
      await page.keyboard.down('Shift');
      await page.keyboard.press('KeyR');
      await page.keyboard.up('Shift');
      await page.keyboard.up('Alt');
      await waitFor(page, PANEL);
      await page.keyboard.press('Escape');
      await waitForGone(page, PANEL);
      await page.keyboard.type(',');
      expect(await modelOf(editor)).toBe('Hello, world');
    });
  });
}
