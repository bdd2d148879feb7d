/**
 * Relay in LinkedIn and X served in German and Japanese (issue 18): per DOM generation and
 * language, the composer is found and Relay's panel attaches, a multi-line suggestion with umlauts,
 * CJK and emoji is inserted with its lines kept, the Post button (late to enable, as on the real
 * sites) enables, guideline hints show, and publishing is counted once on the server. The fixtures
 * carry no English word (sites-linkedin.spec.ts, sites-x.spec.ts check that), so nothing here can
 * pass by matching English.
 */
import type { ComposerCase } from './composers';
import { inLanguage, linkedinOld, linkedinShadow, xInline, xModal } from './composers';
import {
  expectOneShare,
  hints,
  panelItem,
  putGuidelines,
  relayConsole,
  serverShares,
  setUpProgramme,
  suggestedButton,
  suggestedPanel,
  openComposer,
} from './composer-helpers';
import { enroll, expect, postCard, publish, test } from './fixtures';
import { LANGUAGE_POSTS, suggestedIn } from './language-posts';
import { domText, modelOf, publishedPosts, type FixtureLanguage } from './sites';

/** Each generation in German and Japanese; the React LinkedIn page also in its 2026 variations. */
const CASES: ComposerCase[] = (['de', 'ja'] as const).flatMap((lang: FixtureLanguage) => [
  inLanguage(linkedinOld, lang),
  inLanguage(
    linkedinShadow,
    lang,
    lang === 'ja' ? { trigger: 'div', postButton: 'bare', urn: 'ugcPost' } : { urn: 'activity' },
  ),
  inLanguage(xModal, lang),
  inLanguage(xInline, lang),
]);

for (const composer of CASES) {
  const lang = composer.sites.lang as 'de' | 'ja';
  const post = LANGUAGE_POSTS[lang];
  const variant = post[composer.network];

  test.describe(composer.name, () => {
    test.use({ sites: composer.sites });

    test('composer found, panel attached, the suggestion inserted with its lines, Post enabled, hints shown, one share counted', async ({
      context,
      server,
      openPopup,
      serviceWorker,
    }) => {
      await putGuidelines(server);
      const content = await publish(server, {
        title: post.title,
        url: 'https://example.com/relay-2',
        variants: { linkedin: [post.linkedin], x: [post.x] },
      });
      const popup = await openPopup();
      await enroll(popup, server);
      await expect(postCard(popup, post.title)).toBeVisible();

      const page = await context.newPage();
      const editor = await openComposer(page, composer);
      expect(await page.evaluate(() => document.documentElement.lang), 'the page speaks the language').toBe(lang);
      const postButton = composer.postButton(page);
      await expect(postButton).toBeDisabled();

      // Found without any English on the page: Relay's button comes, and its panel opens.
      await expect(suggestedButton(page), 'one "Suggested posts" button for the composer').toHaveCount(1, {
        timeout: 10_000,
      });
      await suggestedButton(page).click();
      await expect(suggestedPanel(page)).toBeVisible();
      await panelItem(page, post.title).getByRole('button', { name: 'Insert' }).click();

      // In the site's model, every line and character kept (what the site would publish).
      await expect
        .poll(() => modelOf(editor), { message: 'the suggestion in the editor model' })
        .toMatch(suggestedIn(composer.network, variant));
      const inserted = await modelOf(editor);
      expect(inserted.split('\n')[0], 'the first line stays a line of its own').toBe(variant.split('\n')[0]);
      expect(inserted.startsWith(variant), 'every character of the suggestion kept').toBe(true);
      await expect.poll(() => domText(editor), { message: 'the DOM shows the model' }).toBe(inserted);
      await expect(postButton, 'Post enables (a moment after the text lands)').toBeEnabled();

      // Guideline hints: the company's text as is asks to be made personal.
      await expect(hints(page)).toBeVisible();
      await expect(hints(page)).toContainText(/personal/i);

      await postButton.click();
      await expect(composer.success(page)).toBeVisible();
      expect(await publishedPosts(page)).toEqual([inserted]);
      if (composer.modal) await expect(composer.modal(page)).toHaveCount(0);
      else await expect.poll(() => modelOf(editor)).toBe('');

      await expectOneShare(server, serviceWorker, content.id, composer.network, { source: 'composer' });
      expect(await serverShares(server, content.id, composer.network)).toHaveLength(1);
    });
  });
}

test.describe('LinkedIn [ja], the 2026 plain-div trigger', () => {
  const composer = inLanguage(linkedinShadow, 'ja', { trigger: 'div' });
  test.use({ sites: composer.sites });

  test('a click on it is known as a trigger (a share box that never opens is reported); a click on Photo is not', async ({
    context,
    server,
    openPopup,
  }) => {
    await setUpProgramme(server, openPopup, { content: false });
    const page = await context.newPage();
    const seen = relayConsole(page);
    await page.goto(composer.url);
    // The share box fails to load: the page's own click handling never runs (Relay's listens first, on window).
    await page.evaluate(() => document.addEventListener('click', (event) => event.stopPropagation(), true));
    await page.locator('[data-view-name="share-box-photo"]').click();
    await page.waitForTimeout(5_000);
    expect(seen.warnings, 'the photo button (a file picker) expects no composer').toEqual([]);
    await page.locator('[data-view-name="share-box"] > :first-child').click();
    await expect
      .poll(() => seen.warnings, { timeout: 10_000, message: 'Relay reports the share box that never came' })
      .toEqual([expect.stringMatching(/no LinkedIn composer found/)]);
    await expect(composer.editor(page)).toHaveCount(0);
  });
});
