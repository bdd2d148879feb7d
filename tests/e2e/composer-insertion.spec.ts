/**
 * Insertion where it goes wrong on the real sites (issue 18), against the fixtures' Quill and
 * Draft.js editors: an editor that takes nothing (the text is copied instead, and the panel says
 * so), one that takes half (taken back before anything else), a composer the site re-renders
 * after Insert (the share stays attributed), a publish the site refuses (no share), and text that
 * was in the editor before Relay's UI attached (hinted without more typing).
 */
import type { Locator, Page } from '@playwright/test';
import type { ComposerCase } from './composers';
import { linkedinOld, linkedinShadow, xInline, xModal } from './composers';
import {
  BANNED_REASON,
  extensionShares,
  expectOneShare,
  GUIDELINES,
  hints,
  insertRelease,
  linkCode,
  openComposer,
  panelItem,
  putGuidelines,
  RELEASE,
  serverShares,
  setUpProgramme,
  SUGGESTED,
  suggestedButton,
  suggestedPanel,
} from './composer-helpers';
import { expect, test } from './fixtures';
import { modelOf, selectInModel } from './sites';

type FixtureEditor = HTMLElement & { __fixtureEditor: { mode: string; setText(text: string): void } };

/** Puts the fixture editor in a test mode: 'ignore' takes nothing, 'half' lands half of the next insertion. */
function setMode(editor: Locator, mode: 'ignore' | 'half' | 'empty-paste'): Promise<void> {
  return editor.evaluate((element, value) => void ((element as FixtureEditor).__fixtureEditor.mode = value), mode);
}

/** Opens the panel and clicks Insert on RELEASE. */
async function clickInsert(page: Page): Promise<void> {
  await expect(suggestedButton(page)).toHaveCount(1, { timeout: 10_000 });
  await suggestedButton(page).click();
  await expect(suggestedPanel(page)).toBeVisible();
  await panelItem(page, RELEASE.title).getByRole('button', { name: 'Insert' }).click();
}

const ORIGINS: Record<ComposerCase['network'], string> = {
  linkedin: 'https://www.linkedin.com',
  x: 'https://x.com',
};

for (const composer of [linkedinShadow, xModal]) {
  test.describe(composer.name, () => {
    test.use({ sites: composer.sites });

    test('an editor that takes nothing: the text is copied and the panel says to paste it', async ({
      context,
      server,
      openPopup,
    }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ORIGINS[composer.network] });
      await setUpProgramme(server, openPopup);
      const page = await context.newPage();
      const editor = await openComposer(page, composer);
      await setMode(editor, 'ignore');
      await clickInsert(page);
      const status = suggestedPanel(page).getByRole('status');
      await expect(status).toContainText(/copied/i, { timeout: 15_000 });
      await expect(status).toContainText(/Ctrl\+V/);
      expect(await modelOf(editor)).toBe('');
      await expect(composer.postButton(page)).toBeDisabled();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toMatch(SUGGESTED[composer.network]);
    });

    test('the site re-renders the composer after Insert: the share is still logged for the post', async ({
      context,
      server,
      openPopup,
      serviceWorker,
    }) => {
      const { release } = await setUpProgramme(server, openPopup);
      const page = await context.newPage();
      await openComposer(page, composer);
      const inserted = await insertRelease(page, composer);
      const old = await composer.editor(page).elementHandle();
      expect(
        await page.evaluate(() => (window as unknown as { __fixture: { rerender(): number } }).__fixture.rerender()),
      ).toBe(1);
      expect(await old!.evaluate((element) => element.isConnected)).toBe(false);
      const editor = composer.editor(page);
      expect(await modelOf(editor)).toBe(inserted);
      // Relay's UI follows the new editor.
      await expect(suggestedButton(page)).toHaveCount(1, { timeout: 10_000 });
      // Without its link, only what the session carried over attributes the share.
      const link = `http://relay.test/r/${linkCode(inserted)}`;
      const at = inserted.indexOf(link);
      await editor.click();
      await selectInModel(editor, at, at + link.length);
      await page.keyboard.press('Backspace');
      await expect.poll(() => modelOf(editor)).not.toContain('relay.test');
      await expect(composer.postButton(page)).toBeEnabled();
      await composer.postButton(page).click();
      await expect(composer.success(page)).toBeVisible();
      await expectOneShare(server, serviceWorker, release!.id, composer.network, { source: 'composer' });
    });

    test('the site refuses the post: it shows its error, the composer stays open, no share is logged', async ({
      context,
      server,
      openPopup,
      serviceWorker,
    }) => {
      const { release } = await setUpProgramme(server, openPopup);
      const page = await context.newPage();
      const publishCall =
        composer.network === 'linkedin' ? '**/voyager/api/contentcreation/normShares' : '**/i/api/graphql/**';
      let refused = 0;
      await page.route(publishCall, (route) => {
        refused++;
        return route.fulfill({ status: 500, contentType: 'application/json', body: '{"status":500}' });
      });
      await openComposer(page, composer);
      const inserted = await insertRelease(page, composer);
      await expect(composer.postButton(page)).toBeEnabled();
      await composer.postButton(page).click();
      await expect(page.getByRole('alert').filter({ hasText: /went wrong/i })).toBeVisible();
      expect(refused).toBe(1);
      await expect(composer.modal!(page)).toBeVisible();
      expect(await modelOf(composer.editor(page))).toBe(inserted);
      // The site enables Post again (its word that nothing went out); the person gives up and
      // closes the composer: that is no publish either.
      await expect(composer.postButton(page)).toBeEnabled();
      await composer.editor(page).click();
      await page.keyboard.press('Escape');
      await expect(composer.modal!(page)).toHaveCount(0);
      await page.waitForTimeout(3_000);
      expect(await serverShares(server, release!.id), 'no share on the server').toEqual([]);
      expect((await extensionShares(serviceWorker)).filter((share) => share.contentId === release!.id)).toEqual([]);
    });
  });
}

