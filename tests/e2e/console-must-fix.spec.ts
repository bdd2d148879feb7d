/**
 * A must-fix post can't be published without an override: in the real console, "Publish now" on a
 * post with a banned phrase opens the must-fix dialog; without a reason nothing goes out, and with
 * one the post is published and the recorded override shows in the editor and the content list.
 */
import type { Guidelines } from '../../lib/schemas';
import { expect, signInWithPassword, test } from './console-browser';
import { expectLooksRight, WIDTHS } from './visual';

const GUIDELINES: Guidelines = {
  disclosure: { text: '#employee', networks: ['linkedin', 'x'] },
  bannedTerms: [{ pattern: 'guaranteed returns', reason: 'Never promise returns.' }],
};
const TITLE = 'Quarterly results are in';
const REASON = 'Legal approved: it quotes the analyst report word for word';

test('a post with a banned phrase needs a recorded reason to be published', async ({ page, server }) => {
  const token = await server.adminToken();
  expect((await server.call('/v1/admin/guidelines', { method: 'PUT', json: GUIDELINES, token })).status).toBe(200);
  await signInWithPassword(page, server);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'New post', exact: true }).click();
  await page.getByLabel('URL', { exact: true }).fill('https://example.com/results');
  await page.getByLabel('Title').fill(TITLE);
  await page.getByLabel('LinkedIn variant 1', { exact: true }).fill('Our results are in: guaranteed returns for all.');
  // No disclosure written: the console shows it added, as advocates will get it, so it doesn't block.
  await page.getByLabel('X variant 1', { exact: true }).fill('Our quarterly results are in {link}');
  await expect(page.getByRole('figure', { name: 'X preview, variant 1' })).toContainText('#employee');

  await page.getByRole('button', { name: 'Publish now' }).click();
  const dialog = page.getByRole('dialog', { name: 'This post breaks 1 must-fix rule' });
  await expect(dialog).toBeVisible();
  const failures = dialog.getByRole('list', { name: 'Rules this post breaks' }).getByRole('listitem');
  await expect(failures).toHaveCount(1);
  await expect(failures.first()).toHaveText(
    'Must fix · Banned terms, LinkedIn variant 1: Avoid "guaranteed returns": Never promise returns.',
  );
  const reason = dialog.getByLabel('Why publish it anyway?');
  await expect(reason).toBeFocused();

  // No reason, no publish: the field says why and keeps focus.
  await dialog.getByRole('button', { name: 'Publish anyway' }).click();
  await expect(dialog.getByText('Say why it should go out anyway')).toBeVisible();
  await expect(reason).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog).toBeVisible();

  for (const width of ['desktop', 'phone'] as const) {
    await page.setViewportSize(WIDTHS[width]);
    await expectLooksRight(page, `must-fix-dialog-${width}`, { element: dialog });
  }
  await page.setViewportSize(WIDTHS.desktop);

  // "Go back and fix" publishes nothing.
  await dialog.getByRole('button', { name: 'Go back and fix' }).click();
  await expect(dialog).toBeHidden();
  const listed = await server.call('/v1/admin/content', { token });
  expect(((await listed.json()) as { items: unknown[] }).items).toEqual([]);

  // With a reason it goes out, and the override is recorded and shown.
  await page.getByRole('button', { name: 'Publish now' }).click();
  await dialog.getByLabel('Why publish it anyway?').fill(REASON);
  await dialog.getByRole('button', { name: 'Publish anyway' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit post' })).toBeVisible();
  await expect(page.getByText(`Published over 1 must-fix rule: “${REASON}”`)).toBeVisible();
  const id = decodeURIComponent(new URL(page.url()).hash.replace('#/content/', ''));
  const stored = await (await server.call(`/v1/admin/content/${id}`, { token })).json();
  expect(stored).toMatchObject({
    status: 'published',
    override: { reason: REASON, failures: [{ network: 'linkedin', variant: 0, kind: 'banned-term' }] },
  });

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Content', exact: true }).click();
  const row = page.getByRole('row').filter({ hasText: TITLE });
  await expect(row).toContainText('Live');
  await expect(row).toContainText(`Published over 1 must-fix rule: “${REASON}”`);
});
