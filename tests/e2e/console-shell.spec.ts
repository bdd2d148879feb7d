/**
 * The console's frame on a phone and a desktop: the navigation folds behind a Menu button at 390 px
 * (aria-expanded, Escape closes and gives focus back, choosing a screen closes it), the theme switch
 * (one tab stop, arrows move, the choice survives a reload), the organisation's name in the header,
 * the first Tab on sign-in reaching the form, and no screen scrolling sideways at 390 px.
 */
import { expect, expectHeadingFocused, goTo, navLink, signInWithPassword, test } from './console-browser';
import { freezeClocks, seedProgramme } from './console-seed';

/** Every screen the console has (the not-found one too), by its hash path. */
const SCREENS = ['content', 'content/new', 'guidelines', 'scoring', 'people', 'analytics', 'provisioning', 'nowhere'];

test('at 390 px the navigation folds behind Menu; Escape closes it and focus returns', async ({ page, server }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInWithPassword(page, server);
  const menu = page.getByRole('button', { name: 'Menu' });
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(navLink(page, 'Scoring')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeHidden();

  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  // Focus moves into the menu, on the current screen's entry.
  const current = page.getByRole('navigation', { name: 'Main' }).locator('a[aria-current="page"]');
  await expect(current).toBeFocused();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(menu).toBeFocused();
  await expect(navLink(page, 'Scoring')).toBeHidden();

  // Keyboard only: open, move to Scoring, follow it; the menu closes and the heading takes focus.
  await page.keyboard.press('Enter');
  await expect(current).toBeFocused();
  for (
    let tabs = 0;
    tabs < 10 && !(await navLink(page, 'Scoring').evaluate((link) => link === document.activeElement));
    tabs++
  )
    await page.keyboard.press('Tab');
  await expect(navLink(page, 'Scoring')).toBeFocused();
  await page.keyboard.press('Enter');
  await expectHeadingFocused(page, 'Scoring');
  await expect(menu).toHaveAttribute('aria-expanded', 'false');

  // A tap outside the open menu closes it too.
  await menu.click();
  await page.getByRole('heading', { level: 1, name: 'Scoring' }).click({ force: true });
  await expect(menu).toHaveAttribute('aria-expanded', 'false');

  // On a desktop there is no Menu button: the navigation is always there.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(menu).toBeHidden();
  await expect(navLink(page, 'Analytics')).toBeVisible();
});

test('the theme switch is one tab stop, arrows change it, and the choice survives a reload', async ({
  page,
  server,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await signInWithPassword(page, server);
  const theme = page.getByRole('group', { name: 'Theme' });
  await expect(theme.getByRole('radio', { name: 'System' })).toBeChecked();
  await expect(page.locator('html')).not.toHaveAttribute('data-theme');

  await theme.getByText('Dark').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(await background()).toBe('rgb(15, 19, 24)');

  await theme.getByRole('radio', { name: 'Dark' }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(theme.getByRole('radio', { name: 'Light' })).toBeChecked();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.keyboard.press('ArrowRight');
  await page.reload();
  await expect(page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: 'Dark' })).toBeChecked();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await background()).toBe('rgb(15, 19, 24)');
});

test('the header names the organisation (Relay until it has a name)', async ({ page, server }) => {
  await signInWithPassword(page, server);
  const banner = page.getByRole('banner');
  await expect(banner.getByRole('link', { name: 'Relay Relay admin', exact: true })).toBeVisible();
  const response = await server.call('/v1/admin/organization', {
    method: 'PUT',
    json: { name: 'Northwind Robotics', logoUrl: null },
    token: await server.adminToken(),
  });
  expect(response.status).toBe(200);
  await page.reload();
  await expect(banner.getByRole('link', { name: 'Northwind Robotics Relay admin', exact: true })).toBeVisible();
  // The sign-in page names it too.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('main')).toContainText('Northwind Robotics');
});

test('the first Tab on the sign-in page lands on the sign-in form', async ({ page, server }) => {
  await page.goto(`${server.url}/admin`);
  await expect(page.getByLabel('Email')).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Email')).toBeFocused();
});

test('no screen scrolls sideways at 390 px', async ({ page, server }) => {
  test.setTimeout(120_000);
  await seedProgramme(server);
  await freezeClocks(server, page);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${server.url}/admin`);
  await expect(page.getByLabel('Email')).toBeVisible();
  const widths: Record<string, number> = {};
  widths['sign-in'] = await page.evaluate(() => document.documentElement.scrollWidth);
  await signInWithPassword(page, server);
  for (const screen of SCREENS) {
    await page.goto(`${server.url}/admin#/${screen}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    // Lists and charts arrive after the heading.
    await expect(page.getByText(/^Loading/)).toHaveCount(0);
    widths[screen] = await page.evaluate(() => document.documentElement.scrollWidth);
  }
  // The open menu, too.
  await page.getByRole('button', { name: 'Menu' }).click();
  widths.menu = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(widths).toEqual(Object.fromEntries(Object.keys(widths).map((screen) => [screen, 390])));
  await goTo(page, 'Analytics');
  await expectHeadingFocused(page, 'Analytics');
});
