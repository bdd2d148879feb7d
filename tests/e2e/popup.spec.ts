/**
 * The popup in real Chromium against the real API: enrolment, live updates, share intents and
 * the outbox surviving a server outage.
 */
import {
  closedPort,
  countShares,
  createInvite,
  enroll,
  expect,
  fillSetup,
  postCard,
  publish,
  shareFromCard,
  signOut,
  test,
} from './fixtures';
import { modelOf } from './sites';

test('enrols through the popup', async ({ server, openPopup }) => {
  const popup = await openPopup();
  await fillSetup(popup, { serverUrl: server.url, code: await createInvite(server), name: 'Ada Advocate' });

  await expect(popup.getByRole('button', { name: 'Sync now' })).toBeVisible({ timeout: 10_000 });
  await expect(popup.getByLabel('Search posts').or(popup.getByPlaceholder('Search posts'))).toBeVisible();
  await expect(popup.getByRole('region', { name: 'Your points' })).toBeVisible();
  await expect(popup.getByRole('button', { name: 'Account' })).toBeVisible();
  // No posts yet: focus lands on the Posts tab (with posts, on the first Share button).
  await expect(popup.getByRole('tab', { name: 'Posts' })).toBeFocused();
  await expect(popup.getByLabel('Invite code')).toBeHidden();
  const advocates = await server.deps.db.selectFrom('advocates').select('name').execute();
  expect(advocates.map((a) => a.name)).toEqual(['Ada Advocate']);
});

test('a wrong invite code shows a clear alert', async ({ server, openPopup }) => {
  const popup = await openPopup();
  await fillSetup(popup, { serverUrl: server.url, code: 'NOT-A-REAL-CODE', name: 'Ada Advocate' });

  await expect(popup.getByRole('alert')).toContainText(/invite code/i);
  await expect(popup.getByRole('button', { name: 'Connect' })).toBeVisible();
  await expect(popup.getByRole('button', { name: 'Sync now' })).toBeHidden();
});

test('an unreachable server URL shows a clear alert', async ({ openPopup }) => {
  const popup = await openPopup();
  const serverUrl = `http://127.0.0.1:${await closedPort()}`;
  await fillSetup(popup, { serverUrl, code: 'ANY-CODE', name: 'Ada Advocate' });

  const alert = popup.getByRole('alert');
  await expect(alert).toContainText(/can.t reach/i);
  await expect(alert).toContainText(serverUrl);
  await expect(popup.getByRole('button', { name: 'Connect' })).toBeVisible();
});

test('a post the admin publishes shows in the open popup within 2 s', async ({ server, openPopup }) => {
  const popup = await openPopup();
  await enroll(popup, server);
  const title = 'Relay goes live in Lisbon';
  await expect(postCard(popup, title)).toHaveCount(0);

  await publish(server, {
    title,
    url: 'https://example.com/lisbon',
    variants: { linkedin: ['We are live in Lisbon!'] },
  });

  // Measured from the moment the publish call returned; the popup is not reopened.
  await expect(postCard(popup, title)).toBeVisible({ timeout: 2_000 });
});

test('"Share on X" opens the intent with the text and the advocate\'s link; publishing there logs the share', async ({
  context,
  server,
  openPopup,
  intents,
}) => {
  const title = 'Our spring release';
  const suggested = 'Spring release is out: faster sync and dark mode.';
  const post = await publish(server, {
    title,
    url: 'https://example.com/spring',
    variants: { linkedin: ['Proud of the spring release.'], x: [suggested] },
  });
  const popup = await openPopup();
  await enroll(popup, server);
  const card = postCard(popup, title);
  await expect(card).toBeVisible();

  const opened = context.waitForEvent('page');
  await shareFromCard(card, 'X');
  const intentPage = await opened;
  await intentPage.waitForURL(/^https:/);

  const url = new URL(intentPage.url());
  expect(url.origin).toBe('https://x.com');
  expect(url.pathname).toBe('/intent/post');
  const text = url.searchParams.get('text') ?? '';
  expect(text).toContain(suggested);
  const link = /http:\/\/relay\.test\/r\/([A-Za-z0-9_-]+)/.exec(text);
  expect(link, `a tracked link in ${JSON.stringify(text)}`).not.toBeNull();
  expect(intents).toEqual([url.href]);

  // The link is this advocate's tracked link for this post on X, and it leads to the post.
  const code = link![1]!;
  const stored = await server.deps.db.selectFrom('links').selectAll().where('code', '=', code).executeTakeFirst();
  expect(stored).toMatchObject({ content_id: post.id, network: 'x' });
  const redirect = await server.call(`/r/${code}`);
  expect(redirect.status).toBe(302);
  const destination = new URL(redirect.headers.get('location') ?? '');
  expect(destination.origin + destination.pathname).toBe('https://example.com/spring');
  expect(destination.searchParams.get('utm_source')).toBe('x');

  // The share counts once the post is published on X (the fixture's intent page), not on the click.
  await intentPage.waitForTimeout(1_500);
  expect(await countShares(server, post.id)).toBe(0);
  const editor = intentPage.locator('[role="dialog"] [data-testid="tweetTextarea_0"]');
  await expect(editor).toBeVisible();
  expect(await modelOf(editor)).toBe(text);
  await intentPage.locator('[role="dialog"] button[data-testid="tweetButton"]').click();
  await expect(intentPage.locator('[data-testid="toast"]')).toContainText('Your post was sent');
  await expect.poll(() => countShares(server, post.id), { timeout: 10_000 }).toBe(1);
  await intentPage.waitForTimeout(1_500);
  expect(await countShares(server, post.id)).toBe(1);
});

