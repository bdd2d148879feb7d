/**
 * Today's extension, in real Chromium, once its server needs a newer one (RELAY_MIN_CLIENT_VERSION):
 * the popup says "Update Relay to keep receiving posts" and how, keeps the posts it has, and a
 * share made meanwhile waits to be sent (not refused). Screenshots of that state, light and dark,
 * are attached to the test (popup-update-light.png, popup-update-dark.png).
 */
import { startTestServer } from '../helpers/server';
import { expectAccessible } from './accessibility';
import { countShares, enroll, expect, postCard, publish, shareFromCard, test } from './fixtures';

test('a server that needs a newer Relay: the popup says to update, keeps its posts and the shares waiting', async ({
  context,
  server,
  openPopup,
}, testInfo) => {
  const title = 'Autumn roadmap';
  const post = await publish(server, {
    title,
    url: 'https://example.com/autumn',
    variants: { linkedin: ['The autumn roadmap is out.'] },
  });
  const popup = await openPopup();
  await enroll(popup, server);
  const card = postCard(popup, title);
  await expect(card).toBeVisible();

  // The admins upgrade the server and require a newer extension than this one.
  await server.close(); // keeps the database
  const strict = await startTestServer({ ...server.deps.config, port: server.port, minClientVersion: '99.0' });
  try {
    await popup.getByRole('button', { name: 'Sync now' }).click();
    const status = popup.getByRole('status').filter({ hasText: 'Update Relay to keep receiving posts' });
    await expect(status).toBeVisible();
    await expect(status).toContainText('Your browser updates extensions by itself');
    await expect(status).toContainText('ask your IT team');
    await expect(card).toBeVisible();

    // A Facebook share (counted on the click) waits: not dropped, not refused.
    const opened = context.waitForEvent('page');
    await shareFromCard(card, 'Facebook');
    await (await opened).close();
    await expect(popup.getByText(/\b1 share waiting to be sent/)).toBeVisible();
    await expect(popup.getByText(/refused|not counted/i)).toHaveCount(0);
    expect(await countShares(strict, post.id)).toBe(0);

    // Opened afresh, the popup says the same and still lists the post.
    const reopened = await openPopup();
    await expect(
      reopened.getByRole('status').filter({ hasText: 'Update Relay to keep receiving posts' }),
    ).toBeVisible();
    await expect(postCard(reopened, title)).toBeVisible();
    await expectAccessible(reopened, 'the update notice');

    await reopened.setViewportSize({ width: 390, height: 600 });
    for (const colorScheme of ['light', 'dark'] as const) {
      await reopened.emulateMedia({ colorScheme });
      const path = testInfo.outputPath(`popup-update-${colorScheme}.png`);
      await reopened.screenshot({ path });
      await testInfo.attach(`popup-update-${colorScheme}`, { path, contentType: 'image/png' });
    }
  } finally {
    await strict.stop();
  }
});
