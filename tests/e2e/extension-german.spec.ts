/**
 * The extension's own interface in the browser's language (public/_locales): Chromium started in
 * German (fixtures.ts `browserLanguage`, LANGUAGE=de and --lang=de; Playwright's `locale` alone
 * leaves chrome.i18n in English) shows the popup's setup, list and tabs, and Relay's button,
 * panel and hints in a LinkedIn composer in German, with none of the English words. Screenshots
 * of the popup and the composer are attached to the report (popup-de, composer-de).
 */
import { linkedinOld } from './composers';
import { GUIDELINES, hints, openComposer, putGuidelines, RELEASE, suggestedPanel, typeAtEnd } from './composer-helpers';
import { BANNED_WORDS, OWN_WORDS } from './composer-look';
import { createInvite, expect, postCard, publish, test } from './fixtures';

test.use({ browserLanguage: 'de', sites: linkedinOld.sites });

test('popup and composer in German: setup, list, tabs, Suggested posts, hints', async ({
  context,
  server,
  openPopup,
}, testInfo) => {
  // Guidelines naming the company: a person's own words about it get hints.
  await putGuidelines(server, { ...GUIDELINES, companyNames: ['Northwind'] });
  await publish(server, RELEASE);
  const popup = await openPopup();
  await popup.setViewportSize({ width: 390, height: 600 });

  // Setup, in German.
  await popup.getByLabel('Server-URL').fill(server.url);
  await popup.getByLabel('Einladungscode').fill(await createInvite(server));
  await popup.getByLabel('Ihr Name').fill('Ada Advocate');
  await expect(popup.locator('summary', { hasText: 'Was Relay erfasst' })).toBeVisible();
  await popup.getByRole('button', { name: 'Verbinden', exact: true }).click();

  // The list: header, tabs, card, in German; the English words absent.
  await expect(popup.getByRole('button', { name: 'Abgleichen' })).toBeVisible({ timeout: 10_000 });
  const card = postCard(popup, RELEASE.title);
  await expect(card).toBeVisible();
  for (const tab of ['Beiträge', 'Punkte', 'Datenschutz'])
    await expect(popup.getByRole('tab', { name: tab })).toBeVisible();
  await expect(card.getByRole('button', { name: 'Teilen', exact: true })).toBeVisible();
  await expect(popup.getByRole('button', { name: 'Noch nicht geteilt' })).toBeVisible();
  await expect(popup.getByText(/Zuletzt abgeglichen|Wird abgeglichen/)).toBeVisible();
  const popupText = await popup.locator('body').innerText();
  for (const english of ['Sync now', 'Not shared yet', 'Privacy', 'Last synced', 'Share'])
    expect(popupText).not.toContain(english);
  await testInfo.attach('popup-de', { body: await popup.screenshot(), contentType: 'image/png' });

  // Relay in a LinkedIn composer: button, panel and hints in German.
  const page = await context.newPage();
  await page.setViewportSize({ width: 1100, height: 900 });
  const editor = await openComposer(page, linkedinOld);
  const button = page.getByRole('button', { name: 'Vorgeschlagene Beiträge' });
  await expect(button).toHaveCount(1, { timeout: 10_000 });
  await expect(page.getByRole('button', { name: 'Suggested posts' })).toHaveCount(0);
  await editor.click();
  await typeAtEnd(page, editor, OWN_WORDS);
  const card2 = page.getByRole('status', { name: 'Relay-Hinweise zu den Richtlinien' });
  await expect(card2).toContainText('Muss behoben werden');
  await expect(card2).toContainText(`Vermeiden Sie „${BANNED_WORDS}“`);
  await expect(card2).toContainText('Fügen Sie „#employee“ zu Ihrem Beitrag hinzu');
  await expect(card2.getByRole('button', { name: '#employee hinzufügen' })).toBeVisible();
  await expect(hints(page)).toHaveCount(0);
  const hintText = await card2.innerText();
  for (const english of ['Must fix', 'Avoid', 'to fix before posting']) expect(hintText).not.toContain(english);
  await button.click();
  const panel = page.getByRole('dialog', { name: 'Vorgeschlagene Beiträge' });
  await expect(panel).toBeVisible();
  await expect(panel.getByPlaceholder('Nach Titel oder Tag suchen')).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Einfügen' })).toBeVisible();
  await expect(suggestedPanel(page)).toHaveCount(0);

  await testInfo.attach('composer-de', { body: await page.screenshot(), contentType: 'image/png' });
});
