/**
 * The LinkedIn and X fixtures (tests/e2e/sites/), served at the real origins through routes, and
 * helpers to drive and read them from tests. One HTML file per DOM generation; each is a small
 * single-page app that answers every path of its site (see the comment at the top of each file).
 * Content scripts run on routed pages as on real ones. `SiteChoice.lang` serves a page's interface
 * in German or Japanese (`<html lang>`, words in sites/lib/words.js), `SiteChoice.options` the
 * LinkedIn fixture's 2026 variations.
 */
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page, Route } from '@playwright/test';

export const SITES_DIR = fileURLToPath(new URL('./sites/', import.meta.url));

export type LinkedInFixture =
  'linkedin-old.html' | 'linkedin-shadow.html' | 'linkedin-unknown.html' | 'linkedin-feed-1000.html';
export type XFixture = 'x-modal.html' | 'x-inline.html' | 'x-feed-1000.html';

/** The languages the fixtures' interfaces speak (tests/e2e/sites/lib/words.js). */
export type FixtureLanguage = 'en' | 'de' | 'ja';
export const FIXTURE_LANGUAGES: readonly FixtureLanguage[] = ['en', 'de', 'ja'];

/** Structural variations of the LinkedIn fixture (lib/linkedin.js), seen on the real site in 2026. */
export interface FixtureOptions {
  /** The share-box entry's trigger: its link (default), or a plain div with no role, label or href. */
  trigger?: 'link' | 'div';
  /** What the success toast's link names (default: share on the Ember page, activity on the React one). */
  urn?: 'share' | 'activity' | 'ugcPost';
  /** 'bare': the Post button without its `share-actions__primary-action` class. */
  postButton?: 'classed' | 'bare';
}

/** Which fixture answers the pages of each site, in which language, with which variations. */
export interface SiteChoice {
  linkedin: LinkedInFixture;
  x: XFixture;
  /** The interface's language (`<html lang>`); English when not given. */
  lang?: FixtureLanguage;
  options?: FixtureOptions;
}

export const DEFAULT_SITES: SiteChoice = { linkedin: 'linkedin-shadow.html', x: 'x-modal.html' };

/** Hosts the fixtures answer for. */
export const SITE_HOSTS: Record<string, 'linkedin' | 'x'> = { 'www.linkedin.com': 'linkedin', 'x.com': 'x' };

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
  return {
    status: 200,
    contentType: TYPES[extname(file)] ?? 'text/html',
    body: withRelease(fixturePage(await readFile(join(SITES_DIR, file), 'utf8'), sites), url),
  };
}

/** Answers a Playwright route to www.linkedin.com or x.com from the fixtures (siteResponse); false for other hosts. */
export async function fulfillSite(route: Route, sites: SiteChoice): Promise<boolean> {
  const answer = await siteResponse(route.request().url(), route.request().method(), sites);
  if (!answer) return false;
  await route.fulfill(answer);
  return true;
}

/**
 * A fixture page as served for `sites`: its `<html lang>` set to the chosen language, and the
 * options as JSON in `<html data-fixture-options>`, which the page's scripts read and take off.
 */
export function fixturePage(page: string, sites: Pick<SiteChoice, 'lang' | 'options'>): string {
  const lang = sites.lang ?? 'en';
  const options = JSON.stringify(sites.options ?? {})
    .replace(/&/g, '&amp;')
    .replace(/'/g, '&#39;');
  const served = page.replace(/<html lang="[a-z-]+"/, `<html lang="${lang}" data-fixture-options='${options}'`);
  if (served === page) throw new Error('a fixture page without <html lang="…">');
  return served;
}

/**
 * `?release=renamed-editor` stands for a site release Relay has not seen: the page gets
 * lib/site-release.js, which renames the editor's markup (integration-health.spec.ts).
 */
function withRelease(page: string, url: URL): string {
  if (url.searchParams.get('release') !== 'renamed-editor') return page;
  return page.replace('</body>', '<script src="/__fixtures__/site-release.js"></script></body>');
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
