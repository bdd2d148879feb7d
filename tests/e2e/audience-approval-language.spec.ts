/**
 * Issue 19's bar, end to end: with approvals on, an editor submits a post in English and German
 * for the team "Sales DE"; an approver publishes it from the console's queue; an advocate in Sales
 * DE whose browser speaks German gets it, and the composer panel on LinkedIn offers its German
 * text; an English advocate in Engineering never receives it; the audit log shows every step.
 */
import type { Page } from '@playwright/test';
import { ADMIN_EMAIL, ADMIN_PASSWORD, type TestServer } from '../helpers/server';
import { linkedinOld } from './composers';
import { openComposer } from './composer-helpers';
import { createInvite, expect, postCard, test } from './fixtures';
import { modelOf } from './sites';

const ENGLISH = {
  title: 'Our spring release is here',
  linkedin: 'Our spring release is here: faster reports and a new planner. {link}',
  x: 'Spring release: faster reports {link}',
};
const GERMAN = {
  title: 'Unser Frühjahrs-Release ist da',
  linkedin: 'Unser Frühjahrs-Release ist da: schnellere Berichte und ein neuer Planer. {link}',
  x: 'Frühjahrs-Release: schnellere Berichte {link}',
};

test.use({ browserLanguage: 'de', sites: linkedinOld.sites });

