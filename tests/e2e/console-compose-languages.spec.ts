/**
 * Compose in several languages: English and German LinkedIn text in their own language tabs, the
 * German guidelines checked on the German text, saved, reloaded, and stored as `translations.de`.
 */
import { expect, openConsole, stubPagePreview, test } from './console-compose-setup';
import { navLink } from './console-browser';

test('a post written in English and German keeps both, each checked with its language’s guidelines', async ({
  page,
  server,
}) => {
  const token = await server.adminToken();
  const guidelines = {
    bannedTerms: [],
    languages: { de: { bannedTerms: [{ pattern: 'garantiert', reason: 'Keine Versprechen.' }] } },
  };
  expect((await server.call('/v1/admin/guidelines', { method: 'PUT', json: guidelines, token })).status).toBe(200);
  await stubPagePreview(server);
  await openConsole(page, server);
  await navLink(page, 'New post').click();

  await page.getByLabel('URL', { exact: true }).fill('https://northwind.example/news/atlas');
  await page.getByLabel('Title', { exact: true }).fill('Meet Atlas');
  await page.getByLabel('X', { exact: true }).uncheck();
  await page.getByLabel('LinkedIn variant 1', { exact: true }).fill('Meet Atlas, guaranteed! {link}');
  await expect(page.getByText('Meets the guidelines.')).toBeVisible();

  const languages = page.getByRole('tablist', { name: 'Languages of the post' });
  await page.getByLabel('Add language').selectOption('de');
  await expect(languages.getByRole('tab', { name: 'Deutsch' })).toHaveAttribute('aria-selected', 'true');
  await page.getByLabel('LinkedIn variant 1', { exact: true }).fill('Das ist Atlas, garantiert! {link}');
  await expect(page.getByRole('list', { name: 'Guideline checks for LinkedIn variant 1' })).toContainText(
    'Keine Versprechen.',
  );
  await expect(page.getByRole('complementary', { name: /Preview/ })).toContainText('Das ist Atlas');

  // The arrow keys move between the language tabs; English keeps its own text.
  await languages.getByRole('tab', { name: 'Deutsch' }).press('ArrowLeft');
  await expect(languages.getByRole('tab', { name: 'English' })).toBeFocused();
  await expect(page.getByLabel('LinkedIn variant 1', { exact: true })).toHaveValue('Meet Atlas, guaranteed! {link}');

  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Draft saved.' })).toBeVisible();
  const id = decodeURIComponent(new URL(page.url()).hash.replace('#/content/', ''));
  const stored = (await (await server.call(`/v1/admin/content/${id}`, { token })).json()) as {
    language: string;
    translations: Record<string, { variants: Record<string, string[]> }>;
  };
  expect(stored.language).toBe('en');
  expect(stored.translations.de?.variants.linkedin).toEqual(['Das ist Atlas, garantiert! {link}']);

  await page.reload();
  await expect(page.getByLabel('LinkedIn variant 1', { exact: true })).toHaveValue('Meet Atlas, guaranteed! {link}');
  await page.getByRole('tab', { name: 'Deutsch' }).click();
  await expect(page.getByLabel('LinkedIn variant 1', { exact: true })).toHaveValue('Das ist Atlas, garantiert! {link}');
});
