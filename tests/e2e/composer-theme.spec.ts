/**
 * Relay's UI in a composer follows the SITE's theme, not the system's: LinkedIn's classes on
 * <html>, X's page background. A light site on a dark system gets the light colours (and the
 * reverse), the UI switches when the person changes the site's setting, and axe finds no serious or
 * critical problem in Relay's UI either way (the "light grey on white, 1.2:1").
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { lookAtComposer, openPanel, setSiteTheme, setUpLook, writeOwnWords, type SiteName } from './composer-look';
import { expect, test } from './fixtures';

const UI = 'relay-composer-ui';
/** The button alone in X's toolbar row (the stand-in, then the UI's button). */
const ROW_BUTTON = 'relay-composer-button';

/** axe on Relay's UI only (the host and its shadow root, in LinkedIn's too): no serious or critical violation. */
async function expectRelayAccessible(page: Page, what: string, host = UI): Promise<void> {
  const inLinkedInShadow = (await page.locator(`#interop-outlet ${host}`).count()) > 0;
  const scope = inLinkedInShadow ? { fromShadowDom: ['#interop-outlet', host] as [string, string] } : host;
  const results = await new AxeBuilder({ page }).include(scope).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((node) => node.target.join(' ')).join(' | ')}`);
  expect(serious, `axe on Relay's UI, ${what}`).toEqual([]);
}

/** The relative luminance of an element's text colour: light text > 0.5, dark text < 0.2. */
function textLuminance(element: Locator): Promise<number> {
  return element.evaluate((node) => {
    const [r, g, b] = (getComputedStyle(node).color.match(/[\d.]+/g) ?? []).map(Number).map((value) => {
      const c = value / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  });
}

const hintMessage = (page: Page) =>
  page.getByRole('status', { name: 'Relay guideline hints' }).locator('.relay-hint-message').first();

const CASES: { site: SiteName; dark: string; otherDark: string }[] = [
  { site: 'linkedin', dark: 'dark', otherDark: 'dark' },
  { site: 'x', dark: 'dim', otherDark: 'lightsout' },
];

for (const { site, dark, otherDark } of CASES) {
  test(`${site}: the UI takes the site's theme, whatever the system's, and follows it when it changes`, async ({
    context,
    server,
    openPopup,
  }) => {
    const { page, editor } = await lookAtComposer({ context, server, openPopup }, site, 'light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await writeOwnWords(page, editor);
    await openPanel(page);
    const host = page.locator(UI);
    await expect(host, 'a light site on a dark system: light').toHaveAttribute('data-relay-theme', 'light');
    expect(await textLuminance(hintMessage(page)), 'dark hint text on the light site').toBeLessThan(0.2);
    await expectRelayAccessible(page, `light ${site} on a dark system`);

    await setSiteTheme(page, dark);
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(host, 'the site switched to dark').toHaveAttribute('data-relay-theme', 'dark');
    // X's button is in the toolbar row, a host of its own: it follows too.
    if (site === 'x') await expect(page.locator(ROW_BUTTON)).toHaveAttribute('data-relay-theme', 'dark');
    expect(await textLuminance(hintMessage(page)), 'light hint text on the dark site').toBeGreaterThan(0.5);
    await expectRelayAccessible(page, `dark ${site} on a light system`);

    await setSiteTheme(page, otherDark);
    await expect(host).toHaveAttribute('data-relay-theme', 'dark');
    await setSiteTheme(page, 'light');
    await expect(host, 'back to light').toHaveAttribute('data-relay-theme', 'light');
  });
}

test.describe('the stand-in button', () => {
  test.use({ sites: { linkedin: 'linkedin-shadow.html', x: 'x-inline.html' } });

  test("X's home composer, nobody typing yet: the stand-in takes the site's dark theme on a light system", async ({
    context,
    server,
    openPopup,
  }) => {
    await setUpLook(server, openPopup);
    const page = await context.newPage();
    await page.addInitScript(() => {
      (window as unknown as { __fixtureTheme: string }).__fixtureTheme = 'dark';
    });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('https://x.com/home');
    const host = page.locator(ROW_BUTTON);
    await expect(host.getByRole('button', { name: 'Suggested posts' })).toBeVisible({ timeout: 10_000 });
    await expect(host).toHaveAttribute('data-relay-theme', 'dark');
    await expectRelayAccessible(page, 'the stand-in on dim X', ROW_BUTTON);
    await setSiteTheme(page, 'light');
    await expect(host).toHaveAttribute('data-relay-theme', 'light');
  });
});
