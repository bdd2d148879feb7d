/**
 * The popup's screens, light and dark, against checked-in baselines (expectLooksRight: axe too):
 * setup (empty, with errors, with the organisation), the list of compact cards, a card opened,
 * after sharing (toast and shared mark), the Not shared yet filter, Points (without and with
 * points), the leaderboard, Privacy, and offline. The popup has one size. The clock is frozen at
 * the test's start, so ages read "just now"; after sharing, at the share plus 100 s ("2 minutes ago").
 */
import type { Page } from '@playwright/test';
import type { TestServer } from '../helpers/server';
import { createInvite, enroll, expect, fillSetup, postCard, publish, shareFromCard, test } from './fixtures';
import { expectLooksRight, WIDTHS } from './visual';

const POSTS = [
  {
    title: 'Northwind opens its Lisbon robotics lab',
    url: 'https://www.example.com/news/lisbon-lab',
    variants: {
      linkedin: ['Proud to see our new robotics lab open in Lisbon: 120 engineers, one big mission. {link}'],
      x: ['Our Lisbon robotics lab is open! {link}'],
      bluesky: ['The Lisbon lab is open: {link}'],
    },
  },
  {
    title: 'Spring release: faster sync and a dark mode for the fleet console',
    url: 'https://blog.example.org/spring-release',
    variants: {
      linkedin: ['The spring release is out: faster sync and dark mode. {link}'],
      x: ['Spring release is out {link}'],
    },
  },
  {
    title: 'We are hiring in Porto',
    url: 'https://careers.example.net/porto',
    variants: { linkedin: ['We are hiring in Porto! Come build robots with us. {link}'] },
  },
];

async function seed(server: TestServer): Promise<string[]> {
  // Oldest first, so the list shows POSTS[0] at the top.
  const ids: string[] = [];
  for (const post of [...POSTS].reverse()) ids.unshift((await publish(server, post)).id);
  return ids;
}

async function frozenPopup(openPopup: (page?: Page) => Promise<Page>, page: Page) {
  await page.clock.setFixedTime(Date.now());
  await page.setViewportSize({ width: 380, height: 600 });
  return openPopup(page);
}

test('setup: empty, with errors, and with the organisation', async ({ context, server, openPopup }) => {
  const popup = await frozenPopup(openPopup, await context.newPage());
  await expect(popup.getByRole('heading', { name: 'Connect to Relay' })).toBeVisible();
  await expectLooksRight(popup, 'setup-empty');

  await popup.getByRole('button', { name: 'Connect' }).click();
  const serverUrl = popup.getByLabel('Server URL');
  await expect(serverUrl).toBeFocused();
  await expect(serverUrl).toHaveAttribute('aria-invalid', 'true');
  await expect(popup.getByText('Enter the server address your admin gave you.')).toBeVisible();
  await expectLooksRight(popup, 'setup-errors');

  const organization = await server.call('/v1/admin/organization', {
    method: 'PUT',
    json: { name: 'Northwind Robotics', logoUrl: null },
    token: await server.adminToken(),
  });
  expect(organization.status).toBe(200);
  await serverUrl.fill(server.url);
  // Asked of the server once the typed URL settles (through the background): allow for a busy machine.
  await expect(popup.getByRole('heading', { name: 'Connect to Northwind Robotics' })).toBeVisible({ timeout: 15_000 });
  await expect(serverUrl).not.toHaveAttribute('aria-invalid', 'true');
  await expectLooksRight(popup, 'setup-organisation', { mask: [serverUrl] });
});

