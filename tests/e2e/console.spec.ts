/**
 * The admin console (console/, built by global-setup.ts) in real Chromium against the real API:
 * sign-in and the restored session, the first-run guide, guidelines and scoring editors, composing
 * a post with several variants per network and its live previews and guideline hints, publishing
 * to an already-connected extension, invites and advocates, and analytics after a share. Every
 * screen is checked with axe (no serious or critical violations, light and dark), and the page
 * must never trip its Content-Security-Policy.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { ProblemError } from '../../server/problem';
import type { LinkPreviewer } from '../../server/services/link-preview/fetch';
import { ADMIN_EMAIL, ADMIN_PASSWORD, type TestServer } from '../helpers/server';
import { countShares, enroll, expect, postCard, shareFromCard, test } from './fixtures';
import { expectAccessible } from './accessibility';

interface ConsolePage {
  page: Page;
  /** Content-Security-Policy violations and uncaught errors the page reported. */
  problems: string[];
}

async function openConsole(context: BrowserContext, server: TestServer): Promise<ConsolePage> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (apply|execute|load)/i.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  await page.goto(`${server.url}/admin`);
  return { page, problems };
}

async function signIn(page: Page): Promise<void> {
  await page.getByLabel('Email').fill(ADMIN_EMAIL);
  await page.getByLabel('Password').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

function nav(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
}

/** The focused element is the screen's heading (focus management on route changes). */
async function expectHeadingFocused(page: Page, name: string): Promise<void> {
  const heading = page.getByRole('heading', { level: 1, name, exact: true });
  await expect(heading).toBeVisible();
  await expect(heading).toBeFocused();
}

/** Link previews without the network: Lisbon has one, anything else can't be reached. */
function stubPreviews(server: TestServer): LinkPreviewer {
  const stub = {
    async preview(url: string) {
      if (!url.includes('lisbon')) throw new ProblemError(502, 'example.com: we couldn’t find that site.');
      return {
        url,
        title: 'Lisbon office opens',
        description: 'Northwind opens its third office.',
        imageUrl: `${server.url}/admin/lisbon-missing.jpg`,
        siteName: 'Northwind',
      };
    },
  };
  return stub as unknown as LinkPreviewer;
}

test('signs in and out; the session survives a reload; first run shows the guide', async ({ context, server }) => {
  const { page, problems } = await openConsole(context, server);

  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expectAccessible(page, 'sign-in');

  // Wrong password: a clear alert, still signed out.
  await page.getByLabel('Email').fill(ADMIN_EMAIL);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('do not match');

  await signIn(page);
  await expectHeadingFocused(page, 'Welcome to Relay');
  await expect(page.getByText('There is no content yet.')).toBeVisible();
  for (const step of ['Create your first post', 'Invite advocates', 'Set your guidelines']) {
    await expect(page.getByRole('heading', { level: 3, name: step })).toBeVisible();
  }
  await expectAccessible(page, 'first-run');

  // The session is restored from the cookie on reload.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Relay' })).toBeVisible();
  await expect(page.getByText(ADMIN_EMAIL)).toBeVisible();

  // Keyboard: the skip link is the first stop and moves focus to the main content.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();

  // The theme switch overrides the system's choice, and is remembered.
  await page.getByRole('group', { name: 'Theme' }).getByText('Dark').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expectAccessible(page, 'first-run, dark theme chosen');
  await page.getByRole('group', { name: 'Theme' }).getByText('System').click();
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);

  // The guide's first step leads to the editor.
  await page.getByRole('link', { name: 'Create a post' }).click();
  await expectHeadingFocused(page, 'New post');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  expect(problems).toEqual([]);
});

