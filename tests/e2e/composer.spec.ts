/**
 * The content scripts in the LinkedIn and X composers, per DOM generation (site fixtures in
 * tests/e2e/sites, whose editors behave like Quill and Draft.js): the "Suggested posts" panel,
 * Insert through the site's editor model, live guideline hints and their fix, and exactly one share
 * logged when the site confirms the post (Post button or Ctrl+Enter). Contract: composer-helpers.ts.
 */
import type { ComposerCase } from './composers';
import { linkedinOld, linkedinShadow, xInline, xInlineReply, xModal, xReplyModal } from './composers';
import {
  BANNED_REASON,
  deleteLast,
  disclosureFix,
  expectOneShare,
  hints,
  LISBON,
  linkCode,
  openComposer,
  panelItem,
  RELEASE,
  serverShares,
  setUpProgramme,
  SUGGESTED,
  suggestedButton,
  suggestedPanel,
  typeAtEnd,
} from './composer-helpers';
import { expect, test } from './fixtures';
import { selectInModel } from './sites';
import { caretToEnd, domText, modelOf, publishedPosts, renderCounts } from './sites';

/** Every composer, replies included: the panel, Insert and a logged share. */
const ALL: ComposerCase[] = [linkedinOld, linkedinShadow, xModal, xReplyModal, xInline, xInlineReply];
/** One composer of each generation: hints, the fix and Ctrl+Enter. */
const GENERATIONS: ComposerCase[] = [linkedinOld, linkedinShadow, xModal, xInline];

for (const composer of ALL) {
  test.describe(composer.name, () => {
    test.use({ sites: composer.sites });

    test('Suggested posts: search, Insert through the editor model, Post logs exactly one share', async ({
      context,
      server,
      openPopup,
      serviceWorker,
    }) => {
      const { release, lisbon } = await setUpProgramme(server, openPopup);
      const page = await context.newPage();
      const editor = await openComposer(page, composer);
      const post = composer.postButton(page);
      await expect(post).toBeDisabled();

      await expect(suggestedButton(page), 'one "Suggested posts" button per open composer').toHaveCount(1, {
        timeout: 10_000,
      });
      await suggestedButton(page).click();
      const panel = suggestedPanel(page);
      await expect(panel).toBeVisible();
      await expect(panelItem(page, RELEASE.title)).toBeVisible();
      await expect(panelItem(page, LISBON.title)).toBeVisible();
      const search = panel.getByLabel('Search suggested posts');
      await search.fill('Lisbon');
      await expect(panelItem(page, RELEASE.title)).toHaveCount(0);
      await expect(panelItem(page, LISBON.title)).toBeVisible();
      await search.fill('');
      await expect(panelItem(page, RELEASE.title)).toBeVisible();

      await panelItem(page, RELEASE.title).getByRole('button', { name: 'Insert' }).click();
      // In the site's model (what it would publish), newlines kept, with this advocate's link.
      await expect
        .poll(() => modelOf(editor), { message: 'editor model after Insert' })
        .toMatch(SUGGESTED[composer.network]);
      const inserted = await modelOf(editor);
      await expect(post, 'Post enabled by the inserted text').toBeEnabled();
      expect(await domText(editor), 'the DOM shows the model').toBe(inserted);
      const link = await server.deps.db
        .selectFrom('links')
        .selectAll()
        .where('code', '=', linkCode(inserted))
        .executeTakeFirst();
      expect(link).toMatchObject({ content_id: release!.id, network: composer.network });

      // The editor's next render keeps the text: type a character, then take it back.
      const before = (await renderCounts(editor)).renders;
      await typeAtEnd(page, editor, '!');
      expect(await modelOf(editor)).toBe(`${inserted}!`);
      await page.keyboard.press('Backspace');
      expect(await modelOf(editor)).toBe(inserted);
      expect((await renderCounts(editor)).renders).toBeGreaterThan(before);
      await expect.poll(() => domText(editor)).toBe(inserted);

      await post.click();
      await expect(composer.success(page)).toBeVisible();
      expect(await publishedPosts(page)).toEqual([inserted]);
      if (composer.modal) await expect(composer.modal(page)).toHaveCount(0);
      else await expect.poll(() => modelOf(editor)).toBe('');

      await expectOneShare(server, serviceWorker, release!.id, composer.network, { source: 'composer' });
      expect(await serverShares(server, lisbon!.id), 'nothing shared for the post not inserted').toEqual([]);
    });
  });
}

