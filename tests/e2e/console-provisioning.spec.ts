/**
 * "Sign-in & provisioning" in real Chromium against the real API: the sign-in summary (SSO off here,
 * the redirect URI to register), a SCIM token made in the console, shown once and working for SCIM
 * (a group it creates shows in the groups list), then revoked after a confirmation and refused; the
 * choice of what a SCIM delete does, saved; and the screen on a phone.
 */
import { expectAccessible } from './accessibility';
import { expect, expectHeadingFocused, goTo, navLink, signInWithPassword, test } from './console-browser';

const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';

test('a SCIM token is made, shown once, works for SCIM, and is revoked', async ({ page, context, server }) => {
  await signInWithPassword(page, server);
  await navLink(page, 'Sign-in & provisioning').click();
  await expectHeadingFocused(page, 'Sign-in & provisioning');

  // Sign-in as the server is set up: no identity provider here; the redirect URI to register.
  const sso = page.locator('section', { has: page.getByRole('heading', { name: 'Work-account sign-in' }) });
  await expect(sso.locator('.facts__row').filter({ hasText: 'Sign in with your work account' })).toContainText('Off');
  await expect(sso).toContainText('RELAY_OIDC_ISSUER');
  await expect(sso.locator('.copy-value__text')).toHaveText(`${server.url}/v1/sso/callback`);

  const scim = page.locator('section', { has: page.getByRole('heading', { name: 'Provisioning (SCIM)' }) });
  await expect(scim.locator('.copy-value__text').first()).toHaveText(`${server.url}/scim/v2`);
  await expect(scim.getByText('No SCIM tokens yet.')).toBeVisible();
  await expectAccessible(page, 'sign-in & provisioning');

  await scim.getByLabel('Label (optional)').fill('Entra ID production');
  await scim.getByRole('button', { name: 'Create token' }).click();
  const secret = scim.locator('.new-secret');
  await expect(secret).toContainText('this token will not be shown again');
  const token = (await secret.locator('.copy-value__text').textContent()) ?? '';
  expect(token.length).toBeGreaterThan(20);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await secret.getByRole('button', { name: 'Copy scim token' }).click();
  await expect(secret.getByRole('status').filter({ hasText: 'Copied to the clipboard.' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
  const row = scim.getByRole('row').filter({ hasText: 'Entra ID production' });
  await expect(row).toContainText('Active');
  await expect(row).toContainText('Never'); // not used yet
  await expectAccessible(page, 'a new SCIM token');

  // The identity provider uses it: a group it sends is listed.
  const created = await server.call('/scim/v2/Groups', {
    method: 'POST',
    token,
    headers: { 'content-type': 'application/scim+json' },
    body: JSON.stringify({ schemas: [GROUP_SCHEMA], displayName: 'Engineering' }),
  });
  expect(created.status, await created.text()).toBe(201);
  await page.reload();
  await expect(page.locator('.new-secret')).toHaveCount(0); // shown once
  const groups = page.locator('section', {
    has: page.getByRole('heading', { name: 'Teams and groups from your identity provider' }),
  });
  await expect(groups.getByRole('row').filter({ hasText: 'Engineering' })).toContainText('Provisioning (SCIM)');
  await expect(row).not.toContainText('Never'); // used just now
  expect(await row.textContent()).not.toContain(token);

  // Revoking asks first; Cancel keeps it.
  await row.getByRole('button', { name: 'Revoke token Entra ID production' }).click();
  const dialog = page.getByRole('dialog', { name: /Revoke the SCIM token/ });
  await expect(dialog).toContainText('its next sync fails');
  await expectAccessible(page, 'revoke SCIM token dialog');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(row).toContainText('Active');
  await row.getByRole('button', { name: 'Revoke token Entra ID production' }).click();
  await dialog.getByRole('button', { name: 'Revoke token' }).click();
  await expect(row).toContainText('Revoked');
  await expect(row.getByRole('button', { name: /Revoke/ })).toHaveCount(0);
  await expect(
    page.getByRole('status').filter({ hasText: 'revoked: your identity provider can no longer use it' }),
  ).toBeVisible();
  const refused = await server.call('/scim/v2/Groups', { token });
  expect(refused.status).toBe(401);
});

test('what a SCIM delete does to history is saved', async ({ page, server }) => {
  await signInWithPassword(page, server);
  await navLink(page, 'Sign-in & provisioning').click();
  const section = page.locator('section', {
    has: page.getByRole('heading', { name: 'When your identity provider deletes someone' }),
  });
  await expect(section.getByLabel('Keep their history')).toBeChecked(); // the default
  await section.getByLabel('Erase everything about them').check();
  await section.getByRole('button', { name: 'Save' }).click();
  await expect(section.getByRole('status')).toContainText('Saved: everything about people');
  const stored = await server.call('/v1/admin/provisioning', { token: await server.adminToken() });
  expect(await stored.json()).toEqual({ onDelete: 'erase' });
  await page.reload();
  await expect(section.getByLabel('Erase everything about them')).toBeChecked();
});

test('the provisioning screen fits a phone', async ({ page, server }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInWithPassword(page, server);
  await goTo(page, 'Sign-in & provisioning');
  await page.getByRole('button', { name: 'Create token' }).click();
  await expect(page.locator('.new-secret')).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBe(0);
  // Each token is a block naming its values, its Revoke button within the screen's width.
  const revoke = page.getByRole('button', { name: /^Revoke token/ });
  await revoke.scrollIntoViewIfNeeded();
  await expect(revoke).toBeInViewport({ ratio: 1 });
  await expectAccessible(page, 'sign-in & provisioning on a phone');
});
