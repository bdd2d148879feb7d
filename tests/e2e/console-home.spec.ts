/**
 * `npm start` on a fresh database, then its console in Chromium, as a person trying Relay sees it:
 * the home, the analytics and the content list show the demo's month of activity, not zeros.
 */
import { expect, test } from './console-browser';
import { signInToDemo, startDemoProcess } from './demo-servers';

const count = async (text: Promise<string | null>) => Number((await text)?.replace(/[^\d]/g, '') ?? '0');

test('the demo shows a living programme on first run: home, analytics and content list', async ({ page }) => {
  test.setTimeout(120_000);
  const demo = await startDemoProcess();
  try {
    await signInToDemo(page, demo);
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' })).toHaveAttribute(
      'aria-current',
      'page',
    );

    // This week, against last.
    for (const id of ['home-active-advocates', 'home-week-shares', 'home-week-clicks']) {
      expect(await count(page.getByTestId(id).textContent()), id).toBeGreaterThan(0);
    }
    await expect(page.getByText(/^of 25 enrolled$/)).toBeVisible();
    await expect(page.getByTestId('home-month')).toContainText(/\d+ shares and \d+ clicks in the last 30 days/);
    await expect(page.locator('.chart canvas').first()).toBeVisible();

    // Top posts, each with its counts; the scheduled post and the one expiring soon.
    const top = page.getByRole('region', { name: 'Top posts' }).getByRole('listitem');
    await expect(top).toHaveCount(5);
    await expect(top.first()).toContainText(/[1-9]\d* shares · [1-9]\d* clicks/);
    await expect(page.getByRole('region', { name: 'Going live soon' })).toContainText(
      'Meet us at RoboWorld Expo 2026, booth 4212',
    );
    await expect(page.getByRole('region', { name: 'Expiring soon' })).toContainText(
      "We're hiring 40 engineers in Lyon and Austin",
    );

    // Analytics: non-zero totals, every advocate counted.
    await page.getByRole('link', { name: 'Open analytics' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Analytics' })).toBeVisible();
    expect(await count(page.getByTestId('total-shares').textContent())).toBeGreaterThan(50);
    expect(await count(page.getByTestId('total-clicks').textContent())).toBeGreaterThan(50);
    expect(await count(page.getByTestId('active-installs').textContent())).toBeGreaterThan(10);

    // The content list: each live post has shares and clicks.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Content', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Content' })).toBeVisible();
    const atlas = page.getByRole('row').filter({ hasText: 'Meet Atlas' });
    const cells = atlas.locator('td.numeric');
    await expect(cells).toHaveCount(2);
    expect(await count(cells.nth(0).textContent())).toBeGreaterThan(0);
    expect(await count(cells.nth(1).textContent())).toBeGreaterThan(0);
  } finally {
    await demo.stop();
  }
});