test('the list, a card opened, sharing, and the filter', async ({ context, server, openPopup }) => {
  const ids = await seed(server);
  const popup = await frozenPopup(openPopup, await context.newPage());
  await fillSetup(popup, { serverUrl: server.url, code: await createInvite(server), name: 'Ada Advocate' });
  const first = postCard(popup, POSTS[0]!.title);
  await expect(first).toBeVisible({ timeout: 10_000 });
  await expect(popup.getByRole('article')).toHaveCount(3);
  await expectLooksRight(popup, 'list');

  // A notification's click opens the popup's page in a tab: at a phone's width it still reads well.
  const tab = await context.newPage();
  await tab.clock.setFixedTime(Date.now());
  await tab.setViewportSize(WIDTHS.phone);
  await tab.goto(popup.url().replace(/popup\.html.*$/, `popup.html?post=${ids[1]}`));
  await expect(postCard(tab, POSTS[1]!.title)).toBeFocused();
  await expectLooksRight(tab, 'tab-phone');
  await tab.close();

  await first.getByRole('button', { name: 'Share', exact: true }).click();
  await expect(first.getByRole('button', { name: 'Share', exact: true })).toHaveAttribute('aria-expanded', 'true');
  await first.getByRole('radio', { name: 'X', exact: true }).check();
  await expect(first.getByRole('button', { name: 'Share on X' })).toBeVisible();
  // The tracked link in the text is a fresh code on every run.
  const links = [popup.locator('.suggestion-text')];
  await expectLooksRight(popup, 'card-open', { mask: links });

  const opened = context.waitForEvent('page');
  await shareFromCard(first, 'Bluesky');
  await (await opened).close();
  await expect(popup.locator('.toast')).toContainText(/^\+\d+ points · Shared on Bluesky/);
  await expect(first).toContainText('Shared on Bluesky');
  const sharedAt = await popup.evaluate(() => {
    const kept = JSON.parse(localStorage.getItem('relay:popup-snapshot') ?? '{}') as {
      state?: { content?: { lastShare: { sharedAt: string } | null }[] };
    };
    return kept.state?.content?.find((item) => item.lastShare)?.lastShare?.sharedAt ?? null;
  });
  expect(sharedAt).not.toBeNull();
  await popup.clock.setFixedTime(Date.parse(sharedAt!) + 100_000);
  await popup.reload();
  await expect(postCard(popup, POSTS[0]!.title)).toContainText('Shared on Bluesky · 2 minutes ago');
  const again = postCard(popup, POSTS[0]!.title);
  // The toast is gone with the reload: share again for the screenshot (no new points).
  await again.getByRole('button', { name: 'Share again' }).click();
  const second = context.waitForEvent('page');
  await again.getByRole('button', { name: 'Share on Bluesky' }).click();
  await (await second).close();
  await expect(popup.locator('.toast')).toContainText('no new points');
  await expectLooksRight(popup, 'after-sharing', { mask: links });

  await popup.getByRole('button', { name: 'Dismiss' }).click();
  await popup.getByRole('button', { name: 'Not shared yet' }).click();
  await expect(popup.getByRole('article')).toHaveCount(2);
  await expectLooksRight(popup, 'not-shared-filter');
});

test('points without and with points, the leaderboard, privacy, offline', async ({ context, server, openPopup }) => {
  await seed(server);
  const popup = await frozenPopup(openPopup, await context.newPage());
  await enroll(popup, server);
  await popup.getByRole('tab', { name: 'Points' }).click();
  const panel = popup.getByRole('tabpanel', { name: 'Points' });
  await expect(panel.getByText(/Share a post to earn your first/)).toBeVisible();
  await expectLooksRight(popup, 'points-empty');

  await popup.getByRole('tab', { name: 'Posts' }).click();
  const opened = context.waitForEvent('page');
  await shareFromCard(postCard(popup, POSTS[0]!.title), 'Bluesky');
  await (await opened).close();
  await popup
    .getByRole('banner')
    .getByRole('button', { name: /points/ })
    .click();
  await expect(panel.getByRole('region', { name: 'Your points' })).not.toContainText(/^0 points/);
  await expect(panel.getByRole('list', { name: 'Leaderboard, this week' })).toContainText('Ada Advocate', {
    timeout: 10_000,
  });
  // The chart's week labels follow the calendar (the background's clock is not frozen).
  const chart = [panel.locator('.chart-canvas')];
  await expectLooksRight(popup, 'points', { mask: chart });
  await panel.getByRole('list', { name: 'Leaderboard, this week' }).scrollIntoViewIfNeeded();
  await expectLooksRight(popup, 'leaderboard', {
    element: panel.locator('section', { has: popup.locator('#leaderboard-title') }),
  });

  await popup.getByRole('tab', { name: 'Privacy' }).click();
  await expect(popup.getByRole('tabpanel', { name: 'Privacy' }).getByRole('switch').first()).toBeVisible();
  await expectLooksRight(popup, 'privacy');

  await popup.getByRole('tab', { name: 'Posts' }).click();
  await server.close();
  await popup.getByRole('button', { name: 'Sync now' }).click();
  await expect(
    popup
      .getByRole('status')
      .filter({ hasText: /offline/i })
      .first(),
  ).toBeVisible();
  await expectLooksRight(popup, 'offline');
});
