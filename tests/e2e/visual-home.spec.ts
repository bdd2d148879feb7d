/** The console home with the demo's month of activity, at desktop and phone widths, light and dark, on a fixed clock. */
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../helpers/server';
import { expect, test as base } from './console-browser';
import { signInToDemo, startFixedDemo, type DemoServer } from './demo-servers';
import { expectLooksRight, WIDTHS, type Width } from './visual';

/** A Wednesday afternoon, UTC: the server and the page both stop here. */
const NOW = Date.UTC(2027, 0, 13, 15, 20);

const test = base.extend<{ demo: DemoServer }>({
  // One time zone and language whatever the machine's, so dates read the same everywhere.
  context: async ({ plainBrowser }, use) => {
    const context = await plainBrowser.newContext({ viewport: WIDTHS.desktop, timezoneId: 'UTC', locale: 'en-US' });
    await context.route('**/*', (route) =>
      /^(127\.0\.0\.1|localhost)$/.test(new URL(route.request().url()).hostname)
        ? route.continue()
        : route.abort('blockedbyclient'),
    );
    await use(context);
    await context.close();
  },
  // eslint-disable-next-line no-empty-pattern
  demo: async ({}, use) => {
    const demo = await startFixedDemo(NOW);
    try {
      await use(demo);
    } finally {
      await demo.stop();
    }
  },
});

for (const width of Object.keys(WIDTHS) as Width[]) {
  test(`home, ${width}`, async ({ page, demo }) => {
    await page.setViewportSize(WIDTHS[width]);
    await page.clock.setFixedTime(NOW);
    await signInToDemo(page, demo);
    await expect(page.getByTestId('home-active-advocates')).not.toHaveText('0');
    await expect(page.locator('.chart canvas').first()).toBeVisible();
    await expectLooksRight(page, `home-${width}`, { fullPage: true });
  });
}

// A real deployment before anyone shared: every part of the home says in words what will show there.
for (const width of Object.keys(WIDTHS) as Width[]) {
  test(`home with nothing shared yet, ${width}`, async ({ page, server }) => {
    const token = await server.adminToken();
    const created = await server.call('/v1/admin/content', {
      method: 'POST',
      token,
      json: {
        title: 'Our first post',
        url: 'https://example.com/first',
        variants: { linkedin: ['Hello {link}'] },
        publish: true,
      },
    });
    expect(created.status).toBe(201);
    await page.setViewportSize(WIDTHS[width]);
    await page.goto(`${server.url}/admin`);
    await page.getByLabel('Email').fill(ADMIN_EMAIL);
    await page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
    await expect(page.getByText('No advocate has joined yet')).toBeVisible();
    await expect(page.getByText(/^No shares or clicks in the last 30 days yet\./)).toBeVisible();
    await expectLooksRight(page, `home-empty-${width}`, { fullPage: true });
  });
}
