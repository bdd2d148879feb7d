/**
 * "Sign in with your work account" and zero-touch enrolment in real Chromium against the real API
 * and the real test IdP (oidc-provider on loopback): Chromium's own launchWebAuthFlow window shows
 * the IdP's login page; a force-installed copy of the extension with a policy (serverUrl, signIn
 * "sso") enrols a fresh profile with no click when the profile is signed in at the IdP, and shows
 * exactly one button when it is not; an advocate the company deprovisions (SCIM), or an admin
 * removes, is signed out within 5 s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { startTestIdp, type TestIdp } from '../helpers/oidc-provider';
import { startSsoServer } from '../helpers/sso';
import type { TestServer } from '../helpers/server';
import { expectAccessible } from './accessibility';
import { CHROMIUM_FLAGS, chromiumArgs, chromiumExecutable, extensionDir } from './chromium';
import { test as base, expect, postCard, publish } from './fixtures';
import { managedExtension } from './managed-extension';

const test = base.extend<{ idp: TestIdp }>({
  // eslint-disable-next-line no-empty-pattern
  idp: async ({}, use) => {
    const idp = await startTestIdp();
    try {
      await use(idp);
    } finally {
      await idp.close();
    }
  },
  // The API with sign-in through the test IdP.
  server: async ({ idp }, use) => {
    const server = await startSsoServer(idp);
    try {
      await use(server);
    } finally {
      await server.stop();
    }
  },
});

const SIGN_IN = 'Sign in with your work account';

async function publishNews(server: TestServer, title: string) {
  return publish(server, {
    title,
    url: `https://example.com/${encodeURIComponent(title)}`,
    variants: { linkedin: [`${title} {link}`], x: [title] },
  });
}

/** Types `username` and its password on the test IdP's login page and submits it. */
async function signInAtIdp(page: Page, username: 'ada' | 'grace') {
  await expect(page.getByRole('heading', { name: 'Sign in to your work account' })).toBeVisible();
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(`${username}-password`);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Chromium on `profile` with `extension` loaded, nothing but loopback reachable (as the fixtures' context). */
async function launch(profile: string, extension: string | null): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumExecutable(),
    headless: true,
    args: extension ? chromiumArgs(extension) : [...CHROMIUM_FLAGS],
  });
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
    return !url.protocol.startsWith('http') || loopback ? route.continue() : route.abort('blockedbyclient');
  });
  return context;
}

async function workerOf(context: BrowserContext, id: string): Promise<Worker> {
  const ours = (worker: Worker) => worker.url().startsWith(`chrome-extension://${id}/`);
  return context.serviceWorkers().find(ours) ?? (await context.waitForEvent('serviceworker', { predicate: ours }));
}

