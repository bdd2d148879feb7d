/** The audit log in the console: an action done in the console is listed, filtered by its group, and both exports download. */
import { readFileSync } from 'node:fs';
import { ADMIN_EMAIL } from '../helpers/server';
import { expect, expectHeadingFocused, navLink, signInWithPassword, test } from './console-browser';

test('lists an action done in the console and exports it', async ({ page, server }) => {
  await signInWithPassword(page, server);
  await navLink(page, 'Invites & advocates').click();
  await page.getByRole('button', { name: 'Create invite' }).click();
  await expect(page.locator('.new-invite')).toContainText('New invite code');

  await navLink(page, 'Audit log').click();
  await expectHeadingFocused(page, 'Audit log');
  const row = page.getByRole('row').filter({ hasText: 'Created an invite' });
  await expect(row).toContainText(ADMIN_EMAIL);
  await expect(row).toContainText('maxUses: 1');

  await page.getByLabel('Action').selectOption({ label: 'Invites (all)' });
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/#\/audit\?action=invites\./);
  await expect(page.getByRole('row')).toHaveCount(2);

  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Export CSV' }).click(),
  ]);
  expect(csv.suggestedFilename()).toMatch(/^relay-audit-.*\.csv$/);
  const lines = readFileSync((await csv.path())!, 'utf8')
    .trimEnd()
    .split('\r\n');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain('invites.create');

  const [json] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Export JSON' }).click(),
  ]);
  const entries = JSON.parse(readFileSync((await json.path())!, 'utf8')) as { action: string }[];
  expect(entries.map((entry) => entry.action)).toEqual(['invites.create']);
});
