/**
 * Relay as a person uses it in Firefox, for the Firefox suite: enrol in the popup, find a post's
 * card, share it from its card; and reading the site fixtures' editor models and published posts.
 * Puppeteer only (the Chromium suite's Playwright helpers live in tests/e2e).
 */
import type { ElementHandle, Page } from 'puppeteer-core';
import type { TestServer } from '../helpers/server';
import { createInvite } from '../e2e/fixtures';
import { click, fill, isShown, waitFor, waitForGone, type Query } from './dom';

/** Fills the popup's setup form with a fresh invite and waits for the list screen. */
export async function enroll(popup: Page, server: TestServer, name = 'Ada Advocate'): Promise<void> {
  await fill(popup, 'Server URL', server.url);
  await fill(popup, 'Invite code', await createInvite(server));
  await fill(popup, 'Your name', name);
  await click(popup, { role: 'button', name: 'Connect' });
  await waitFor(popup, { role: 'button', name: 'Sync now' });
  await waitForGone(popup, { role: 'button', name: 'Connect' });
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A post's card in the popup's list (an <article> showing its title). */
export const postCard = (title: string): Query => ({ role: 'article', name: new RegExp(escape(title)) });

/** Opens the card's share panel, picks the network when the post has several, and presses "Share on <label>". */
export async function shareFromCard(popup: Page, label: string): Promise<void> {
  await click(popup, { role: 'button', name: /^Share( again)?$/, within: 'article' });
  const choice: Query = { role: 'radio', name: label, within: 'article' };
  if (await isShown(popup, choice)) await click(popup, choice);
  await click(popup, { role: 'button', name: `Share on ${label}`, within: 'article' });
}

/** The element at `selector`, searched through open shadow roots (puppeteer's `>>>` pierces them). */
export async function element(page: Page, selector: string, timeout = 10_000): Promise<ElementHandle<Element>> {
  const found = await page.waitForSelector(selector, { visible: true, timeout });
  if (!found) throw new Error(`no ${selector}`);
  return found;
}

interface FixtureEditor {
  text: string;
  select(start: number, end?: number): void;
}

/** The model of the fixture editor (what the site would publish). */
export function modelOf(editor: ElementHandle<Element>): Promise<string> {
  return editor.evaluate((node) => {
    const handle = (node as Element & { __fixtureEditor?: FixtureEditor }).__fixtureEditor;
    if (!handle) throw new Error('not a fixture editor');
    return handle.text;
  });
}

/** Selects [start, end) of the model, as a person would with the mouse (focusing the editor). */
export function selectInModel(editor: ElementHandle<Element>, start: number, end = start): Promise<void> {
  return editor.evaluate(
    (node, from, to) => {
      (node as HTMLElement).focus();
      (node as Element & { __fixtureEditor: FixtureEditor }).__fixtureEditor.select(from, to);
    },
    start,
    end,
  );
}

/** Puts the caret at the end of the model (focusing the editor). */
export async function caretToEnd(editor: ElementHandle<Element>): Promise<void> {
  const length = (await modelOf(editor)).length;
  await selectInModel(editor, length);
}

/** What the page published (`window.__posts`). */
export function publishedPosts(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __posts: string[] }).__posts);
}

/** What the page's editor heard while Relay inserted text: paste events' text/plain, and beforeinput's types and data. */
export interface HeardInput {
  pastes: string[];
  inputs: { type: string; data: string | null }[];
}

/** Starts recording, in the page's own world, the paste and beforeinput events `editor` receives. */
export function listenToEditor(editor: ElementHandle<Element>): Promise<void> {
  return editor.evaluate((node) => {
    const heard: HeardInput = { pastes: [], inputs: [] };
    (node as Element & { __heard?: HeardInput }).__heard = heard;
    node.addEventListener(
      'paste',
      (event) => heard.pastes.push((event as ClipboardEvent).clipboardData?.getData('text/plain') ?? ''),
      true,
    );
    node.addEventListener(
      'beforeinput',
      (event) => heard.inputs.push({ type: (event as InputEvent).inputType, data: (event as InputEvent).data }),
      true,
    );
  });
}

/** What `editor` heard since listenToEditor. */
export function heardBy(editor: ElementHandle<Element>): Promise<HeardInput> {
  return editor.evaluate((node) => (node as Element & { __heard: HeardInput }).__heard);
}