async function api<T>(server: TestServer, token: string, path: string, method = 'GET', json?: unknown): Promise<T> {
  const response = await server.call(path, { method, token, ...(json === undefined ? {} : { json }) });
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

async function signIn(page: Page, server: TestServer, email: string): Promise<void> {
  await page.goto(`${server.url}/admin`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/** The post titles an advocate's sync carries, asked as an English browser would. */
async function syncedTitles(server: TestServer, token: string): Promise<string[]> {
  const response = await server.call('/v1/sync', { token, headers: { 'accept-language': 'en-GB,en;q=0.9' } });
  expect(response.status).toBe(200);
  return ((await response.json()) as { content: { title: string }[] }).content.map((item) => item.title);
}

test('editor submits for Sales DE in English and German, approver publishes, the German advocate gets German, the English one in Engineering nothing, all audited', async ({
  context,
  server,
  openPopup,
}, testInfo) => {
  test.setTimeout(90_000);
  const owner = await server.adminToken();
  await api(server, owner, '/v1/admin/settings/approvals', 'PUT', { enabled: true, email: false });
  const editor = await server.adminAs('editor', 'eddie.editor@relay.test');
  const approver = await server.adminAs('approver', 'april.approver@relay.test');
  const salesDe = await api<{ id: string }>(server, owner, '/v1/admin/groups', 'POST', { name: 'Sales DE' });
  const engineering = await api<{ id: string }>(server, owner, '/v1/admin/groups', 'POST', { name: 'Engineering' });

  // The German advocate connects in a browser that speaks German.
  const popup = await openPopup();
  await popup.getByLabel('Server-URL').fill(server.url);
  await popup.getByLabel('Einladungscode').fill(await createInvite(server));
  await popup.getByLabel('Ihr Name').fill('Greta Becker');
  await popup.getByRole('button', { name: 'Verbinden', exact: true }).click();
  await expect(popup.getByRole('button', { name: 'Abgleichen' })).toBeVisible({ timeout: 10_000 });
  // The English advocate, in another team.
  const ethan = await server.enroll('Ethan Miles');
  const advocates = await api<{ items: { id: string; name: string }[] }>(server, owner, '/v1/admin/advocates');
  const greta = advocates.items.find((advocate) => advocate.name === 'Greta Becker')!;
  await api(server, owner, `/v1/admin/groups/${salesDe.id}/members`, 'PUT', { advocateIds: [greta.id] });
  await api(server, owner, `/v1/admin/groups/${engineering.id}/members`, 'PUT', { advocateIds: [ethan.id] });

  // The editor submits the post in English and German for Sales DE: it waits for approval.
  const submitted = await api<{ id: string; status: string }>(server, editor.token, '/v1/admin/content', 'POST', {
    title: ENGLISH.title,
    url: 'https://example.com/spring-release',
    language: 'en',
    variants: { linkedin: [ENGLISH.linkedin], x: [ENGLISH.x] },
    translations: { de: { title: GERMAN.title, variants: { linkedin: [GERMAN.linkedin], x: [GERMAN.x] } } },
    audiences: [salesDe.id],
    submit: true,
  });
  expect(submitted.status).toBe('pending');
  expect(await syncedTitles(server, ethan.token)).toEqual([]);

  // The approver publishes it from the console's queue.
  const consolePage = await context.newPage();
  await signIn(consolePage, server, approver.email);
  await consolePage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Approvals' }).click();
  const card = consolePage.getByRole('listitem').filter({ hasText: ENGLISH.title });
  await expect(card).toContainText(`Submitted by ${editor.email}`);
  await card.getByRole('button', { name: 'Approve and publish' }).click();
  await expect(consolePage.getByRole('status').filter({ hasText: `Approved: ${ENGLISH.title}.` })).toBeVisible();

  // The German advocate in Sales DE has it, in German, without asking (the stream's nudge).
  await expect(postCard(popup, GERMAN.title)).toBeVisible({ timeout: 10_000 });
  await expect(postCard(popup, ENGLISH.title)).toHaveCount(0);
  await testInfo.attach('popup-de-sales', { body: await popup.screenshot(), contentType: 'image/png' });

  // …and the composer panel on LinkedIn offers the German text, which goes in as written.
  const page = await context.newPage();
  const editorBox = await openComposer(page, linkedinOld);
  await page.getByRole('button', { name: 'Vorgeschlagene Beiträge' }).click();
  const panel = page.getByRole('dialog', { name: 'Vorgeschlagene Beiträge' });
  const item = panel.getByRole('listitem').filter({ hasText: GERMAN.title });
  await expect(item).toContainText('Unser Frühjahrs-Release ist da: schnellere Berichte');
  await expect(panel).not.toContainText(ENGLISH.title);
  await item.getByRole('button', { name: 'Einfügen' }).click();
  await expect.poll(() => modelOf(editorBox)).toContain('schnellere Berichte und ein neuer Planer.');
  await testInfo.attach('composer-de-sales', { body: await page.screenshot(), contentType: 'image/png' });

  // The English advocate in Engineering never receives it.
  expect(await syncedTitles(server, ethan.token)).toEqual([]);

  // The audit log shows every step, who did it and to what.
  await consolePage.getByRole('button', { name: 'Sign out' }).click();
  await signIn(consolePage, server, ADMIN_EMAIL);
  await consolePage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
  const rows = consolePage.getByRole('row');
  const step = (who: string, words: string) => rows.filter({ hasText: who }).filter({ hasText: words });
  await expect(step(approver.email, 'Approved content').filter({ hasText: ENGLISH.title })).toHaveCount(1);
  await expect(step(editor.email, 'Submitted content for approval').filter({ hasText: ENGLISH.title })).toHaveCount(1);
  await expect(step(ADMIN_EMAIL, 'Changed the approval settings')).toHaveCount(1);
  await expect(step(ADMIN_EMAIL, "Changed a group's members")).toHaveCount(2);
  const audit = await api<{ entries: { action: string; actor: { label: string } }[] }>(
    server,
    owner,
    '/v1/admin/audit',
  );
  const actions = audit.entries.map((entry) => `${entry.action} by ${entry.actor.label}`);
  for (const expected of [
    `approvals.update by ${ADMIN_EMAIL}`,
    `groups.create by ${ADMIN_EMAIL}`,
    `groups.members by ${ADMIN_EMAIL}`,
    `content.submit by ${editor.email}`,
    `content.approve by ${approver.email}`,
  ])
    expect(actions).toContain(expected);
  await testInfo.attach('audit-log', {
    body: await consolePage.screenshot({ fullPage: true }),
    contentType: 'image/png',
  });
});
