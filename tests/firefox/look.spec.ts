/**
 * How Relay looks in Firefox: the popup in the light and the dark colour scheme (dark forced
 * through Firefox's prefs, see firefox.ts), and a LinkedIn composer with Relay's panel open. Each
 * test keeps its screenshot in its output folder (test-results/) for a person to look at; what the
 * tests assert is that the scheme took (the popup's background is light or dark) and that Relay's
 * panel sits inside the composer's window.
 */
import type { Page } from 'puppeteer-core';
import { putGuidelines, RELEASE } from '../e2e/composer-helpers';
import { publish } from '../e2e/fixtures';
import { linkedinShadow } from './composers';
import { click, waitFor } from './dom';
import { expect, test } from './fixtures';
import { element, enroll, postCard } from './relay';

/** The relative luminance (0 black … 1 white) of the popup page's background. */
function backgroundLuminance(page: Page): Promise<number> {
  return page.evaluate(() => {
    const colour = getComputedStyle(document.body).backgroundColor;
    const [r, g, b] = (colour.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map((part) => Number(part) / 255);
    const linear = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * linear(r!) + 0.7152 * linear(g!) + 0.0722 * linear(b!);
  });
}

for (const dark of [false, true]) {
  test.describe(dark ? 'dark' : 'light', () => {
    test.use({ dark });

    test(`the popup's list in the ${dark ? 'dark' : 'light'} scheme`, async ({ popup, server }, testInfo) => {
      await publish(server, RELEASE);
      await enroll(popup, server);
      await waitFor(popup, postCard(RELEASE.title));
      await popup.screenshot({ path: testInfo.outputPath(`popup-${dark ? 'dark' : 'light'}.png`) });
      const luminance = await backgroundLuminance(popup);
      if (dark) expect(luminance, 'a dark background').toBeLessThan(0.2);
      else expect(luminance, 'a light background').toBeGreaterThan(0.8);
    });
  });
}

test('the setup page the add-on opens on install, in a full-size tab', async ({ popup }, testInfo) => {
  await popup.setViewport({ width: 1280, height: 800 });
  await waitFor(popup, { role: 'button', name: 'Connect' });
  await popup.screenshot({ path: testInfo.outputPath('setup-tab.png') });
  // The popup's column is framed and centred in the wide tab.
  const frame = await popup.evaluate(() => {
    const box = document.querySelector('.app')!.getBoundingClientRect();
    return {
      left: box.left,
      right: innerWidth - box.right,
      border: getComputedStyle(document.querySelector('.app')!).borderTopWidth,
    };
  });
  expect(Math.abs(frame.left - frame.right)).toBeLessThan(2);
  expect(frame.border).toBe('1px');
});

test.describe('composer', () => {
  test.use({ sites: linkedinShadow.sites });

  test("a LinkedIn composer with Relay's panel open", async ({ popup, server, openSite }, testInfo) => {
    await putGuidelines(server);
    await publish(server, RELEASE);
    await enroll(popup, server);
    await waitFor(popup, postCard(RELEASE.title));
    const page = await openSite(linkedinShadow.url);
    await page.setViewport({ width: 1000, height: 800 });
    await (await element(page, linkedinShadow.opener!)).click();
    await element(page, linkedinShadow.editor);
    await click(page, { role: 'button', name: 'Suggested posts' });
    const panel = await waitFor(page, { role: 'dialog', name: 'Suggested posts' });
    await page.screenshot({ path: testInfo.outputPath('composer-panel.png') });
    const box = await panel.boundingBox();
    expect(box, 'the panel is laid out').not.toBeNull();
    expect(box!.width).toBeGreaterThan(200);
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(1000);
  });
});
