/**
 * An enrolled advocate whose admin removes them, end to end: the admin uses "Remove access" in the
 * console (the keep/erase choice explained, confirmed in a dialog), and the advocate's open popup,
 * untouched, switches to the setup screen saying access was removed and that saved posts were
 * cleared, with no post left, also when opened afresh.
 */
import { expectAccessible } from './accessibility';
import { enroll, expect, openPeopleScreen, postCard, publish, test } from './fixtures';

test('an advocate removed by their admin sees why, and the popup keeps no posts', async ({
  context,
  server,
  openPopup,
}) => {
  const title = 'Spring launch';
  await publish(server, { title, url: 'https://example.com/spring', variants: { linkedin: ['Spring is here.'] } });
  const popup = await openPopup();
  await enroll(popup, server, 'Ada Advocate');
  await expect(postCard(popup, title)).toBeVisible();

  // The admin, in the console.
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (apply|execute|load)/i.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  const advocates = await openPeopleScreen(page, server);
  const row = advocates.getByRole('row').filter({ hasText: 'Ada Advocate' });
  await expect(row.locator('td[data-label="Access"]')).toHaveText('Active');

  await row.getByRole('button', { name: 'Remove access for Ada Advocate' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove Ada Advocate’s access?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('stops working at once');
  const keep = dialog.getByRole('radio', { name: 'Keep their shares, clicks and points' });
  const erase = dialog.getByRole('radio', { name: 'Erase everything about them' });
  await expect(keep).toBeChecked();
  await expect(dialog).toContainText('cannot be undone');
  await expectAccessible(page, 'the remove-access dialog');
  // Choosing to erase says so on the button; the admin settles on keeping the record.
  await erase.check();
  await expect(dialog.getByRole('button', { name: 'Erase and remove access' })).toBeVisible();
  await keep.check();
  await dialog.getByRole('button', { name: 'Remove access', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'access was removed' })).toBeVisible();
  await expect(row.locator('td[data-label="Access"]')).toContainText('Removed');
  await expect(row.getByRole('button', { name: 'Erase data of Ada Advocate' })).toBeVisible();
  expect(problems).toEqual([]);

  // The advocate's popup, open all along and not touched: the server closed the live stream, the
  // extension heard the 401 and cleared itself.
  const notice = popup.getByRole('alert').filter({ hasText: 'Your access to Relay was removed' });
  await expect(notice).toBeVisible({ timeout: 10_000 });
  await expect(notice).toContainText('saved posts and share history were cleared from this browser');
  await expect(popup.getByRole('article')).toHaveCount(0);
  await expect(popup.getByRole('button', { name: 'Connect' })).toBeVisible();
  await expect(popup.getByRole('button', { name: 'Sync now' })).toBeHidden();

  // Opened again: the same message, no post (not even from the popup's kept first screen).
  const reopened = await openPopup();
  await expect(reopened.getByRole('alert').filter({ hasText: 'Your access to Relay was removed' })).toBeVisible();
  await expect(reopened.getByRole('article')).toHaveCount(0);
  await expect(reopened.getByLabel('Server URL')).toHaveValue(server.url);
  await expectAccessible(reopened, 'the setup screen after removal');

  // The admin kept the record: the server still has the advocate, marked removed.
  const kept = await server.deps.db.selectFrom('advocates').select('access_ended').execute();
  expect(kept).toEqual([{ access_ended: 'removed' }]);
});
