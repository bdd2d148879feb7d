/**
 * The popup's Points and Privacy tabs in real Chromium against the real API: points appear after a
 * share and a click, the leaderboard lists the advocate, and the privacy choices are saved on the
 * server (and say so when they cannot be).
 */
import type { Page } from '@playwright/test';
import { DATA_RELAY_MAY_SEND, DATA_RELAY_SENDS } from '../../lib/data-collection';
import { DEFAULT_SCORING } from '../../lib/schemas';
import type { TestServer } from '../helpers/server';
import { expectAccessible } from './accessibility';
import { countShares, enroll, expect, postCard, publish, shareFromCard, test } from './fixtures';

const HUMAN = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';
const OTHER_HUMAN =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Safari/605.1';

async function advocateSettings(server: TestServer) {
  const row = await server.deps.db
    .selectFrom('advocates')
    .select(['click_tracking', 'leaderboard'])
    .executeTakeFirstOrThrow();
  return { clickTracking: Number(row.click_tracking) === 1, leaderboard: Number(row.leaderboard) === 1 };
}

function tab(popup: Page, name: string) {
  return popup.getByRole('tab', { name });
}

test('points appear after a share and a click, with the rank and the leaderboard', async ({
  context,
  server,
  openPopup,
}) => {
  const title = 'We are hiring in Porto';
  const post = await publish(server, {
    title,
    url: 'https://example.com/porto-jobs',
    variants: { linkedin: ['We are hiring in Porto!'] },
  });
  // Facebook earns nothing by default (its policy): these admins opted in with 5 points.
  const scoring = { ...DEFAULT_SCORING, pointsPerShare: { ...DEFAULT_SCORING.pointsPerShare, facebook: 5 } };
  const token = await server.adminToken();
  expect((await server.call('/v1/admin/scoring', { method: 'PUT', json: scoring, token })).status).toBe(200);
  const popup = await openPopup();
  await enroll(popup, server);

  // A Facebook share counts on the click: 5 points, +5 for sharing within 24 h of publishing.
  const opened = context.waitForEvent('page');
  await shareFromCard(postCard(popup, title), 'Facebook');
  const intent = await opened;
  await intent.waitForURL(/^https:\/\/www\.facebook\.com\//);
  const tracked = new URL(new URL(intent.url()).searchParams.get('u')!);
  expect(tracked.pathname).toMatch(/^\/r\/[\w-]+$/);
  await intent.close();
  await expect.poll(() => countShares(server, post.id), { timeout: 10_000 }).toBe(1);

  // Two people open the link (one of them twice in the hour), and LinkedIn's preview bot: 2 clicks.
  for (const userAgent of [HUMAN, HUMAN, OTHER_HUMAN, 'LinkedInBot/1.0 (compatible; Mozilla/5.0)']) {
    const response = await server.call(tracked.pathname, { redirect: 'manual', headers: { 'user-agent': userAgent } });
    expect(response.status).toBe(302);
  }
  await server.deps.clicks.flush();
  await server.deps.scores.idle(); // the leaderboard's points are recomputed in the background

  await tab(popup, 'Points').click();
  const panel = popup.getByRole('tabpanel', { name: 'Points' });
  const summary = panel.getByRole('region', { name: 'Your points' });
  await expect(summary).toContainText('12 points');
  await expect(summary).toContainText('Starter');
  await expect(summary).toContainText('38 points to Contributor');
  await expect(panel.getByRole('status').first()).toContainText('Ranks and clicks updated just now');
  const stats = panel.locator('.stats');
  await expect(stats.locator('.stat').filter({ hasText: 'Clicks' })).toContainText('2');
  await expect(stats.locator('.stat').filter({ hasText: 'Rank' })).toContainText('#1');
  await expect(stats.locator('.stat').filter({ hasText: 'Streak' })).toContainText('1 week');

  // This week's bar in the chart, and the same numbers in its table.
  await expect(panel.locator('.chart-canvas canvas')).toBeVisible();
  const rows = panel.locator('.chart table tbody tr');
  await expect(rows).toHaveCount(12);
  await expect(rows.last().locator('td')).toHaveText('12');
  await expect(rows.first().locator('td')).toHaveText('0');

  const badges = panel.getByRole('region', { name: /Badges/ });
  await expect(badges.getByRole('listitem').filter({ hasText: 'First share' })).toContainText('Earned');

  const board = panel.getByRole('list', { name: 'Leaderboard, this week' });
  await expect(board.getByRole('listitem')).toHaveCount(1);
  await expect(board.getByRole('listitem').first()).toContainText('#1');
  await expect(board.getByRole('listitem').first()).toContainText('Ada Advocate (you)');
  await expect(board.getByRole('listitem').first()).toContainText('12');
  await panel.getByRole('radio', { name: 'All time' }).check();
  await expect(panel.getByRole('list', { name: 'Leaderboard, all time' })).toContainText('Ada Advocate');
  await expectAccessible(popup, 'Points tab');

  // The header's points chip shows the same total, clicks included, and opens the Points tab.
  await tab(popup, 'Posts').click();
  const chip = popup.getByRole('banner').getByRole('region', { name: 'Your points' });
  await expect(chip).toContainText('12 points');
  await chip.getByRole('button').click();
  await expect(tab(popup, 'Points')).toHaveAttribute('aria-selected', 'true');
});

test('privacy choices are saved on the server; the leaderboard and links follow them', async ({
  server,
  openPopup,
}) => {
  const title = 'Our new climate report';
  await publish(server, {
    title,
    url: 'https://example.com/climate',
    variants: { linkedin: ['Our climate report is out: {link}'] },
  });
  const popup = await openPopup();
  await enroll(popup, server);
  // The card's share panel shows the text with its link (it stays open while other tabs are shown).
  await postCard(popup, title).getByRole('button', { name: 'Share', exact: true }).click();
  await expect(postCard(popup, title)).toContainText('http://relay.test/r/');

  await tab(popup, 'Privacy').click();
  const panel = popup.getByRole('tabpanel', { name: 'Privacy' });
  await expect(panel.getByRole('heading', { name: 'What Relay collects' })).toBeVisible();
  await expect(panel).toContainText('never stores a visitor');
  const leaderboard = panel.getByRole('switch', { name: 'Show me on the leaderboard' });
  const clicks = panel.getByRole('switch', { name: 'Count clicks on my links' });
  await expect(leaderboard).toBeChecked();
  await expect(clicks).toBeChecked();
  await expectAccessible(popup, 'Privacy tab');

  await leaderboard.uncheck();
  await expect(panel.getByRole('status')).toHaveText('Saved.');
  await expect(panel).toContainText('left out of the leaderboard entirely');
  expect(await advocateSettings(server)).toEqual({ clickTracking: true, leaderboard: false });

  // Off the leaderboard: not ranked, and the Points tab says why.
  await tab(popup, 'Points').click();
  const points = popup.getByRole('tabpanel', { name: 'Points' });
  // No points yet: the tab says how to earn them (no empty stats), and the leaderboard says why there is no rank.
  await expect(points.getByRole('heading', { name: /Share a post to earn your first/ })).toBeVisible();
  await expect(points).toContainText("You've chosen to stay off the leaderboard.");

  // Click tracking off: the links in the posts become direct UTM links.
  await tab(popup, 'Privacy').click();
  await clicks.uncheck();
  await expect(panel.getByRole('status')).toHaveText('Saved.');
  expect(await advocateSettings(server)).toEqual({ clickTracking: false, leaderboard: false });
  await tab(popup, 'Posts').click();
  await expect(postCard(popup, title)).toContainText('https://example.com/climate?utm_', { timeout: 10_000 });
  await expect(postCard(popup, title)).not.toContainText('relay.test/r/');

  // With the server down, a choice is not saved and the popup says so; the switch stays as it was.
  await server.close();
  await tab(popup, 'Privacy').click();
  await clicks.click();
  await expect(panel.getByRole('status')).toContainText("Your choice was not saved. Can't reach the Relay server");
  await expect(clicks).not.toBeChecked();
});

test('setup explains what Relay collects before connecting', async ({ openPopup }) => {
  const popup = await openPopup();
  await popup.locator('summary', { hasText: 'What Relay collects' }).click();
  await expect(popup.getByText(/The text of your posts\./)).toBeVisible();
  await expect(popup.getByText(/never stores a visitor's IP address/)).toBeVisible();
  // What Firefox's manifest declares (lib/data-collection.ts), the popup says, word for word.
  for (const sent of [...DATA_RELAY_SENDS, ...DATA_RELAY_MAY_SEND])
    await expect(popup.getByText(sent.disclosure, { exact: true })).toBeVisible();
});
