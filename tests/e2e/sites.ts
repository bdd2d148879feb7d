/**
 * The LinkedIn and X fixtures (tests/e2e/sites/), served at the real origins through routes, and
 * helpers to drive and read them from tests. One HTML file per DOM generation; each is a small
 * single-page app that answers every path of its site (see the comment at the top of each file).
 * Content scripts run on routed pages as on real ones.
 */
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page, Route } from '@playwright/test';

export const SITES_DIR = fileURLToPath(new URL('./sites/', import.meta.url));

export type LinkedInFixture =
  'linkedin-old.html' | 'linkedin-shadow.html' | 'linkedin-unknown.html' | 'linkedin-feed-1000.html';
export type XFixture = 'x-modal.html' | 'x-inline.html' | 'x-feed-1000.html';

/** Which fixture answers the pages of each site. */
export interface SiteChoice {
  linkedin: LinkedInFixture;
  x: XFixture;
}

export const DEFAULT_SITES: SiteChoice = { linkedin: 'linkedin-shadow.html', x: 'x-modal.html' };

/** Hosts the fixtures answer for. */
export const SITE_HOSTS: Record<string, keyof SiteChoice> = { 'www.linkedin.com': 'linkedin', 'x.com': 'x' };

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

/** What a fixture answers: the parts every interception API (Playwright's Route, puppeteer's request) can send. */
export interface SiteResponse {
  status: number;
  contentType?: string;
  body: string | Buffer;
}

/**
 * The answer of the fixtures to a request to www.linkedin.com or x.com: their scripts under
 * `/__fixtures__/`, the sites' publish calls (normShares, CreateTweet) with JSON, and every other
 * path with the chosen fixture page. Null for other hosts. Independent of the browser driver.
 */
export async function siteResponse(href: string, method: string, sites: SiteChoice): Promise<SiteResponse | null> {
  const url = new URL(href);
  const site = url.protocol === 'https:' ? SITE_HOSTS[url.hostname] : undefined;
  if (!site) return null;
  if (url.pathname.startsWith('/__fixtures__/')) {
    const name = url.pathname.slice('/__fixtures__/'.length);
    if (!/^[a-z0-9-]+\.js$/.test(name)) return { status: 404, body: 'not found' };
    return { status: 200, contentType: TYPES['.js'], body: await readFile(join(SITES_DIR, 'lib', name)) };
  }
  if (url.pathname === '/favicon.ico') return { status: 404, body: '' };
  if (method === 'POST') {
    const id = String(7_400_000_000_000_000_000n + BigInt(Date.now()));
    const body =
      site === 'linkedin'
        ? { data: { status: { urn: `urn:li:share:${id}` } } }
        : { data: { create_tweet: { tweet_results: { result: { rest_id: id } } } } };
    return { status: 200, contentType: 'application/json', body: JSON.stringify(body) };
  }
  const file = sites[site];
  return { status: 200, contentType: TYPES[extname(file)] ?? 'text/html', body: await readFile(join(SITES_DIR, file)) };
}

/** Answers a Playwright route to www.linkedin.com or x.com from the fixtures (siteResponse); false for other hosts. */
export async function fulfillSite(route: Route, sites: SiteChoice): Promise<boolean> {
  const answer = await siteResponse(route.request().url(), route.request().method(), sites);
  if (!answer) return false;
  await route.fulfill(answer);
  return true;
}

// --- reading and driving the fixtures ------------------------------------------------------------

interface FixtureEditorHandle {
  text: string;
  renders: number;
  reverts: number;
  select(start: number, end?: number): void;
}

type WithEditor = Element & { __fixtureEditor?: FixtureEditorHandle };

/** The model of the fixture editor `editor` (what the site would publish). */
export function modelOf(editor: Locator): Promise<string> {
  return editor.evaluate((element) => {
    const handle = (element as WithEditor).__fixtureEditor;
    if (!handle) throw new Error('not a fixture editor');
    return handle.text;
  });
}

/** How often the editor rendered its DOM from its model, and how often it reverted a foreign DOM change. */
export function renderCounts(editor: Locator): Promise<{ renders: number; reverts: number }> {
  return editor.evaluate((element) => {
    const handle = (element as WithEditor).__fixtureEditor!;
    return { renders: handle.renders, reverts: handle.reverts };
  });
}

/** Selects [start, end) of the model, as a person would with the mouse. */
export function selectInModel(editor: Locator, start: number, end = start): Promise<void> {
  return editor.evaluate(
    (element, [from, to]) => (element as WithEditor).__fixtureEditor!.select(from!, to),
    [start, end],
  );
}

/** What the page published (`window.__posts`). */
export function publishedPosts(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __posts: string[] }).__posts);
}

/** Pastes `text` into `editor` the way extensions do (a synthetic ClipboardEvent with a DataTransfer). */
export function pasteInto(editor: Locator, text: string): Promise<void> {
  return editor.evaluate((element, value) => {
    const data = new DataTransfer();
    data.setData('text/plain', value);
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** Focuses `editor`, puts the caret at the end of its model and runs execCommand('insertText'). */
export function execInsertText(editor: Locator, text: string): Promise<boolean> {
  return editor.evaluate((element, value) => {
    const handle = (element as WithEditor).__fixtureEditor!;
    (element as HTMLElement).focus();
    handle.select(handle.text.length);
    return document.execCommand('insertText', false, value);
  }, text);
}

/** Moves the caret to the end of the editor's model (focusing it). */
export async function caretToEnd(editor: Locator): Promise<void> {
  await editor.evaluate((element) => {
    const handle = (element as WithEditor).__fixtureEditor!;
    (element as HTMLElement).focus();
    handle.select(handle.text.length);
  });
}

/** The text the editor's DOM shows now (blocks as lines), whatever its model says. */
export function domText(editor: Locator): Promise<string> {
  return editor.evaluate((element) =>
    (window as unknown as { FixtureEditors: { serialize(el: Element): string } }).FixtureEditors.serialize(element),
  );
}
