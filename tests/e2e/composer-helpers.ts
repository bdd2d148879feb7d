/**
 * Shared set-up and checks for the composer tests: published content with LinkedIn and X variants,
 * the programme's guidelines, an advocate enrolled through the popup, and readers for the shares
 * the extension logged (its IndexedDB) and the server received (its shares table).
 *
 * The content scripts' UI contract these tests hold them to: each open composer gets a button named
 * "Suggested posts" (open shadow roots are fine: getByRole pierces them) opening a dialog "Suggested
 * posts" with a search box "Search suggested posts" and a list of items, each with the post's title
 * and an "Insert" button; Alt+Shift+R in a focused editor opens it too; hints live in a
 * role="status" element named "Relay guideline hints"; the missing-disclosure hint has a fix button
 * "Add #employee"; LinkedIn and X shares are logged once the site confirms publishing.
 */
import type { Locator, Page, Worker } from '@playwright/test';
import type { TestServer } from '../helpers/server';
import type { ComposerCase } from './composers';
import { enroll, expect, postCard, publish, type PublishedContent } from './fixtures';
import { caretToEnd, modelOf, selectInModel } from './sites';

export const GUIDELINES = {
  disclosure: { text: '#employee', networks: ['linkedin', 'x'] },
  bannedTerms: [{ pattern: 'guaranteed returns', reason: 'Financial promises need legal review' }],
  maxHashtags: 3,
};

export const BANNED_REASON = 'Financial promises need legal review';

/** The post every composer test shares: multi-line variants, no disclosure in them. */
export const RELEASE = {
  title: 'Relay 2.0 is here',
  url: 'https://example.com/relay-2',
  variants: {
    linkedin: ['Relay 2.0 is here.\nShare company news in your own words, right where you post.'],
    x: ['Relay 2.0 is out.\nShare news in your own words.'],
  },
};

/** A second post, for the search box. */
export const LISBON = {
  title: 'Northwind opens a Lisbon office',
  url: 'https://example.com/lisbon',
  variants: { linkedin: ['We opened an office in Lisbon.'], x: ['New office in Lisbon!'] },
};

const LINK = String.raw`http://relay\.test/r/([A-Za-z0-9_-]+)`;

/**
 * The suggested text of RELEASE on a network as the editor should hold it: the variant, the
 * disclosure the guidelines ask for (added to approved text: lib/guidelines/approved-text.ts) and
 * the advocate's link.
 */
export const SUGGESTED: Record<ComposerCase['network'], RegExp> = {
  linkedin: new RegExp(
    String.raw`^Relay 2\.0 is here\.\nShare company news in your own words, right where you post\.\n#employee\n\n${LINK}$`,
  ),
  x: new RegExp(String.raw`^Relay 2\.0 is out\.\nShare news in your own words\. #employee ${LINK}$`),
};

export async function putGuidelines(server: TestServer, guidelines: unknown = GUIDELINES): Promise<void> {
  const response = await server.call('/v1/admin/guidelines', {
    method: 'PUT',
    json: guidelines,
    token: await server.adminToken(),
  });
  if (!response.ok) throw new Error(`guidelines failed: ${response.status} ${await response.text()}`);
}

export interface Programme {
  popup: Page;
  release?: PublishedContent;
  lisbon?: PublishedContent;
}

/**
 * Guidelines, content (unless `content: false`), and an advocate enrolled through the popup whose
 * list shows the content (so the extension has synced it).
 */
export async function setUpProgramme(
  server: TestServer,
  openPopup: () => Promise<Page>,
  { content = true }: { content?: boolean } = {},
): Promise<Programme> {
  await putGuidelines(server);
  const release = content ? await publish(server, RELEASE) : undefined;
  const lisbon = content ? await publish(server, LISBON) : undefined;
  const popup = await openPopup();
  await enroll(popup, server);
  if (release) await expect(postCard(popup, RELEASE.title)).toBeVisible();
  if (lisbon) await expect(postCard(popup, LISBON.title)).toBeVisible();
  return { popup, release, lisbon };
}

// --- the content scripts' UI -----------------------------------------------------------------------

export const suggestedButton = (page: Page): Locator => page.getByRole('button', { name: 'Suggested posts' });
export const suggestedPanel = (page: Page): Locator => page.getByRole('dialog', { name: 'Suggested posts' });
export const hints = (page: Page): Locator => page.getByRole('status', { name: 'Relay guideline hints' });
export const disclosureFix = (page: Page): Locator => page.getByRole('button', { name: 'Add #employee' });

/** The panel's item for a post, by its title. */
export function panelItem(page: Page, title: string): Locator {
  return suggestedPanel(page).getByRole('listitem').filter({ hasText: title });
}

