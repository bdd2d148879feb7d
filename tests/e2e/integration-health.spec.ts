/**
 * Issue 18's bar, end to end in Chromium: LinkedIn ships a release that renames its editor's
 * markup (the fixture's `?release=renamed-editor`, sites/lib/site-release.js). Relay then finds no
 * composer in the open share box; the extension counts it, and the console's Site integration
 * screen says LinkedIn's composers are not recognised. An admin saves a selector override for the
 * editor in the console; with no rebuild and no reload of the extension or the page, the open share
 * box gets Relay again, a suggested post is inserted and published, and the insertion and the
 * publish are counted.
 */
import type { Page } from '@playwright/test';
import type { AdminHealthResponse, HealthCounts } from '../../lib/schemas';
import type { TestServer } from '../helpers/server';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../helpers/server';
import {
  expectOneShare,
  insertRelease,
  openComposer,
  panelItem,
  RELEASE,
  setUpProgramme,
  suggestedButton,
} from './composer-helpers';
import { linkedinOld } from './composers';
import { expect, test } from './fixtures';
import { publishedPosts } from './sites';

const RENAMED_EDITOR = '#artdeco-modal-outlet [data-share-editor="true"]';
const OVERRIDE = '[data-share-editor="true"][contenteditable="true"]';

/** Today's LinkedIn counts on the server, added over versions. */
async function linkedinToday(server: TestServer): Promise<HealthCounts | null> {
  const response = await server.call('/v1/admin/integration-health', { token: await server.adminToken() });
  const { rows, today } = (await response.json()) as AdminHealthResponse;
  const mine = rows.filter((row) => row.site === 'linkedin' && row.day === today);
  if (mine.length === 0) return null;
  return mine.reduce(
    (sum, row) =>
      Object.fromEntries(
        Object.entries(sum).map(([key, value]) => [key, value + row.counts[key as keyof HealthCounts]]),
      ) as HealthCounts,
    Object.fromEntries(Object.keys(mine[0]!.counts).map((key) => [key, 0])) as HealthCounts,
  );
}

async function signInToConsole(page: Page, server: TestServer): Promise<void> {
  await page.goto(`${server.url}/admin`);
  await page.getByLabel('Email').fill(ADMIN_EMAIL);
  await page.getByLabel('Password').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('button', { name: /^(Sign out|Menu)$/ })).toBeVisible();
}

test.use({ sites: linkedinOld.sites });