test('compose with variants, previews and hints; publish reaches the open popup; a share shows in analytics', async ({
  context,
  server,
  openPopup,
}) => {
  test.setTimeout(180_000);
  // The advocate's extension is connected and its popup open before anything is published.
  const popup = await openPopup();
  await enroll(popup, server, 'Ada Advocate');

  server.deps.linkPreview = stubPreviews(server);
  const { page, problems } = await openConsole(context, server);
  await signIn(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Relay' })).toBeVisible();

  // Guidelines: the disclosure #employee on LinkedIn and X, and a banned phrase with its reason.
  await nav(page, 'Guidelines').click();
  await expectHeadingFocused(page, 'Guidelines');
  await page.getByLabel('Require a disclosure in every post').check();
  await expect(page.getByLabel('Disclosure text')).toHaveValue('#employee');
  await page.getByRole('button', { name: 'Add banned term' }).click();
  const term = page.getByRole('group', { name: 'Banned term 1' });
  await expect(term.getByLabel('Word or phrase')).toBeFocused();
  // The reason is missing: the schema's error is shown and nothing is saved.
  await term.getByLabel('Word or phrase').fill('guaranteed returns');
  await page.getByRole('button', { name: 'Save guidelines' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Fix this before saving' })).toContainText(
    'Banned term 1, reason',
  );
  await term.getByLabel('Reason').fill('Never promise returns: it breaks financial promotion rules.');
  await page.getByLabel('Daily share cap').fill('600');
  await page.getByRole('button', { name: 'Save guidelines' }).click();
  await expect(page.getByRole('spinbutton', { name: 'Daily share cap' })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#guidelines-dailyShareCap-error')).toHaveText('Error: Must be at most 500.');
  await page.getByLabel('Daily share cap').fill('5');
  await page.getByRole('button', { name: 'Save guidelines' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Guidelines saved' })).toBeVisible();
  await expectAccessible(page, 'guidelines');

  // Scoring: the levels must increase; the schema says so before the server is asked.
  await nav(page, 'Scoring').click();
  await expectHeadingFocused(page, 'Scoring');
  await expect(page.getByLabel('Show points, levels, badges and the leaderboard')).toBeChecked();
  await page.getByLabel('Points per Facebook share').fill('0');
  await page.getByRole('group', { name: 'Level 2' }).getByLabel('From points').fill('0');
  await page.getByRole('button', { name: 'Save scoring rules' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Fix this before saving' })).toContainText(
    'Level 2, from points: Levels must be in increasing order',
  );
  await page.getByRole('group', { name: 'Level 2' }).getByLabel('From points').fill('40');
  await page.getByRole('button', { name: 'Save scoring rules' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Scoring rules saved' })).toBeVisible();
  await expectAccessible(page, 'scoring');

  // Compose.
  await nav(page, 'New post').click();
  await expectHeadingFocused(page, 'New post');
  // Nothing filled in: the shared schema's errors, each next to its field.
  await page.getByRole('button', { name: 'Save draft' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'problems before saving' });
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Title: A title is required.');
  await expect(summary).toContainText('URL: Must be an absolute http(s) URL.');
  await expect(summary).toContainText('LinkedIn variant 1: A variant cannot be empty.');

  // Leaving the URL field asks the server for a preview of the page (stubbed: nothing leaves the machine).
  const title = 'Relay opens in Lisbon';
  await page.getByLabel('URL', { exact: true }).fill('https://example.com/lisbon');
  await page.getByLabel('Note for advocates').focus();
  await expect(page.getByText('Page found')).toBeVisible();
  const card = page.getByRole('figure', { name: 'LinkedIn preview, variant 1' });
  await expect(card).toContainText('Lisbon office opens');
  await expect(page.getByLabel('Title')).toHaveValue('Lisbon office opens'); // it was empty
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Note for advocates').fill('Say what you worked on, if anything.');
  await page.getByLabel('Tags').fill('launch, lisbon');

  await page.getByLabel('LinkedIn variant 1', { exact: true }).fill('We just opened our Lisbon office! #employee');
  await page.getByRole('button', { name: 'Add LinkedIn variant' }).click();
  await expect(page.getByLabel('LinkedIn variant 2', { exact: true })).toBeFocused();
  await page.getByLabel('LinkedIn variant 2', { exact: true }).fill('Lisbon, here we come: {link} guaranteed returns');
  // The guideline checks the extension runs: the banned phrase and its reason; the disclosure is added, not asked for.
  const linkedIn2Checks = page.getByRole('list', { name: 'Guideline checks for LinkedIn variant 2' });
  await expect(linkedIn2Checks).not.toContainText('add "#employee"');
  await expect(linkedIn2Checks).toContainText('Avoid "guaranteed returns": Never promise returns');
  await expect(page.locator('#compose-variants-linkedin-0-checks')).toContainText('Meets the guidelines.');
  // The preview beside the text shows the variant being edited, with the sample tracked link.
  await expect(page.getByRole('figure', { name: 'LinkedIn preview, variant 2' })).toContainText(
    'Lisbon, here we come:',
  );
  await page.getByLabel('LinkedIn variant 1', { exact: true }).focus();
  const linkedInPreview = page.getByRole('figure', { name: 'LinkedIn preview, variant 1' });
  await expect(linkedInPreview).toContainText('We just opened our Lisbon office! #employee');
  await expect(linkedInPreview).toContainText('https://relay.example.com/r/'); // the server is at an IP address here
  await page.getByRole('tab', { name: /^X/ }).click();
  await page.getByLabel('X variant 1', { exact: true }).fill('Lisbon office open! #employee {link}');
  await page.getByRole('button', { name: 'Add X variant' }).click();
  await page.getByLabel('X variant 2', { exact: true }).fill('Our Lisbon office is open, come say hi');
  // As advocates get it: the disclosure added where it fits.
  await expect(page.getByRole('figure', { name: 'X preview, variant 2' })).toContainText('come say hi #employee');
  // X's weighted counter, as advocates get it: 38 characters, " #employee" added (10), a space, the link as 23.
  await expect(page.locator('#compose-variants-x-1-counter')).toContainText('72 / 280');
  await expect(page.locator('#compose-variants-x-1-checks')).toContainText('Meets the guidelines.');
  await page.getByRole('group', { name: 'X variant shown' }).getByRole('button', { name: 'Variant 1' }).click();
  await expect(page.getByRole('figure', { name: 'X preview, variant 1' })).toContainText('Lisbon office open!');
  await page.getByRole('tab', { name: /^LinkedIn/ }).click();
  await page.getByLabel('LinkedIn variant 2', { exact: true }).fill('Lisbon, here we come: {link} #employee');
  await expect(page.locator('#compose-variants-linkedin-1-checks')).toContainText('Meets the guidelines.');
  await expectAccessible(page, 'compose');

  // Save as a draft first: the editor moves to the post's own address.
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Draft saved.' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit post' })).toBeVisible();
  const id = decodeURIComponent(new URL(page.url()).hash.replace('#/content/', ''));
  expect(id).not.toBe('');
  const stored = await (await server.call(`/v1/admin/content/${id}`, { token: await server.adminToken() })).json();
  expect(stored).toMatchObject({
    title,
    status: 'draft',
    tags: ['launch', 'lisbon'],
    networks: ['linkedin', 'x', 'facebook'],
    variants: {
      linkedin: ['We just opened our Lisbon office! #employee', 'Lisbon, here we come: {link} #employee'],
      // The admin's text as written: the disclosure is added on the way to advocates.
      x: ['Lisbon office open! #employee {link}', 'Our Lisbon office is open, come say hi'],
    },
  });
  await expect(postCard(popup, title)).toHaveCount(0);

  // Publish: the already-open popup gets it within seconds, without being reopened.
  await page.getByRole('button', { name: 'Publish now' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Published' })).toBeVisible();
  await expect(postCard(popup, title)).toBeVisible({ timeout: 5_000 });

  // The content list: status filters, search and quick actions.
  await nav(page, 'Content').click();
  await expectHeadingFocused(page, 'Content');
  const row = page.getByRole('row').filter({ hasText: title });
  await expect(row).toContainText('Live');
  await page.getByRole('button', { name: 'Draft', exact: true }).click();
  await expect(page.getByText('No draft posts.')).toBeVisible();
  await page.getByRole('button', { name: 'Live', exact: true }).click();
  await expect(row).toBeVisible();
  await page.getByLabel('Search content').fill('nothing like this');
  await expect(page.getByText('match “nothing like this”')).toBeVisible();
  await page.getByLabel('Search content').fill('lisbon');
  await expect(row).toBeVisible();
  await expectAccessible(page, 'content list');
  await page.getByRole('button', { name: 'All', exact: true }).click();

  // A second post, published and archived from the list. Its page has no preview: said politely.
  await page.getByRole('link', { name: 'New post' }).first().click();
  await page.getByLabel('URL', { exact: true }).fill('https://example.com/porto');
  await page.getByLabel('Title').focus();
  await expect(
    page.getByText('We couldn’t fetch a preview of this page (example.com: we couldn’t find that site'),
  ).toBeVisible();
  await page.getByLabel('Title').fill('Porto next');
  await page.getByLabel('LinkedIn variant 1', { exact: true }).fill('Porto is next #employee');
  await page.getByLabel('Facebook').uncheck();
  await page.getByLabel('X', { exact: true }).uncheck();
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Draft saved.' })).toBeVisible();
  await nav(page, 'Content').click();
  const porto = page.getByRole('row').filter({ hasText: 'Porto next' });
  await expect(porto).toContainText('Draft');
  await porto.getByRole('button', { name: 'Publish' }).click();
  await expect(porto).toContainText('Live');
  await expect(postCard(popup, 'Porto next')).toBeVisible({ timeout: 5_000 });
  await porto.getByRole('button', { name: 'Archive' }).click();
  await expect(porto).toContainText('Archived');
  await expect(postCard(popup, 'Porto next')).toHaveCount(0, { timeout: 5_000 });

  // The advocate shares on Facebook (counted on the click).
  const opened = context.waitForEvent('page');
  await shareFromCard(postCard(popup, title), 'Facebook');
  await (await opened).waitForURL(/^https:\/\/www\.facebook\.com\//);
  await expect.poll(() => countShares(server, id), { timeout: 10_000 }).toBe(1);

  // Analytics shows it.
  await nav(page, 'Analytics').click();
  await expectHeadingFocused(page, 'Analytics');
  await expect(page.getByTestId('total-shares')).toHaveText('1');
  await expect(page.getByTestId('active-installs')).toHaveText('1');
  await expect(page.getByRole('table').filter({ hasText: 'Network' })).toContainText('Facebook');
  await expect(page.locator('section', { has: page.getByRole('heading', { name: 'Top content' }) })).toContainText(
    title,
  );
  await expect(page.locator('section', { has: page.getByRole('heading', { name: 'Top advocates' }) })).toContainText(
    'Ada Advocate',
  );
  await expect(page.locator('.chart canvas').first()).toBeVisible();
  const csvHref = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
  expect(csvHref).toMatch(/^\/v1\/admin\/analytics\.csv\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/);
  const csv = await page.request.get(`${server.url}${csvHref}`);
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toMatch(/^date,shares,clicks/);
  await expectAccessible(page, 'analytics');

  // Invites and advocates.
  await nav(page, 'Invites & advocates').click();
  await expectHeadingFocused(page, 'Invites & advocates');
  const advocates = page.locator('section', { has: page.getByRole('heading', { name: 'Advocates', exact: true }) });
  const ada = advocates.getByRole('row').filter({ hasText: 'Ada Advocate' });
  await expect(ada).toContainText(/just now|minutes? ago/); // the last sync
  const cells = { Access: 'Active', Shares: '1', 'Signed in with': 'Invite code', Browsers: '1' };
  for (const [label, text] of Object.entries(cells))
    await expect(ada.locator(`td[data-label="${label}"]`)).toHaveText(text);
  // Custom limits: most uses and expiry typed.
  await page.getByLabel('Custom').check();
  await page.getByLabel('Most uses').fill('5');
  await page.getByRole('button', { name: 'Create invite' }).click();
  const created = page.locator('.new-invite code.code--large');
  await expect(created).toHaveText(/\S+/);
  const code = (await created.textContent()) ?? '';
  // The invitation says what to type, under the extension's own labels.
  const invitation = `Open the Relay browser extension and connect with:\nServer URL: ${server.url}\nInvite code: ${code}`;
  await expect(page.locator('.invite-text')).toContainText(`Server URL: ${server.url}`);
  await expect(page.locator('.invite-text')).toContainText(`Invite code: ${code}`);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await page.getByRole('button', { name: 'Copy invitation' }).first().click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied the invitation' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(invitation);
  // The code is shown this once; the list names the invite by its first group, and it expires in 30 days.
  await expect(page.locator('.new-invite')).toContainText('this code will not be shown again');
  const hint = `${code.slice(0, 4)}-…`;
  const inviteRow = page.getByRole('row').filter({ hasText: hint });
  await expect(inviteRow).toContainText('0 of 5');
  await expect(inviteRow).not.toContainText(code);
  await expect(inviteRow).not.toContainText('Never');
  await expectAccessible(page, 'invites and advocates');
  // An invite that never expires, when the admin asks for one.
  await page.getByLabel('Never expires').check();
  await expect(page.getByLabel('Expires at')).toBeDisabled();
  await page.getByRole('button', { name: 'Create invite' }).click();
  await expect(created).not.toHaveText(code);
  const lasting = (await created.textContent()) ?? '';
  await expect(page.getByRole('row').filter({ hasText: `${lasting.slice(0, 4)}-…` })).toContainText('Never');
  await inviteRow.getByRole('button', { name: `Revoke invite ${hint}` }).click();
  await expect(inviteRow).toContainText('Revoked');
  const enrol = await server.call('/v1/enroll', { method: 'POST', json: { code, name: 'Late Larry' } });
  expect(enrol.status).toBe(410);

  expect(problems).toEqual([]);
});

test("the server's 422 errors land on the fields they name", async ({ context, server }) => {
  const { page } = await openConsole(context, server);
  await signIn(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Relay' })).toBeVisible();
  await page.getByRole('link', { name: 'Invites & advocates', exact: true }).click();
  await page.getByLabel('Custom').check();
  // A time in the past passes the schema (it is a date-time) but not the server (it must be in the future).
  await page.route('**/v1/admin/invites', (route) =>
    route.request().method() === 'POST'
      ? route.fulfill({
          status: 422,
          contentType: 'application/problem+json',
          body: JSON.stringify({
            type: 'https://relay.invalid/problems/validation',
            title: 'Unprocessable Content',
            status: 422,
            detail: 'expiresAt must be in the future.',
            errors: [{ path: 'expiresAt', message: 'must be in the future' }],
          }),
        })
      : route.continue(),
  );
  await page.getByRole('button', { name: 'Create invite' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Fix this to create the invite' })).toContainText(
    'Expires at: Must be in the future.',
  );
  const field = page.getByLabel('Expires at');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', { name: 'Expires at: Must be in the future.' }).click();
  await expect(field).toBeFocused();
});
