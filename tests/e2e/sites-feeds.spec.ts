/** The feed fixtures of 1,000 posts, without the extension: __appendPosts adds more and the composer still works. */
import { expect } from '@playwright/test';
import { linkedinShadow, xInline } from './composers';
import { DEFAULT_SITES } from './sites';
import { test } from './sites-browser';

test.describe('fixture: feeds of 1,000 posts', () => {
  test.describe('LinkedIn', () => {
    test.use({ sites: { ...DEFAULT_SITES, linkedin: 'linkedin-feed-1000.html' } });
    test('1,000 posts, __appendPosts adds more, the composer still works', async ({ page }) => {
      await page.goto('https://www.linkedin.com/feed/');
      await expect(page.locator('[data-view-name="feed-full-update"]')).toHaveCount(1000);
      expect(
        await page.evaluate(() => (window as unknown as { __appendPosts(n: number): number }).__appendPosts(50)),
      ).toBe(1050);
      await expect(page.locator('[data-view-name="feed-full-update"]')).toHaveCount(1050);
      await linkedinShadow.open(page);
      await linkedinShadow.editor(page).click();
      await page.keyboard.type('Still fast');
      await expect(linkedinShadow.postButton(page)).toBeEnabled();
    });
  });

  test.describe('X', () => {
    test.use({ sites: { ...DEFAULT_SITES, x: 'x-feed-1000.html' } });
    test('1,000 tweets, __appendPosts adds more, the inline composer still works', async ({ page }) => {
      await page.goto('https://x.com/home');
      await expect(page.locator('[data-testid="timeline"] article[data-testid="tweet"]')).toHaveCount(1000);
      expect(
        await page.evaluate(() => (window as unknown as { __appendPosts(n: number): number }).__appendPosts(25)),
      ).toBe(1025);
      await expect(page.locator('[data-testid="timeline"] article[data-testid="tweet"]')).toHaveCount(1025);
      await xInline.editor(page).click();
      await page.keyboard.type('Still fast');
      await expect(xInline.postButton(page)).toBeEnabled();
    });

    test("tweets are X's positioned cells: stacked in order, none overlapping, the box as tall as all of them", async ({
      page,
    }) => {
      await page.goto('https://x.com/home');
      await page.evaluate(() => (window as unknown as { __appendPosts(n: number): number }).__appendPosts(5));
      const layout = await page.evaluate(() => {
        const cells = [...document.querySelectorAll<HTMLElement>('[data-testid="cellInnerDiv"]')];
        const box = cells[0]?.parentElement as HTMLElement;
        return {
          box: { position: box.style.position, top: box.getBoundingClientRect().top, height: box.offsetHeight },
          cells: cells.map((cell) => ({
            position: getComputedStyle(cell).position,
            transform: cell.style.transform,
            top: cell.getBoundingClientRect().top,
            height: cell.offsetHeight,
            tweets: cell.querySelectorAll('article[data-testid="tweet"]').length,
          })),
        };
      });
      expect(layout.box.position).toBe('relative');
      expect(layout.cells).toHaveLength(1005);
      let bottom = layout.box.top;
      for (const cell of layout.cells) {
        expect(cell).toMatchObject({ position: 'absolute', tweets: 1 });
        expect(cell.transform).toMatch(/^translateY\(\d+(\.\d+)?px\)$/);
        expect(cell.height).toBeGreaterThan(40);
        expect(Math.abs(cell.top - bottom)).toBeLessThan(0.5);
        bottom = cell.top + cell.height;
      }
      expect(Math.abs(layout.box.top + layout.box.height - bottom)).toBeLessThan(0.5);
    });
  });
});
