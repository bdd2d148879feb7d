/**
 * A share the server refuses for good is never dropped without a word: the popup lists it with
 * the server's reason, counts no points for it, and keeps it until the advocate dismisses it.
 */
import { expectAccessible } from './accessibility';
import { enroll, expect, postCard, publish, shareFromCard, test } from './fixtures';

test('a share the server refuses is shown with its reason until dismissed', async ({ context, server, openPopup }) => {
  const post = await publish(server, {
    title: 'Pulled announcement',
    url: 'https://example.com/pulled',
    variants: { linkedin: ['Big news.'] },
  });
  const popup = await openPopup();
  await enroll(popup, server);
  const card = postCard(popup, post.title);
  await expect(card).toBeVisible();

  // The post is gone from the server (its row deleted) while this browser still offers it.
  await server.deps.db.deleteFrom('content').where('id', '=', post.id).execute();

  const opened = context.waitForEvent('page');
  await shareFromCard(card, 'Facebook');
  await (await opened).close();

  const refused = popup.getByRole('region', { name: '1 share not counted' });
  await expect(refused).toBeVisible({ timeout: 10_000 });
  await expect(refused).toContainText('Pulled announcement');
  await expect(refused).toContainText('on Facebook');
  await expect(refused).toContainText('This post is not known to the Relay server, so the share cannot count.');
  await expect(popup.getByText(/waiting to be sent/)).toBeHidden();
  const points = popup.getByRole('region', { name: 'Your points' });
  await expect(points).toContainText('0 points');

  await expectAccessible(popup, 'a refused share');

  // Still there when the popup opens again, until dismissed.
  const again = await openPopup();
  const stillRefused = again.getByRole('region', { name: '1 share not counted' });
  await expect(stillRefused).toBeVisible();
  await stillRefused.getByRole('button', { name: 'Dismiss the refused share of Pulled announcement' }).click();
  await expect(stillRefused).toBeHidden();
  await expect(popup.getByRole('region', { name: '1 share not counted' })).toBeHidden();
});