/** How many browsers hold a token from a work-account sign-in. */
async function ssoTokens(server: TestServer): Promise<number> {
  const row = await server.deps.db
    .selectFrom('advocate_tokens')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('via', '=', 'sso')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

test('a fresh profile: "Sign in with your work account" opens the IdP’s login page, and the popup shows the synced posts', async ({
  context,
  server,
  idp,
  openPopup,
}) => {
  await publishNews(server, 'Robots at the fair');
  const popup = await openPopup();
  // No policy here: the person types the server, which offers work accounts (and invite codes).
  await popup.getByLabel('Server URL').fill(server.url);
  const button = popup.getByRole('button', { name: SIGN_IN });
  await expect(button).toBeVisible();
  await expect(popup.getByText('or use an invite code', { exact: true })).toBeVisible();

  const [login] = await Promise.all([context.waitForEvent('page'), button.click()]);
  // Chromium's launchWebAuthFlow window, a page of this profile as Playwright sees it.
  expect(new URL(login.url()).origin).toBe(idp.issuer);
  await signInAtIdp(login, 'ada');

  await expect(postCard(popup, 'Robots at the fair')).toBeVisible({ timeout: 10_000 });
  await expect.poll(() => login.isClosed()).toBe(true);
  expect(idp.logins).toEqual(['ada']);
  expect(await ssoTokens(server)).toBe(1);
  // Nobody typed a name: it is the IdP's.
  await expect(popup.getByText('Ada Lovelace')).toBeVisible();
});

test.describe('zero-touch by policy (serverUrl and signIn "sso")', () => {
  test('with an IdP session, a fresh profile ends enrolled with the posts and no click in the extension', async ({
    server,
    idp,
  }) => {
    await publishNews(server, 'Quarterly results');
    const managed = managedExtension(extensionDir(), { serverUrl: server.url, signIn: 'sso' });
    const profile = mkdtempSync(join(tmpdir(), 'relay-e2e-zero-touch-'));
    try {
      // The person signed in to another of the company's apps in this profile (here Relay's console).
      const before = await launch(profile, null);
      const tab = await before.newPage();
      await tab.goto(`${server.url}/v1/sso/start?for=console`);
      await signInAtIdp(tab, 'ada');
      await tab.waitForURL(`${server.url}/admin/**`);
      await before.close();

      // IT force-installs Relay: it signs in by itself on install (a silent flow: no window).
      const context = await launch(profile, managed.dir);
      try {
        const opened: string[] = [];
        context.on('page', (page) => opened.push(page.url()));
        await workerOf(context, managed.id);
        await expect.poll(() => ssoTokens(server), { timeout: 10_000 }).toBe(1);
        expect(opened).toEqual([]);
        expect(idp.logins).toEqual(['ada']); // the console's sign-in only

        const popup = await context.newPage();
        await popup.goto(`chrome-extension://${managed.id}/popup.html`);
        await expect(postCard(popup, 'Quarterly results')).toBeVisible({ timeout: 10_000 });
        await expect(popup.getByRole('button', { name: SIGN_IN })).toHaveCount(0);
      } finally {
        await context.close();
      }
    } finally {
      managed.dispose();
      rmSync(profile, { recursive: true, force: true });
    }
  });

  test('without one, the popup shows exactly the one button, no invite form; one sign-in ends with the posts', async ({
    server,
    idp,
  }) => {
    await publishNews(server, 'New office');
    const managed = managedExtension(extensionDir(), { serverUrl: server.url, signIn: 'sso' });
    const profile = mkdtempSync(join(tmpdir(), 'relay-e2e-zero-touch-'));
    const context = await launch(profile, managed.dir);
    try {
      await workerOf(context, managed.id);
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${managed.id}/popup.html`);
      const button = popup.getByRole('button', { name: SIGN_IN });
      // The silent try as the popup opens ends quietly, and the button is back.
      await expect(button).toBeEnabled({ timeout: 10_000 });
      await expect(popup.getByRole('button')).toHaveCount(1);
      await expect(popup.getByLabel('Invite code')).toHaveCount(0);
      await expect(popup.getByLabel('Server URL')).toHaveCount(0);
      await expect(popup.getByText(server.url)).toBeVisible();
      await expect(popup.getByRole('alert')).toHaveCount(0);
      // No window opened by itself (the install's and the popup's silent tries).
      expect(context.pages().filter((page) => page !== popup && page.url() !== 'about:blank')).toEqual([]);
      expect(await ssoTokens(server)).toBe(0);
      await expectAccessible(popup, 'the work-account setup screen');

      const [login] = await Promise.all([context.waitForEvent('page'), button.click()]);
      await signInAtIdp(login, 'grace');
      await expect(postCard(popup, 'New office')).toBeVisible({ timeout: 10_000 });
      expect(idp.logins).toEqual(['grace']);
    } finally {
      await context.close();
      managed.dispose();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});

test('a SCIM deactivation (Entra ID’s request) signs the open popup out, and clears the browser, within 5 s', async ({
  context,
  server,
  openPopup,
}) => {
  // The company's IdP provisions Grace over SCIM (with a token an admin made), then she signs in.
  const scimToken = await server.call('/v1/admin/scim-tokens', {
    method: 'POST',
    json: { label: 'Entra ID' },
    token: await server.adminToken(),
  });
  expect(scimToken.status).toBe(201);
  const { token } = (await scimToken.json()) as { token: string };
  const scim = (method: string, path: string, body: unknown) =>
    server.call(`/scim/v2${path}`, {
      method,
      token,
      headers: { 'content-type': 'application/scim+json', accept: 'application/scim+json' },
      body: JSON.stringify(body),
    });
  const provisioned = await scim('POST', '/Users', {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
    userName: 'grace@example.com',
    externalId: 'u-grace',
    name: { givenName: 'Grace', familyName: 'Hopper' },
    emails: [{ value: 'grace@example.com', type: 'work', primary: true }],
    active: true,
  });
  expect(provisioned.status).toBe(201);
  const { id } = (await provisioned.json()) as { id: string };

  await publishNews(server, 'Team offsite');
  const popup = await openPopup();
  await popup.getByLabel('Server URL').fill(server.url);
  const [login] = await Promise.all([
    context.waitForEvent('page'),
    popup.getByRole('button', { name: SIGN_IN }).click(),
  ]);
  await signInAtIdp(login, 'grace');
  await expect(postCard(popup, 'Team offsite')).toBeVisible({ timeout: 10_000 });
  // The sign-in reached the advocate SCIM made.
  const linked = await server.deps.db
    .selectFrom('advocates')
    .select('id')
    .where('subject', '=', 'u-grace')
    .executeTakeFirstOrThrow();
  expect(linked.id).toBe(id);

  const started = Date.now();
  const deactivated = await scim('PATCH', `/Users/${id}`, {
    schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
    Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
  });
  expect(deactivated.status).toBe(200);
  const notice = popup.getByRole('alert');
  await expect(notice).toContainText('Your company ended your access to Relay', { timeout: 5_000 });
  expect(Date.now() - started).toBeLessThan(5_000);
  await expect(notice).not.toContainText(/invite/i);
  await expect(postCard(popup, 'Team offsite')).toHaveCount(0);
});

test('removed by an admin: signed out within 5 s, told to sign in with the work account again, never sent for an invite code', async ({
  context,
  server,
  openPopup,
}) => {
  await publishNews(server, 'Team offsite');
  const popup = await openPopup();
  await popup.getByLabel('Server URL').fill(server.url);
  const [login] = await Promise.all([
    context.waitForEvent('page'),
    popup.getByRole('button', { name: SIGN_IN }).click(),
  ]);
  await signInAtIdp(login, 'ada');
  await expect(postCard(popup, 'Team offsite')).toBeVisible({ timeout: 10_000 });
  const advocate = await server.deps.db
    .selectFrom('advocates')
    .select('id')
    .where('subject', '=', 'u-ada')
    .executeTakeFirstOrThrow();
  const started = Date.now();
  const removed = await server.call(`/v1/admin/advocates/${advocate.id}`, {
    method: 'DELETE',
    token: await server.adminToken(),
  });
  expect(removed.status).toBe(200);
  const notice = popup.getByRole('alert');
  await expect(notice).toContainText('Your access to Relay was removed', { timeout: 5_000 });
  expect(Date.now() - started).toBeLessThan(5_000);
  await expect(notice).toContainText('sign in with your work account again');
  await expect(notice).not.toContainText(/invite/i);
  await expect(postCard(popup, 'Team offsite')).toHaveCount(0);
});
