/**
 * Invites in the console: a company code (no use limit, the expiry chosen) is made, shown once with
 * its copy buttons, marked in the list, and lets many people join; a code for one person works once.
 */
import { expectAccessible } from './accessibility';
import { startTestServer } from '../helpers/server';
import { expect, expectHeadingFocused, goTo, navLink, signInWithPassword, test } from './console-browser';

test('a company code lets everyone join; a code for one person works once', async ({ page, context, server }) => {
  await signInWithPassword(page, server);
  await navLink(page, 'Invites & advocates').click();
  await expectHeadingFocused(page, 'Invites & advocates');

  // One person is the default: one use, 30 days.
  await expect(page.getByLabel('One person')).toBeChecked();
  await page.getByLabel('Whole company').check();
  const expiry = page.getByLabel('Company code expires');
  await expect(expiry).toHaveValue('90');
  await expiry.selectOption({ label: 'Never' });
  await expectAccessible(page, 'invites, company code chosen');
  await page.getByRole('button', { name: 'Create company code' }).click();

  const created = page.locator('.new-invite');
  await expect(created).toContainText('New company code');
  await expect(created).toContainText('Everyone who has this code can join with no end date');
  await expect(created).toContainText('this code will not be shown again');
  const code = (await created.locator('code.code--large').textContent()) ?? '';
  expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await created.getByRole('button', { name: 'Copy code' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied the code' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);

  const row = page.getByRole('row').filter({ hasText: `${code.slice(0, 4)}-…` });
  await expect(row).toContainText('Company code');
  await expect(row).toContainText('0 people so far (no limit)');
  await expect(row.locator('td[data-label="Expires"]')).toHaveText('Never');

  // Three colleagues join with the one code.
  for (const name of ['Ada Lovelace', 'Grace Hopper', 'Linus Pauling']) {
    const enrol = await server.call('/v1/enroll', { method: 'POST', json: { code, name } });
    expect(enrol.status, await enrol.text()).toBe(201);
  }
  await page.reload();
  await expect(row).toContainText('3 people so far (no limit)');
  await expect(page.locator('.new-invite')).toHaveCount(0); // shown once
  await expect(page.getByRole('row').filter({ hasText: 'Grace Hopper' })).toBeVisible();

  // A code for one person: one use, then used up.
  await expect(page.getByLabel('One person')).toBeChecked();
  await page.getByRole('button', { name: 'Create invite' }).click();
  await expect(page.locator('.new-invite')).toContainText('New invite code');
  const single = (await page.locator('.new-invite code.code--large').textContent()) ?? '';
  const singleRow = page.getByRole('row').filter({ hasText: `${single.slice(0, 4)}-…` });
  await expect(singleRow).toContainText('0 of 1');
  await expect(singleRow).not.toContainText('Company code');
  const first = await server.call('/v1/enroll', { method: 'POST', json: { code: single, name: 'Ida' } });
  expect(first.status).toBe(201);
  const second = await server.call('/v1/enroll', { method: 'POST', json: { code: single, name: 'Joan' } });
  expect(second.status).toBe(410);
});

test('the invite form and list fit a phone', async ({ page, server }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInWithPassword(page, server);
  await goTo(page, 'Invites & advocates');
  await page.getByLabel('Whole company').check();
  await page.getByRole('button', { name: 'Create company code' }).click();
  await expect(page.locator('.new-invite')).toBeVisible();
  await page.getByLabel('Custom').check();
  await expect(page.getByLabel('Most uses')).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBe(0);
  await expectAccessible(page, 'invites on a phone');
});

test('with invite codes off on the server, the screen says so instead of the create form', async ({ page }) => {
  const server = await startTestServer({ invites: false });
  try {
    await signInWithPassword(page, server);
    await navLink(page, 'Invites & advocates').click();
    await expectHeadingFocused(page, 'Invites & advocates');
    await expect(page.getByRole('heading', { name: 'Invite codes are off' })).toBeVisible();
    await expect(page.getByText('This server takes no invite codes (RELAY_INVITES=off)')).toBeVisible();
    await expect(page.getByRole('button', { name: /Create (invite|company code)/ })).toHaveCount(0);
    await expect(page.getByLabel('One person')).toHaveCount(0);
    await expectAccessible(page, 'invites off');
  } finally {
    await server.stop();
  }
});