test('a share made while the server is down reaches it exactly once after it comes back', async ({
  context,
  server,
  restartServer,
  openPopup,
}) => {
  const title = 'Quarterly results';
  const post = await publish(server, {
    title,
    url: 'https://example.com/q3',
    variants: { linkedin: ['Our Q3 results are out.'], x: ['Q3 results are out.'] },
  });
  const popup = await openPopup();
  await enroll(popup, server);
  const card = postCard(popup, title);
  await expect(card).toBeVisible();

  await server.close(); // keeps the database
  await popup.getByRole('button', { name: 'Sync now' }).click();
  await expect(popup.getByRole('status')).toContainText('Offline — showing saved posts');

  // Facebook shares count on the click (LinkedIn and X ones once the post is published there).
  const opened = context.waitForEvent('page');
  await shareFromCard(card, 'Facebook');
  const intentPage = await opened;
  await intentPage.waitForURL(/^https:/);
  expect(new URL(intentPage.url()).hostname).toBe('www.facebook.com');
  await intentPage.close();
  await expect(popup.getByText(/\b1 shares? waiting to be sent/)).toBeVisible();

  const back = await restartServer();
  expect(back.url).toBe(server.url);
  await popup.getByRole('button', { name: 'Sync now' }).click();

  // Sync now sends at once: well before the failed attempt's backoff (about 5 s) would retry.
  await expect.poll(() => countShares(back, post.id), { timeout: 2_000 }).toBe(1);
  await expect(popup.getByText(/shares? waiting to be sent/)).toBeHidden();

  // Syncing again sends nothing twice.
  await popup.getByRole('button', { name: 'Sync now' }).click();
  await expect(popup.getByRole('status')).not.toContainText('Offline');
  await popup.waitForTimeout(2_000);
  expect(await countShares(back, post.id)).toBe(1);
});

test('the popup opens on the list it showed last, then takes what changed while it was closed; signing out forgets that list', async ({
  server,
  openPopup,
}) => {
  const kept = await publish(server, {
    title: 'Withdrawn while closed',
    url: 'https://example.com/withdrawn',
    variants: { linkedin: ['Soon withdrawn.'] },
  });
  const popup = await openPopup();
  await enroll(popup, server);
  await expect(postCard(popup, kept.title)).toBeVisible();
  await expect.poll(() => popup.evaluate(() => localStorage.getItem('relay:popup-snapshot'))).toContain(kept.title);
  await popup.close();

  // While the popup is closed, the admin withdraws that post and publishes another one.
  const withdrawn = await server.call(`/v1/admin/content/${kept.id}`, {
    method: 'DELETE',
    token: await server.adminToken(),
  });
  expect(withdrawn.status).toBe(200);
  const fresh = await publish(server, {
    title: 'Published while closed',
    url: 'https://example.com/fresh',
    variants: { linkedin: ['Just out.'] },
  });

  const again = await openPopup();
  const card = postCard(again, fresh.title);
  await expect(card).toBeVisible({ timeout: 5_000 });
  await expect(card.getByText('New', { exact: true })).toBeVisible();
  await expect(postCard(again, kept.title)).toHaveCount(0);
  // The list was drawn from the kept snapshot, before the background's first answer came back.
  const marks = await again.evaluate(() => ({
    render: performance.getEntriesByName('relay:first-render')[0]?.startTime ?? null,
    answer: performance.getEntriesByName('relay:first-answer')[0]?.startTime ?? null,
  }));
  expect(marks.render).not.toBeNull();
  expect(marks.answer).not.toBeNull();
  expect(marks.render!).toBeLessThan(marks.answer!);

  await signOut(again);
  await expect(again.getByRole('button', { name: 'Connect' })).toBeVisible();
  expect(await again.evaluate(() => localStorage.getItem('relay:popup-snapshot'))).toBeNull();
  await again.close();

  // Signed out, the next popup shows the setup form and never a list.
  const signedOut = await openPopup();
  await expect(signedOut.getByRole('button', { name: 'Connect' })).toBeVisible();
  expect(await signedOut.evaluate(() => performance.getEntriesByName('relay:first-render').length)).toBe(0);
  await expect(signedOut.getByRole('article')).toHaveCount(0);
});
