/**
 * Set-up for the tests of how Relay looks and behaves inside the sites' composers (themes, marks
 * over the editor's words, the keyboard, the visual baselines): a programme whose guidelines name
 * the company (so a person's own words get hints), posts with tags and variants, an advocate
 * enrolled through the popup, and a composer opened in the site's light or dark theme at a width.
 */
import type { BrowserContext, Locator, Page } from '@playwright/test';
import type { TestServer } from '../helpers/server';
import { GUIDELINES, putGuidelines, suggestedPanel } from './composer-helpers';
import { enroll, expect, postCard, publish } from './fixtures';
import { WIDTHS, type Width } from './visual';

export type SiteName = 'linkedin' | 'x';
export type SiteTheme = 'light' | 'dark';

/** Words with a banned term, about the company: a must-fix hint with a mark, and the disclosure hint. */
export const BANNED_WORDS = 'guaranteed returns';
export const OWN_WORDS = `Northwind robots ship next week, with ${BANNED_WORDS} for early customers`;

export const LAUNCH = {
  title: 'Northwind ships the R2 picking robot',
  url: 'https://example.com/r2',
  tags: ['launch', 'robotics'],
  variants: {
    linkedin: [
      'Our R2 picking robot is shipping today. It learned to pick 600 kinds of parts in a week, and the team behind it is hiring. Here is what changed on the warehouse floor since the first pilot, and what comes next.\n\n{link}',
    ],
    x: [
      'The R2 picking robot ships today: it learned 600 kinds of parts in a week, and the team behind it is hiring engineers in three cities. What changed on the warehouse floor: {link}',
    ],
  },
};

export const OFFICE = {
  title: 'Northwind opens a Lisbon office',
  url: 'https://example.com/lisbon',
  tags: ['careers'],
  variants: {
    linkedin: [
      'Lisbon, here we come: our new office opens this spring with room for 40 engineers, and the first 12 roles in engineering and customer support are open now. If you know someone who would like to build robots by the sea, send them our way.\n\n{link}',
    ],
    x: [
      'Lisbon, here we come: our new office opens this spring with room for 40 engineers, and the first 12 roles in engineering and support are open now. Know someone? {link}',
    ],
  },
};

/** Guidelines naming the company, content, and an enrolled advocate whose popup has synced it. */
export async function setUpLook(server: TestServer, openPopup: () => Promise<Page>): Promise<void> {
  await putGuidelines(server, { ...GUIDELINES, companyNames: ['Northwind'] });
  await publish(server, OFFICE);
  await publish(server, LAUNCH);
  const popup = await openPopup();
  await enroll(popup, server);
  await expect(postCard(popup, LAUNCH.title)).toBeVisible();
  await popup.close();
}

export interface OpenedComposer {
  page: Page;
  editor: Locator;
  /** The composer the screenshots show: LinkedIn's share box, X's compose dialog. */
  composer: Locator;
}

/** Opens the site's composer in a new page of `context`, the site in `theme`, the window at `width`. */
export async function openThemedComposer(
  context: BrowserContext,
  site: SiteName,
  theme: SiteTheme,
  width: Width = 'desktop',
): Promise<OpenedComposer> {
  const page = await context.newPage();
  await page.setViewportSize(WIDTHS[width]);
  await page.addInitScript((name) => {
    (window as unknown as { __fixtureTheme: string }).__fixtureTheme = name;
  }, theme);
  if (site === 'linkedin') {
    await page.goto('https://www.linkedin.com/preload/sharebox/');
    const editor = page.locator('#interop-outlet [data-test-ql-editor-contenteditable="true"]');
    await expect(editor).toBeVisible();
    return { page, editor, composer: page.locator('#interop-outlet [data-test-modal-id="sharebox"]') };
  }
  await page.goto('https://x.com/compose/post');
  const editor = page.locator('#layers [data-testid="tweetTextarea_0"][role="textbox"]');
  await expect(editor).toBeVisible();
  return { page, editor, composer: page.locator('#layers [role="dialog"][aria-modal="true"]') };
}

/** The marks Relay draws over the editor's words (in its own shadow root). */
export const marks = (page: Page): Locator => page.locator('relay-composer-ui .relay-marks .relay-mark');

/** Types the person's own words (with the banned term) and waits for the hints and their mark. */
export async function writeOwnWords(page: Page, editor: Locator): Promise<void> {
  await editor.click();
  await page.keyboard.type(OWN_WORDS);
  await expect(page.getByRole('status', { name: 'Relay guideline hints' })).toContainText('Must fix');
  await expect(marks(page).first()).toBeVisible();
}

/** Opens the "Suggested posts" panel with its button. */
export async function openPanel(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Suggested posts' }).click();
  const panel = suggestedPanel(page);
  await expect(panel).toBeVisible();
  return panel;
}

/** Switches the site's display setting, as the person would in its settings (themes.js). */
export async function setSiteTheme(page: Page, name: string): Promise<void> {
  await page.evaluate((theme) => {
    (window as unknown as { __fixtureSite: { setTheme(n: string): void } }).__fixtureSite.setTheme(theme);
  }, name);
}

/** setUpLook, then openThemedComposer: the start of every test of how Relay looks in a composer. */
export async function lookAtComposer(
  fixtures: { context: BrowserContext; server: TestServer; openPopup: () => Promise<Page> },
  site: SiteName,
  theme: SiteTheme,
  width: Width = 'desktop',
): Promise<OpenedComposer> {
  await setUpLook(fixtures.server, fixtures.openPopup);
  return openThemedComposer(fixtures.context, site, theme, width);
}
