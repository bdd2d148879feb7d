/**
 * Two advocates with one name on "Invites & advocates" and in analytics: each is told apart by
 * email (or, with none, the day they joined); removing one erases exactly that one after a dialog
 * that says what is deleted and what could be kept, and the namesake stays.
 */
import { expect, goTo, signInWithPassword, test } from './console-browser';
import { freezeClocks, seedProgramme } from './console-seed';

test('namesakes are told apart, and removing one erases that one only', async ({ page, server }) => {
  test.setTimeout(90_000);
  await seedProgramme(server);
  await freezeClocks(server, page);
  await signInWithPassword(page, server);
  // Analytics' top advocates name each Ada's email.
  await goTo(page, 'Analytics');
  const top = page.locator('section', { has: page.getByRole('heading', { name: 'Top advocates' }) });
  const namesake = /^Ada Lovelace \((ada\.l@northwind\.example|ada\.lovelace@northwind\.example|joined Mar 4, 2027)\)$/;
  await expect(top.getByRole('rowheader', { name: /Ada Lovelace/ })).toHaveText([namesake, namesake, namesake]);
  expect(new Set(await top.getByRole('rowheader', { name: /Ada Lovelace/ }).allInnerTexts()).size).toBe(3);
  await goTo(page, 'Invites & advocates');
  const list = page.locator('section', { has: page.getByRole('heading', { name: 'Advocates', exact: true }) });
  const adas = list.getByRole('row').filter({ hasText: 'Ada Lovelace' });
  await expect(adas).toHaveCount(3);
  await expect(adas.nth(0).getByRole('rowheader')).toContainText(/@northwind\.example|Joined/);
  const headers = await adas.getByRole('rowheader').allInnerTexts();
  expect(new Set(headers).size, headers.join(' | ')).toBe(3);
  expect(headers.some((text) => text.includes('Joined Mar 4, 2027'))).toBe(true);

  const sales = adas.filter({ hasText: 'ada.l@northwind.example' });
  await sales.getByRole('button', { name: 'Remove access for Ada Lovelace' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove Ada Lovelace’s access?' });
  // What goes and what may stay, in words.
  await expect(dialog).toContainText('Keep their shares, clicks and points');
  await expect(dialog).toContainText('Erasing deletes their shares, tracked links, clicks and points');
  await dialog.getByLabel('Erase everything about them').check();
  await dialog.getByRole('button', { name: 'Erase and remove access' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Ada Lovelace’s access was removed and everything about them erased.')).toBeVisible();
  await expect(adas).toHaveCount(2);
  await expect(list).not.toContainText('ada.l@northwind.example');
  await expect(list).toContainText('ada.lovelace@northwind.example');
  const left = await server.deps.db
    .selectFrom('advocates')
    .select(['email'])
    .where('name', '=', 'Ada Lovelace')
    .execute();
  expect(left.map((row) => row.email).sort()).toEqual(['ada.lovelace@northwind.example', null]);
});
