/**
 * Roles in the console: an analyst sees only Home and Analytics (no Content, no New post) and a
 * screen of another role, opened by its address, says so politely; an owner adds an editor in the
 * Admins screen, changes their role and removes them after a dialog naming them. With
 * RELAY_SHOTS_DIR set, the Admins screen is saved there light and dark, desktop and 390 px.
 */
import { join } from 'node:path';
import { addAdmin } from '../../server/admins';
import { ADMIN_PASSWORD } from '../helpers/server';
import { expect, goTo, navLink, signInWithPassword, test } from './console-browser';

test('an analyst sees Home and Analytics only; Content by its address is not for their role', async ({
  page,
  server,
}) => {
  await addAdmin(server.deps.db, 'ana@relay.test', ADMIN_PASSWORD, server.clock.now, 'analyst');
  await page.goto(`${server.url}/admin`);
  await page.getByLabel('Email').fill('ana@relay.test');
  await page.getByLabel('Password').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  const links = page.getByRole('navigation', { name: 'Main' }).getByRole('link');
  await expect(links).toHaveText(['Home', 'Analytics']);
  await expect(page.getByText('(Analyst)')).toBeVisible();
  await page.goto(`${server.url}/admin/#/content`);
  await expect(page.getByRole('heading', { level: 1, name: 'Content' })).toBeVisible();
  await expect(page.getByText("Your role (Analyst) can't open this screen.")).toBeVisible();
  await expect(page.getByRole('button', { name: /Publish/ })).toHaveCount(0);
});

test('an owner adds an editor, changes their role and removes them', async ({ page, server }) => {
  await signInWithPassword(page, server);
  await goTo(page, 'Admins');
  await expect(page.getByRole('heading', { level: 1, name: 'Admins' })).toBeVisible();
  await expect(page.getByText('Reads analytics only')).toBeVisible();
  await page.getByLabel('Email').fill('eddie@relay.test');
  await page.getByLabel('Role', { exact: true }).selectOption('editor');
  await page.getByLabel('Password (optional)').fill('eddie password 1');
  await page.getByRole('button', { name: 'Add admin' }).click();
  await expect(page.getByText('eddie@relay.test added as editor.')).toBeVisible();
  const role = page.getByLabel('Role of eddie@relay.test');
  await expect(role).toHaveValue('editor');
  await role.selectOption('approver');
  await expect(page.getByText('eddie@relay.test is now approver.')).toBeVisible();
  const stored = await server.deps.db
    .selectFrom('admins')
    .select('role')
    .where('email', '=', 'eddie@relay.test')
    .executeTakeFirst();
  expect(stored?.role).toBe('approver');

  const shots = process.env.RELAY_SHOTS_DIR;
  if (shots) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: 900 });
        await page.screenshot({ path: join(shots, `admins-${scheme}-${width}.png`), fullPage: true });
      }
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  await page.getByRole('button', { name: 'Remove eddie@relay.test' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove eddie@relay.test as an admin?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Remove admin' }).click();
  await expect(page.getByText('eddie@relay.test was removed and signed out.')).toBeVisible();
  await expect(page.getByLabel('Role of eddie@relay.test')).toHaveCount(0);
  await expect(navLink(page, 'Admins')).toBeVisible();
});
