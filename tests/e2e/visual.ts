/** Visual comparisons: a screen in the light and the dark theme against its checked-in baseline, and axe on both. */
import { expect, type Locator, type Page } from '@playwright/test';
import { expectAccessible } from './accessibility';

/** The two widths every surface is looked at in: a desktop window and a phone. */
export const WIDTHS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const;
export type Width = keyof typeof WIDTHS;

export interface LookOptions {
  /** Parts that change from run to run (a generated code, a clock): painted over in the comparison. */
  mask?: Locator[];
  /** The whole scrollable page rather than the viewport. */
  fullPage?: boolean;
  /** Compare this element only (a panel inside a site's page). */
  element?: Locator;
}

/**
 * Compares the page (or one element) in the light and then the dark colour scheme with
 * tests/e2e/__screenshots__/<spec>/<name>-<scheme>.png, and runs axe on each. Leaves the page light.
 * Baselines: `npx playwright test <spec> --update-snapshots`, then open the PNGs before committing.
 */
export async function expectLooksRight(page: Page, name: string, options: LookOptions = {}): Promise<void> {
  await expectAccessible(page, name);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    // Let a theme switch's transitions and fonts settle before the pixels are read.
    await page.evaluate(() => document.fonts.ready.then(() => new Promise((done) => requestAnimationFrame(done))));
    const target = options.element ?? page;
    await expect(target).toHaveScreenshot(`${name}-${colorScheme}.png`, {
      mask: options.mask,
      ...(options.element ? {} : { fullPage: options.fullPage ?? false }),
    });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}
