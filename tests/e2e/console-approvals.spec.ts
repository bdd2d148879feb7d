/**
 * Approvals in the real console: with approvals on, an editor's compose screen offers "Submit for
 * approval" instead of publishing; an approver sees the post in the Approvals queue (and the
 * header's bell counts it), approves it, and it is live.
 */
import type { Page } from '@playwright/test';
import { ADMIN_PASSWORD } from '../helpers/server';
import { expect, goTo, test } from './console-browser';

async function signInAs(page: Page, url: string, email: string): Promise<void> {
  await page.goto(`${url}/admin`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

test('an editor submits a post for approval and an approver approves it from the queue', async ({ page, server }) => {
  const owner = await server.adminToken();
  const on = await server.call('/v1/admin/settings/approvals', {
    method: 'PUT',
    json: { enabled: true, email: false },
    token: owner,
  });
  expect(on.status).toBe(200);
  const editor = await server.adminAs('editor', 'eddie@relay.test');
  await server.adminAs('approver', 'amy@relay.test');

  await signInAs(page, server.url, editor.email);
  await goTo(page, 'New post');
  await page.getByLabel('URL', { exact: true }).fill('https://example.com/results');
  await page.getByLabel('Title').fill('Quarterly results');
  await page.getByLabel('LinkedIn variant 1', { exact: true }).fill('Our quarterly results are in.');
  await page.getByRole('tab', { name: /^X/ }).click();
  await page.getByLabel('X variant 1', { exact: true }).fill('Results are in {link}');
  await expect(page.getByRole('button', { name: 'Publish now' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Submit for approval' }).click();
  await expect(page.getByText('Submitted for approval: approvers have been told.')).toBeVisible();
  await expect(page.getByText('Awaiting approval: advocates get it once an approver publishes it.')).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();

  await signInAs(page, server.url, 'amy@relay.test');
  await expect(page.getByRole('link', { name: 'Approvals: 1 new notification' })).toBeVisible();
  await goTo(page, 'Approvals');
  const card = page.getByRole('listitem').filter({ hasText: 'Quarterly results' });
  await expect(card).toContainText('Submitted by eddie@relay.test');
  await expect(card).toContainText('Our quarterly results are in.');
  await expect(page.getByRole('link', { name: 'Approvals: no new notifications' })).toBeVisible();
  await card.getByRole('button', { name: 'Approve and publish' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Approved: Quarterly results.' })).toBeVisible();
  await expect(page.getByText('Nothing waits for your review.')).toBeVisible();

  const list = await server.call('/v1/admin/content?status=published', { token: owner });
  const items = ((await list.json()) as { items: { title: string; review: { reviewedByName: string } }[] }).items;
  expect(items).toMatchObject([{ title: 'Quarterly results', review: { reviewedByName: 'amy@relay.test' } }]);
});
