/**
 * The console's "Sign in with your work account" in real Chromium, through the real test identity
 * provider's login page (tests/helpers/oidc-provider.ts): an admin (ada, in relay-admins) lands in
 * the console signed in; someone outside the admin group (grace) is told so, in words, and the
 * error leaves the address bar; with RELAY_PASSWORD_SIGNIN=off the password form is gone. Relay is
 * configured from RELAY_OIDC_* as in production, and reached as localhost while the provider is
 * 127.0.0.1, so the sign-in crosses sites as it does between a company's IdP and Relay.
 */
import type { Page } from '@playwright/test';
import { loadConfig } from '../../server/config';
import { startTestIdp, type TestIdp } from '../helpers/oidc-provider';
import { startTestServer, type TestServer } from '../helpers/server';
import { expectAccessible } from './accessibility';
import { expect, test } from './console-browser';
import { closedPort } from './fixtures';

interface Relay {
  server: TestServer;
  /** The console's address, as the browser reaches it. */
  url: string;
}

let idp: TestIdp;
const running: TestServer[] = [];

test.beforeEach(async () => {
  idp = await startTestIdp();
});

test.afterEach(async () => {
  for (const server of running.splice(0)) await server.stop();
  await idp.close();
});

/** Relay configured from the environment a company would set, its callback registered at the provider. */
async function startRelay(env: Record<string, string> = {}): Promise<Relay> {
  const port = await closedPort();
  const url = `http://localhost:${port}`;
  const config = loadConfig({
    RELAY_OIDC_ISSUER: idp.issuer,
    RELAY_OIDC_CLIENT_ID: idp.client.clientId,
    RELAY_OIDC_CLIENT_SECRET: idp.client.clientSecret ?? '',
    RELAY_OIDC_SCOPES: 'openid profile email groups',
    RELAY_OIDC_TEAM_CLAIM: 'department',
    RELAY_OIDC_ADMIN_GROUP: 'relay-admins',
    // The test server already has an admin, so a new work-account admin is an analyst unless a
    // role group says otherwise: ada's group makes her an owner, as a company would set it.
    RELAY_OIDC_ROLE_GROUPS: 'owner=relay-admins',
    ...env,
  });
  const server = await startTestServer({
    port,
    publicUrl: url,
    sso: config.sso,
    passwordSignIn: config.passwordSignIn,
  });
  running.push(server);
  idp.client.redirectUris.push(`${url}/v1/sso/callback`);
  return { server, url };
}

const workAccount = (page: Page) => page.getByRole('link', { name: 'Sign in with your work account' });

/** Signs in on the provider's own login page. */
async function idpLogin(page: Page, username: string, password: string): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Sign in to your work account' })).toBeVisible();
  expect(new URL(page.url()).origin).toBe(idp.issuer);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('an admin signs in with their work account, by keyboard, and lands in the console', async ({ page }) => {
  const relay = await startRelay();
  await page.goto(`${relay.url}/admin`);
  await expect(workAccount(page)).toBeVisible();
  await expect(workAccount(page)).toHaveAttribute('href', '/v1/sso/start?for=console');
  // Password sign-in is still offered, second.
  await expect(page.getByRole('heading', { name: 'or sign in with email and password' })).toBeVisible();
  await expect(page.getByLabel('Email')).toBeVisible();
  await expectAccessible(page, 'sign-in with work account and password');

  // The first Tab reaches the work-account button (the theme switch comes after the form): Enter follows it.
  await page.keyboard.press('Tab');
  await expect(workAccount(page)).toBeFocused();
  await page.keyboard.press('Enter');

  await idpLogin(page, 'ada', 'ada-password');
  await page.waitForURL(`${relay.url}/admin/`);
  // A fresh page load (not a route change): the heading is there, focus starts at the top as on any page.
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Relay' })).toBeVisible();
  await expect(page.locator('.account__email')).toHaveText('ada@example.com (Owner)');
  expect(idp.logins).toEqual(['ada']);

  // A real session: it survives a reload, and writes pass the CSRF check.
  await page.reload();
  await expect(page.locator('.account__email')).toHaveText('ada@example.com (Owner)');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Invites & advocates' }).click();
  await page.getByRole('button', { name: 'Create invite' }).click();
  await expect(page.getByText('New invite code')).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(workAccount(page)).toBeVisible();
});

test('someone outside the admin group is told why, and the error leaves the address bar', async ({ page }) => {
  const relay = await startRelay();
  await page.goto(`${relay.url}/admin`);
  await workAccount(page).click();
  await idpLogin(page, 'grace', 'grace-password');

  const alert = page.getByRole('alert').filter({ hasText: 'not a Relay admin' });
  await expect(alert).toHaveText(
    'Your work account is not a Relay admin. Ask your IT team to add you to the admin group.',
  );
  expect(new URL(page.url()).search).toBe('');
  await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
  await expect(workAccount(page)).toBeVisible();
  await expectAccessible(page, 'sign-in after a refused work account');

  // Shown once: a reload is a plain sign-in page.
  await page.reload();
  await expect(workAccount(page)).toBeVisible();
  await expect(page.getByText('not a Relay admin')).toHaveCount(0);
});

test('with password sign-in off, the work-account button is the only way in', async ({ page }) => {
  const relay = await startRelay({ RELAY_PASSWORD_SIGNIN: 'off' });
  await page.goto(`${relay.url}/admin`);
  await expect(workAccount(page)).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveCount(0);
  await expect(page.getByLabel('Password')).toHaveCount(0);
  await expect(page.getByText('or sign in with email and password')).toHaveCount(0);
  await expectAccessible(page, 'sign-in, work account only');

  await workAccount(page).click();
  await idpLogin(page, 'ada', 'ada-password');
  await expect(page.locator('.account__email')).toHaveText('ada@example.com (Owner)');
});

test('a work-account advocate an admin removed is restored from the advocates list', async ({ page }) => {
  const relay = await startRelay();
  // Grace signed in from the extension once (a subject, no password), then an admin removed her.
  const now = Date.now();
  await relay.server.deps.db
    .insertInto('advocates')
    .values({
      id: 'adv-grace',
      name: 'Grace Hopper',
      ref: 'ref-grace1',
      token_hash: 'none:adv-grace',
      invite_id: null,
      created_at: now,
      last_sync_at: null,
      subject: 'u-grace',
      email: 'grace@example.com',
      access_ended: 'removed',
      access_ended_at: now,
    })
    .execute();
  await page.goto(`${relay.url}/v1/sso/start?for=console`);
  await idpLogin(page, 'ada', 'ada-password');
  await page.waitForURL(`${relay.url}/admin/`);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Invites & advocates' }).click();
  const row = page.getByRole('row').filter({ hasText: 'Grace Hopper' });
  await expect(row.locator('td[data-label="Access"]')).toContainText('Removed');
  await row.getByRole('button', { name: 'Restore access for Grace Hopper' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Grace Hopper’s access is restored' })).toBeVisible();
  await expect(row.locator('td[data-label="Access"]')).toHaveText('Active');
  await expect(row.getByRole('button', { name: 'Restore access for Grace Hopper' })).toHaveCount(0);
  const stored = await relay.server.deps.db
    .selectFrom('advocates')
    .select('access_ended')
    .where('id', '=', 'adv-grace')
    .executeTakeFirstOrThrow();
  expect(stored.access_ended).toBeNull();
});
