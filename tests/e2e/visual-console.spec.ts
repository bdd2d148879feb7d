/**
 * Every console screen the shell owns (sign-in, content, guidelines, scoring, invites and
 * advocates, analytics, sign-in and provisioning, the open menu on a phone), at desktop and phone
 * width, light and dark, against checked-in baselines, with axe on each. The data and both clocks
 * are fixed (console-seed.ts); generated codes and this run's address are masked.
 */
import type { Page } from '@playwright/test';
import { expect, signInWithPassword, test } from './console-browser';
import { freezeClocks, seedProgramme } from './console-seed';
import { expectLooksRight, WIDTHS, type Width } from './visual';

/** Each screen by its hash path, which also names its baselines. */
const SCREENS = ['content', 'guidelines', 'scoring', 'people', 'analytics', 'provisioning'] as const;

/** Waits until the screen's lists and charts are in (no "Loading…" left). */
async function settled(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText(/^Loading/)).toHaveCount(0);
}

/**
 * The whole screen as one picture: the window made as tall as the page, so bars that stick to the
 * window's bottom (Save) sit at the page's end instead of across the middle of a full-page shot.
 */
async function looksRight(page: Page, name: string, width: Width, mask: ReturnType<typeof masks> = []) {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: WIDTHS[width].width, height: Math.max(height, WIDTHS[width].height) });
  await expectLooksRight(page, name, { mask });
  await page.setViewportSize(WIDTHS[width]);
}

/** What differs from run to run: invite and token codes, and this server's port in the SCIM address. */
function masks(page: Page) {
  return [page.locator('code.code'), page.locator('code.copy-value__text')];
}

for (const width of Object.keys(WIDTHS) as Width[]) {
  test(`console screens at ${width} width`, async ({ page, server }) => {
    test.setTimeout(240_000);
    await seedProgramme(server);
    await freezeClocks(server, page);
    await page.setViewportSize(WIDTHS[width]);

    await page.goto(`${server.url}/admin`);
    await expect(page.getByLabel('Email')).toBeVisible();
    await expect(page.getByRole('main')).toContainText('Northwind Robotics');
    await looksRight(page, `sign-in-${width}`, width);

    await signInWithPassword(page, server);
    for (const screen of SCREENS) {
      await test.step(screen, async () => {
        await page.goto(`${server.url}/admin#/${screen}`);
        await settled(page);
        await expect(page.getByRole('banner')).toContainText('Northwind Robotics');
        await looksRight(page, `${screen}-${width}`, width, masks(page));
      });
    }
    if (width === 'phone') {
      await page.goto(`${server.url}/admin#/analytics`);
      await settled(page);
      await page.getByRole('button', { name: 'Menu' }).click();
      await expectLooksRight(page, 'menu-phone');
    }
  });
}