for (const composer of [xModal, xInline]) {
  test.describe(composer.name, () => {
    test.use({ sites: composer.sites });

    test('when the paste carries nothing, the typing command brings every line into the Draft model', async ({
      context,
      server,
      openPopup,
    }) => {
      await setUpProgramme(server, openPopup);
      const page = await context.newPage();
      const editor = await openComposer(page, composer);
      await setMode(editor, 'empty-paste');
      await insertRelease(page, composer);
      expect(await modelOf(editor)).toMatch(SUGGESTED.x);
      await expect(composer.postButton(page)).toBeEnabled();
    });
  });
}

for (const composer of [linkedinOld, linkedinShadow]) {
  test.describe(composer.name, () => {
    test.use({ sites: composer.sites });

    test('an editor that takes half: it is taken back, nothing doubled, and the text copied', async ({
      context,
      server,
      openPopup,
    }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ORIGINS.linkedin });
      await setUpProgramme(server, openPopup);
      const page = await context.newPage();
      const editor = await openComposer(page, composer);
      await editor.click();
      await page.keyboard.type('My own words.');
      await setMode(editor, 'half');
      await clickInsert(page);
      await expect(suggestedPanel(page).getByRole('status')).toContainText(/copied/i, { timeout: 15_000 });
      expect(await modelOf(editor), 'the editor holds what it held before').toBe('My own words.');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(SUGGESTED.linkedin);
    });
  });
}

test.describe(xInline.name, () => {
  test.use({ sites: xInline.sites });

  test('text in the editor before Relay attached is checked at once, without more typing', async ({
    context,
    server,
    openPopup,
    serviceWorker,
  }) => {
    const { popup } = await setUpProgramme(server, openPopup);
    await putGuidelines(server, { ...GUIDELINES, companyNames: ['Northwind'] });
    await popup.getByRole('button', { name: 'Sync now' }).click();
    await expect
      .poll(() =>
        serviceWorker.evaluate(
          () =>
            new Promise((resolve) => {
              const open = indexedDB.open('relay');
              open.onsuccess = () => {
                const request = open.result.transaction('meta').objectStore('meta').get('guidelines');
                request.onsuccess = () => {
                  open.result.close();
                  resolve((request.result as { value?: { companyNames?: string[] } })?.value?.companyNames);
                };
              };
            }),
        ),
      )
      .toEqual(['Northwind']);
    const page = await context.newPage();
    const editor = await openComposer(page, xInline);
    await expect(suggestedButton(page)).toHaveCount(1, { timeout: 10_000 });
    // The person wrote before Relay's UI was in (a draft the site kept, or typed while it loaded).
    await editor.evaluate((element) =>
      (element as FixtureEditor).__fixtureEditor.setText('Northwind: guaranteed returns'),
    );
    await page.waitForTimeout(500);
    await editor.click();
    await expect(hints(page)).toContainText(BANNED_REASON);
  });
});
