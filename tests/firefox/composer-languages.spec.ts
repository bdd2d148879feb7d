/**
 * Relay in LinkedIn (both generations) and X served in German and Japanese, in real Firefox: the
 * composer is found with no English on the page, a two-line suggestion with umlauts, CJK and emoji
 * goes into the site's model with its lines kept, Post enables (late, as on the real sites), the
 * hints show, and the publish is counted once on the server. The Chromium twin is
 * tests/e2e/composer-languages.spec.ts.
 */
import { putGuidelines, serverShares } from '../e2e/composer-helpers';
import { publish } from '../e2e/fixtures';
import { LANGUAGE_POSTS, suggestedIn } from '../e2e/language-posts';
import { FIREFOX_LANGUAGE_COMPOSERS } from './composers';
import { click, until, waitFor, waitForText, type Query } from './dom';
import { expect, test } from './fixtures';
import { element, enroll, modelOf, postCard, publishedPosts } from './relay';

const SUGGESTED_BUTTON: Query = { role: 'button', name: 'Suggested posts' };
const PANEL: Query = { role: 'dialog', name: 'Suggested posts' };
const HINTS: Query = { role: 'status', name: 'Relay guideline hints' };

for (const composer of FIREFOX_LANGUAGE_COMPOSERS) {
  const lang = composer.sites.lang as 'de' | 'ja';
  const post = LANGUAGE_POSTS[lang];
  const variant = post[composer.network];

  test.describe(composer.name, () => {
    test.use({ sites: composer.sites });

    test('the suggestion goes in with its lines and characters, Post enables, hints show, one share counted', async ({
      popup,
      server,
      openSite,
    }) => {
      await putGuidelines(server);
      const content = await publish(server, {
        title: post.title,
        url: 'https://example.com/relay-2',
        variants: { linkedin: [post.linkedin], x: [post.x] },
      });
      await enroll(popup, server);
      await waitFor(popup, postCard(post.title));

      const page = await openSite(composer.url);
      expect(await page.evaluate(() => document.documentElement.lang), 'the page speaks the language').toBe(lang);
      if (composer.opener) await (await element(page, composer.opener)).click();
      const editor = await element(page, composer.editor);
      await click(page, SUGGESTED_BUTTON);
      await waitFor(page, PANEL);
      await click(page, { role: 'button', name: 'Insert', within: 'li', withinText: new RegExp(post.title) });

      const inserted = await until(
        () => modelOf(editor),
        (text) => suggestedIn(composer.network, variant).test(text),
        'the suggestion in the editor model',
      );
      expect(inserted.split('\n')[0], 'the first line stays a line of its own').toBe(variant.split('\n')[0]);
      const button = await element(page, composer.postButton);
      await until(
        () => button.evaluate((node) => (node as HTMLButtonElement).disabled),
        (disabled) => !disabled,
        'Post enabled once the text landed',
      );
      await waitForText(page, HINTS, /personal/i);

      await button.click();
      await element(page, composer.success);
      expect(await publishedPosts(page)).toEqual([inserted]);
      await until(
        async () => (await serverShares(server, content.id, composer.network)).length,
        (count) => count === 1,
        'one server share of the inserted post',
      );
    });
  });
}
