/**
 * The console's "Invites & advocates" screen on a phone (390 px): nothing makes the page scroll
 * sideways (a table's hidden caption once did), each advocate is a block naming every value, the
 * remove-access dialog wraps a long name inside itself, and an advocate whose access already ended
 * (signed out) is offered erasing only, with why.
 */
import type { Page } from '@playwright/test';
import { expectAccessible } from './accessibility';
import { expect, openPeopleScreen, test } from './fixtures';

const LONG_NAME = 'Maximiliana Bartholomew-Featherstonehaugh Wolfeschlegelsteinhausenbergerdorff';

/** How far an element's content reaches past its own width (0: it fits). */
async function overflowOf(page: Page, selector: string): Promise<number> {
  return page.locator(selector).evaluate((element) => element.scrollWidth - element.clientWidth);
}

test('invites and advocates fit a phone; an advocate who signed out can only be erased', async ({
  context,
  server,
}) => {
  await server.enroll(LONG_NAME);
  const leaver = await server.enroll('Linus Pauling');
  expect((await server.call('/v1/me/token', { method: 'DELETE', token: leaver.token })).status).toBe(204);

  const page = await context.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  const advocates = await openPeopleScreen(page, server);
  await expect(advocates.getByRole('row').filter({ hasText: 'Linus Pauling' })).toBeVisible();

  expect(await overflowOf(page, 'html')).toBe(0);
  // Each advocate's values are on screen, not in columns scrolled out of view.
  const linus = advocates.getByRole('row').filter({ hasText: 'Linus Pauling' });
  const erase = linus.getByRole('button', { name: 'Erase data of Linus Pauling' });
  await erase.scrollIntoViewIfNeeded();
  await expect(linus.getByText('Signed out')).toBeInViewport({ ratio: 1 });
  await expect(erase).toBeInViewport({ ratio: 1 });
  await expectAccessible(page, 'invites and advocates on a phone');

  // Access already ended: no "Remove access" (it would promise an extension that stops working).
  await erase.click();
  const eraseDialog = page.getByRole('dialog', { name: 'Erase everything about Linus Pauling?' });
  await expect(eraseDialog).toContainText('They already signed out of Relay.');
  await expect(eraseDialog).not.toContainText('stops working');
  await eraseDialog.getByRole('button', { name: 'Cancel' }).click();

  const long = advocates.getByRole('row').filter({ hasText: LONG_NAME });
  await long.getByRole('button', { name: `Remove access for ${LONG_NAME}` }).click();
  const dialog = page.getByRole('dialog', { name: `Remove ${LONG_NAME}’s access?` });
  await expect(dialog).toBeVisible();
  expect(await overflowOf(page, 'dialog')).toBe(0);
  await expect(dialog.getByRole('button', { name: 'Remove access', exact: true })).toBeInViewport({ ratio: 1 });
  await expectAccessible(page, 'the remove-access dialog on a phone');
});
