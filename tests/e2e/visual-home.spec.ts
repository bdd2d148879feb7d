/** The console home with the demo's month of activity, at desktop and phone widths, light and dark, on a fixed clock. */
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