test('a renamed editor is counted, shown in the console, and fixed by an override with no reload', async ({
  context,
  server,
  openPopup,
  serviceWorker,
}) => {
  test.setTimeout(120_000);
  const { release } = await setUpProgramme(server, openPopup);

  // LinkedIn's new release: the share box opens, its editor renamed.
  const page = await context.newPage();
  await page.goto('https://www.linkedin.com/feed/?release=renamed-editor');
  await linkedinOld.open(page);
  const editor = page.locator(RENAMED_EDITOR);
  await expect(editor).toBeVisible();
  await expect(page.locator('#artdeco-modal-outlet [data-test-ql-editor-contenteditable]')).toHaveCount(0);

  // Relay finds no composer there; the extension counts the composer it could not recognise.
  await expect
    .poll(async () => (await linkedinToday(server))?.composersUnmatched ?? 0, {
      timeout: 20_000,
      message: 'composers not recognised, counted on the server',
    })
    .toBeGreaterThan(0);
  await expect(suggestedButton(page)).toHaveCount(0);
  expect((await linkedinToday(server))!.composersSeen).toBe(0);

  // The console says so, in plain words.
  const admin = await context.newPage();
  await signInToConsole(admin, server);
  await admin.goto(`${server.url}/admin#/integration`);
  const status = admin.getByTestId('health-status-linkedin');
  await expect(status).toHaveText(/^LinkedIn: composers not recognised since \w{3} \d{1,2} \w{3}$/);
  await expect(admin.getByTestId('health-status-x')).toHaveText('X: no data');

  // The admin overrides LinkedIn's editor selector in the console.
  const overrides = admin.getByRole('group', { name: 'LinkedIn' });
  await overrides.getByLabel('editor', { exact: true }).fill(OVERRIDE);
  await admin.getByRole('button', { name: 'Save overrides' }).click();
  await expect(admin.getByText('Saved. Open LinkedIn and X pages use them within seconds.')).toBeVisible();

  // No rebuild, no reload: the open share box gets Relay, and a suggested post goes in and out.
  await expect(suggestedButton(page), 'Relay in the open share box after the override').toHaveCount(1, {
    timeout: 15_000,
  });
  const composer = { ...linkedinOld, editor: () => editor };
  const inserted = await insertRelease(page, composer);
  await linkedinOld.postButton(page).click();
  await expect(linkedinOld.success(page)).toBeVisible();
  expect(await publishedPosts(page)).toEqual([inserted]);
  await expectOneShare(server, serviceWorker, release!.id, 'linkedin', { source: 'composer' });

  await expect
    .poll(async () => await linkedinToday(server), { timeout: 20_000, message: 'counts after the fix' })
    .toMatchObject({
      composersSeen: expect.any(Number),
      insertionsConfirmed: 1,
      insertionsFailed: 0,
      publishesConfirmed: 1,
      overridesRefused: 0,
    });
  expect((await linkedinToday(server))!.composersSeen).toBeGreaterThan(0);

  // The console now calls LinkedIn healthy.
  await expect(async () => {
    await admin.reload();
    await expect(status).toHaveText('LinkedIn: healthy', { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
});

test('an override the extension refuses (invalid CSS) is counted for the admin', async ({
  context,
  server,
  openPopup,
}) => {
  await setUpProgramme(server, openPopup, { content: false });
  // Not CSS this browser parses; the server stores strings, the extension refuses it.
  const put = await server.call('/v1/admin/selectors', {
    method: 'PUT',
    token: await server.adminToken(),
    json: { linkedin: { editor: 'div[[broken' } },
  });
  expect(put.status).toBe(200);
  const page = await context.newPage();
  await expect(async () => {
    await page.goto('https://www.linkedin.com/feed/');
    await expect
      .poll(async () => (await linkedinToday(server))?.overridesRefused ?? 0, { timeout: 8_000 })
      .toBeGreaterThan(0);
  }).toPass({ timeout: 30_000 });
  // The built-in selectors still work: the composer is found.
  await linkedinOld.open(page);
  await expect(linkedinOld.editor(page)).toBeVisible();
  await expect
    .poll(async () => (await linkedinToday(server))?.composersSeen ?? 0, { timeout: 10_000 })
    .toBeGreaterThan(0);
});

test('an insertion is confirmed when the person clicks Post the moment it enables', async ({
  context,
  server,
  openPopup,
}) => {
  await setUpProgramme(server, openPopup);
  const page = await context.newPage();
  await openComposer(page, linkedinOld);
  // A quick person: Post is clicked within a few milliseconds of the site enabling it, which
  // disables it again at once (publishing). The extension must still see the site's yes.
  await page.evaluate(() => {
    const watch = setInterval(() => {
      const button = document.querySelector<HTMLButtonElement>(
        '#artdeco-modal-outlet button.share-actions__primary-action',
      );
      if (button && !button.disabled) {
        clearInterval(watch);
        button.click();
      }
    }, 1);
  });
  await suggestedButton(page).click();
  await panelItem(page, RELEASE.title).getByRole('button', { name: 'Insert' }).click();
  await expect(linkedinOld.success(page)).toBeVisible();
  await expect
    .poll(async () => await linkedinToday(server), { timeout: 20_000, message: 'the insertion counted' })
    .toMatchObject({ insertionsConfirmed: 1, insertionsFailed: 0, publishesConfirmed: 1 });
});