/** Loads the composer's page and opens the composer; returns its editor. */
export async function openComposer(page: Page, composer: ComposerCase): Promise<Locator> {
  await page.goto(composer.url);
  await composer.open(page);
  const editor = composer.editor(page);
  await expect(editor).toBeVisible();
  return editor;
}

/** Opens the panel with the composer's "Suggested posts" button and inserts RELEASE. Returns the model. */
export async function insertRelease(page: Page, composer: ComposerCase): Promise<string> {
  const editor = composer.editor(page);
  await expect(suggestedButton(page)).toHaveCount(1, { timeout: 10_000 });
  await suggestedButton(page).click();
  await expect(suggestedPanel(page)).toBeVisible();
  await panelItem(page, RELEASE.title).getByRole('button', { name: 'Insert' }).click();
  await expect
    .poll(() => modelOf(editor), { message: 'the suggested text in the editor model' })
    .toMatch(SUGGESTED[composer.network]);
  return modelOf(editor);
}

/** Types `text` at the end of the editor's model (the caret placed there, as a click at the end would). */
export async function typeAtEnd(page: Page, editor: Locator, text: string): Promise<void> {
  await caretToEnd(editor);
  await page.keyboard.type(text);
}

/** Deletes the last `count` characters of the model: select them, press Backspace. */
export async function deleteLast(page: Page, editor: Locator, count: number): Promise<void> {
  const length = (await modelOf(editor)).length;
  await selectInModel(editor, length - count, length);
  await page.keyboard.press('Backspace');
}

// --- shares ------------------------------------------------------------------------------------------

export interface ServerShare {
  id: string;
  content_id: string;
  network: string;
  personalized: number;
}

export async function serverShares(server: TestServer, contentId: string, network?: string): Promise<ServerShare[]> {
  let query = server.deps.db
    .selectFrom('shares')
    .select(['id', 'content_id', 'network', 'personalized'])
    .where('content_id', '=', contentId);
  if (network) query = query.where('network', '=', network);
  return query.execute();
}

export interface LoggedShare {
  id: string;
  contentId: string;
  network: string;
  personalized: boolean;
  source: string;
}

/** The shares in the extension's own log (IndexedDB "relay", store "shares"), read in its worker. */
export function extensionShares(worker: Worker): Promise<LoggedShare[]> {
  return worker.evaluate(
    () =>
      new Promise<LoggedShare[]>((resolve, reject) => {
        const open = indexedDB.open('relay');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('shares')) {
            db.close();
            resolve([]);
            return;
          }
          const request = db.transaction('shares').objectStore('shares').getAll();
          request.onsuccess = () => {
            db.close();
            resolve(request.result as LoggedShare[]);
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

/**
 * Exactly one share of `contentId` on `network` reaches the server once the outbox flushes, and it
 * stays one; the extension logged exactly one too (with that `source`, when given).
 */
export async function expectOneShare(
  server: TestServer,
  worker: Worker,
  contentId: string,
  network: string,
  { personalized, source }: { personalized?: boolean; source?: 'composer' | 'popup' } = {},
): Promise<void> {
  await expect
    .poll(async () => (await serverShares(server, contentId, network)).length, {
      timeout: 10_000,
      message: `server shares of ${contentId} on ${network}`,
    })
    .toBe(1);
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  const rows = await serverShares(server, contentId);
  expect(
    rows.map((row) => row.network),
    'shares of this post on the server, after a while',
  ).toEqual([network]);
  if (personalized !== undefined)
    expect(Boolean(rows[0]!.personalized), 'personalized on the server').toBe(personalized);
  const logged = (await extensionShares(worker)).filter((share) => share.contentId === contentId);
  expect(
    logged.map((share) => share.network),
    "the extension's share log",
  ).toEqual([network]);
  if (source) expect(logged[0]!.source, 'source in the extension log').toBe(source);
  if (personalized !== undefined)
    expect(logged[0]!.personalized, 'personalized in the extension log').toBe(personalized);
}

/** Console warnings and errors whose text starts with "Relay". */
export function relayConsole(page: Page): { warnings: string[]; errors: string[] } {
  const seen = { warnings: [] as string[], errors: [] as string[] };
  page.on('console', (message) => {
    const text = message.text();
    if (!text.startsWith('Relay')) return;
    if (message.type() === 'warning') seen.warnings.push(text);
    if (message.type() === 'error') seen.errors.push(text);
  });
  return seen;
}

/** The tracked link's code in a text. */
export function linkCode(text: string): string {
  const match = new RegExp(LINK).exec(text);
  if (!match) throw new Error(`no tracked link in ${JSON.stringify(text)}`);
  return match[1]!;
}
