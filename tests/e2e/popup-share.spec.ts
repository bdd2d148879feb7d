/**
 * What you see is what you share, and what a share earns is said at once: in real Chromium
 * against the real API, a card's share panel switched to a network that is not its first shows
 * that network's text, and exactly that text reaches the intent, the site's composer and (as a
 * share of that network, unchanged) the server's share log; a share's toast says its points.
 */
import { countShares, enroll, expect, postCard, publish, shareFromCard, test } from './fixtures';
import { modelOf } from './sites';

test('the text shown for a non-default network is the text shared there', async ({ context, server, openPopup }) => {
  const title = 'Our autumn release';
  const post = await publish(server, {
    title,
    url: 'https://example.com/autumn',
    variants: { linkedin: ['Proud of the autumn release. {link}'], x: ['Autumn release is out {link}'] },
  });
  const popup = await openPopup();
  await enroll(popup, server);
  const card = postCard(popup, title);
  const toggle = card.getByRole('button', { name: 'Share', exact: true });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  // LinkedIn comes first; switching to X switches both the text and the button.
  await expect(card.getByRole('button', { name: 'Share on LinkedIn' })).toBeVisible();
  await card.getByRole('radio', { name: 'X', exact: true }).check();
  await expect(card.getByRole('button', { name: 'Share on LinkedIn' })).toHaveCount(0);
  const shown = (await card.locator('.suggestion-text').textContent()) ?? '';
  expect(shown).toMatch(/^Autumn release is out http:\/\/relay\.test\/r\/[\w-]+$/);

  const opened = context.waitForEvent('page');
  await card.getByRole('button', { name: 'Share on X' }).click();
  const intent = await opened;
  await intent.waitForURL(/^https:\/\/x\.com\//);
  expect(new URL(intent.url()).searchParams.get('text')).toBe(shown);
  const editor = intent.locator('[role="dialog"] [data-testid="tweetTextarea_0"]');
  await expect(editor).toBeVisible();
  expect(await modelOf(editor)).toBe(shown);
  await intent.locator('[role="dialog"] button[data-testid="tweetButton"]').click();
  await expect.poll(() => countShares(server, post.id), { timeout: 10_000 }).toBe(1);
  const logged = await server.deps.db
    .selectFrom('shares')
    .select(['network', 'personalized'])
    .where('content_id', '=', post.id)
    .execute();
  // The server's log: a share on X of the text as suggested (not changed, so not "personalised").
  expect(logged.map((row) => ({ network: row.network, personalized: Number(row.personalized) }))).toEqual([
    { network: 'x', personalized: 0 },
  ]);
  await expect(card).toContainText('Shared on X');
});

test('a share says at once what it earned, and the card is marked shared', async ({ context, server, openPopup }) => {
  const title = 'Our Lisbon lab';
  await publish(server, {
    title,
    url: 'https://example.com/lisbon',
    variants: { linkedin: ['The Lisbon lab is open. {link}'], bluesky: ['Lisbon lab is open {link}'] },
  });
  const popup = await openPopup();
  await enroll(popup, server);
  const card = postCard(popup, title);
  const opened = context.waitForEvent('page');
  await shareFromCard(card, 'Bluesky');
  await (await opened).close();
  // lib/scoring under the server's default rules: Bluesky's points plus the early-share bonus.
  const toast = popup.locator('.toast');
  await expect(toast).toHaveText(/^\+\d+ points · Shared on Bluesky/);
  const earned = Number(/^\+(\d+)/.exec((await toast.textContent()) ?? '')![1]);
  expect(earned).toBeGreaterThan(0);
  await expect(popup.getByRole('banner').getByRole('region', { name: 'Your points' })).toContainText(
    `${earned} points`,
  );
  await expect(card).toContainText('Shared on Bluesky · just now');

  // Sharing the same post on the same network again earns nothing more, and says so.
  const again = context.waitForEvent('page');
  await card.getByRole('button', { name: 'Share on Bluesky' }).click();
  await (await again).close();
  await expect(toast).toContainText('no new points');

  // "Not shared yet" hides it, and is remembered when the popup opens again.
  await popup.getByRole('button', { name: 'Not shared yet' }).click();
  await expect(card).toHaveCount(0);
  const reopened = await openPopup();
  await expect(reopened.getByRole('button', { name: 'Not shared yet' })).toHaveAttribute('aria-pressed', 'true');
  await expect(postCard(reopened, title)).toHaveCount(0);
});