for (const composer of GENERATIONS) {
  test.describe(composer.name, () => {
    test.use({ sites: composer.sites });

    test('hints while typing; the approved text carries the disclosure, and "Add #employee" puts it back; Ctrl+Enter logs one personalized share', async ({
      context,
      server,
      openPopup,
      serviceWorker,
    }) => {
      const { release } = await setUpProgramme(server, openPopup);
      const page = await context.newPage();
      const editor = await openComposer(page, composer);
      await expect(suggestedButton(page)).toHaveCount(1, { timeout: 10_000 });

      // Alt+Shift+R in the focused editor opens the panel, and types nothing.
      await editor.click();
      await page.keyboard.press('Alt+Shift+R');
      await expect(suggestedPanel(page)).toBeVisible();
      expect(await modelOf(editor)).toBe('');
      await panelItem(page, RELEASE.title).getByRole('button', { name: 'Insert' }).click();
      await expect.poll(() => modelOf(editor)).toMatch(SUGGESTED[composer.network]);

      // The company's text arrives with the disclosure already in it: nothing to fix, only the nudge to personalise.
      const status = hints(page);
      await expect(status).toBeVisible();
      await expect(status, 'the identical-text hint').toContainText(/personal/i);
      await expect(disclosureFix(page), 'no missing-disclosure hint on the approved text').toHaveCount(0);

      // The advocate takes the disclosure out: the hint and its fix come back.
      const inserted = await modelOf(editor);
      const at = inserted.indexOf('#employee');
      expect(at, 'the inserted text carries the disclosure').toBeGreaterThan(0);
      await selectInModel(editor, at, at + '#employee'.length);
      await page.keyboard.press('Backspace');
      await expect(disclosureFix(page), 'the missing-disclosure hint and its fix').toBeVisible();

      const banned = ' guaranteed returns';
      await typeAtEnd(page, editor, banned);
      await expect(status).toContainText(BANNED_REASON);
      await deleteLast(page, editor, banned.length);
      await expect(status).not.toContainText(BANNED_REASON);

      if (composer.network === 'x') {
        const filler = ` ${'This sentence makes the post far too long for X. '.repeat(6).trim()}`;
        await caretToEnd(editor);
        await page.keyboard.insertText(filler);
        await expect(status).toContainText(/too long/i);
        await deleteLast(page, editor, filler.length);
        await expect(status).not.toContainText(/too long/i);
      }

      // A sentence of one's own: on its own line on LinkedIn.
      await caretToEnd(editor);
      if (composer.network === 'linkedin') await page.keyboard.press('Enter');
      else await page.keyboard.type(' ');
      await page.keyboard.type('Proud of the team.');
      await expect(status).not.toContainText(/personal/i);

      await disclosureFix(page).click();
      await expect(disclosureFix(page)).toHaveCount(0);
      await expect.poll(() => modelOf(editor)).toMatch(/#employee\s*$/);
      const final = await modelOf(editor);
      expect(linkCode(final), 'the link survives the edits').toBeTruthy();
      expect(final).toContain(composer.network === 'linkedin' ? 'is here.\nShare company news' : 'is out.\nShare news');
      expect(final).toContain('Proud of the team.');
      await expect(composer.postButton(page)).toBeEnabled();

      await caretToEnd(editor);
      await page.keyboard.press('Control+Enter');
      await expect(composer.success(page)).toBeVisible();
      expect(await publishedPosts(page)).toEqual([final]);

      await expectOneShare(server, serviceWorker, release!.id, composer.network, {
        personalized: true,
        source: 'composer',
      });
    });
  });
}
