/**
 * How compose and the organisation screen look, light and dark, on a desktop and a phone (with axe):
 * compose empty, compose filled (two LinkedIn variants, the page's image, a scheduled time) with its
 * preview, its image and timing, and the organisation with its name, logo and the setup screen's preview.
 */
import type { Page } from '@playwright/test';
import { drawDemoLogo } from '../../server/demo-logo';
import { expect, openConsole, stubPagePreview, test } from './console-compose-setup';
import { goTo } from './console-browser';
import { expectLooksRight, WIDTHS, type Width } from './visual';

const LOGO = { name: 'northwind.png', mimeType: 'image/png', buffer: Buffer.from(drawDemoLogo()) };

async function fillPost(page: Page): Promise<void> {
  await page.getByLabel('URL', { exact: true }).fill('https://northwind.example/news/atlas');
  await page.getByLabel('Title').focus();
  await expect(page.getByText('Page found: Northwind Robotics')).toBeVisible();
  await page
    .getByLabel('LinkedIn variant 1', { exact: true })
    .fill('Two years in the making: meet Atlas, the robot that moves 600 kg loads safely alongside people. {link}');
  await page.getByRole('button', { name: 'Add LinkedIn variant' }).click();
  await page
    .getByLabel('LinkedIn variant 2', { exact: true })
    .fill('Proud of our team: Atlas is live, with guaranteed returns for every warehouse. #Robotics {link}');
  await page.getByRole('button', { name: 'Use the page’s image' }).click();
  await page.getByRole('button', { name: 'Tomorrow 9:00' }).first().click();
  await page.getByLabel('LinkedIn variant 2', { exact: true }).focus();
  // The page's image has loaded in the preview.
  await expect
    .poll(() =>
      page
        .getByRole('figure', { name: /preview/ })
        .locator('img')
        .evaluate((img: HTMLImageElement) => img.naturalWidth),
    )
    .toBeGreaterThan(0);
}

for (const width of Object.keys(WIDTHS) as Width[]) {
  test.describe(`at ${width} width`, () => {
    test.use({ viewport: WIDTHS[width] });

    test('compose, empty and filled with its preview', async ({ page, server }) => {
      test.setTimeout(150_000);
      await page.setViewportSize(WIDTHS[width]);
      await stubPagePreview(server);
      await server.call('/v1/admin/guidelines', {
        method: 'PUT',
        json: { bannedTerms: [{ pattern: 'guaranteed returns', reason: 'We never promise financial results.' }] },
        token: await server.adminToken(),
      });
      await openConsole(page, server);
      await goTo(page, 'New post');
      await expect(page.getByRole('heading', { level: 1, name: 'New post' })).toBeVisible();
      await expectLooksRight(page, `compose-empty-${width}`);
      await fillPost(page);
      await page.evaluate(() => window.scrollTo(0, 0));
      await expectLooksRight(page, `compose-filled-${width}`);
      if (width === 'phone') {
        await page.getByRole('heading', { name: 'Preview' }).scrollIntoViewIfNeeded();
        await expectLooksRight(page, `compose-preview-${width}`);
      }
      await page.evaluate(() => document.getElementById('compose-image')?.scrollIntoView({ block: 'start' }));
      await expectLooksRight(page, `compose-image-${width}`);
      await page.getByRole('heading', { name: 'Timing' }).scrollIntoViewIfNeeded();
      await expectLooksRight(page, `compose-image-timing-${width}`);
    });

    test('the organisation, with its logo and the setup screen’s preview', async ({ page, server }) => {
      await page.setViewportSize(WIDTHS[width]);
      await openConsole(page, server);
      await goTo(page, 'Organisation');
      await page.getByLabel('Name', { exact: true }).fill('Northwind Robotics');
      await page.getByLabel('Choose an image…').setInputFiles(LOGO);
      await expect(page.getByRole('img', { name: 'Current the logo' })).toBeVisible();
      await expectLooksRight(page, `organization-${width}`);
      if (width === 'phone') {
        await page.getByRole('figure', { name: 'The extension’s setup screen' }).scrollIntoViewIfNeeded();
        await expectLooksRight(page, `organization-preview-${width}`);
      }
    });
  });
}
