/**
 * X's composers (x.com, twitter.com): every selector and editor quirk of X lives here.
 *
 * Composers (the /compose/post modal, the /intent/post page, the inline box on the home timeline,
 * replies) are Draft.js editors, `[data-testid^="tweetTextarea_"][role="textbox"]`, each in a form
 * with a `toolBar` and a Post button (`tweetButton`, or `tweetButtonInline` inline); the mobile web
 * composer is a <textarea>. Draft.js renders from its own EditorState, so DOM writes are reverted:
 * text goes in as a synthetic paste (text/plain), which Draft splits into blocks, newlines kept.
 */
import { editorRange, editorText } from '../../components/composer/editor-text';
import {
  execInsertLines,
  execInsertText,
  insertWithFallback,
  pasteText,
  setTextareaValue,
} from '../../components/composer/editing';
import { insertTarget, isDisabledButton } from '../../components/composer/site-signals';
import { xTheme, xThemeTargets } from './theme';
import type { Composer, SiteAdapter, UiAnchor } from '../../components/composer/types';

const EDITOR = 'div[data-testid^="tweetTextarea_"][role="textbox"], textarea[data-testid^="tweetTextarea_"]';
const TOOLBAR = '[data-testid="toolBar"]';
const POST_BUTTON = '[data-testid="tweetButton"], [data-testid="tweetButtonInline"]';
const LANDMARKS = `${TOOLBAR}, ${POST_BUTTON}`;
/**
 * What every editor sits in: Draft.js's root (a class, which the browser matches far faster than
 * the data-testid prefixes above), or a <textarea>. Feed posts hold neither.
 */
const DRAFT_ROOT_CLASS = 'DraftEditor-root';
const EDITOR_HOSTS = `.${DRAFT_ROOT_CLASS}, textarea`;
const EDITOR_OR_HOST = `${EDITOR}, ${EDITOR_HOSTS}`;
/** Draft's placeholder: in its root only while its model is empty. */
const PLACEHOLDER = '.public-DraftEditorPlaceholder-root';

const PRIMARY_COLUMN = '[data-testid="primaryColumn"]';
/** Where X opens its modals (compose, reply) and toasts. */
const LAYERS_ID = 'layers';

const TOAST = '[data-testid="toast"]';
/** The toast's "View" link to the new post; its wording is localised, the link is not. */
const POST_LINK = 'a[href*="/status/"]';
const SUCCESS_TEXT = /your post was sent|your tweet was sent/i;

const TRIGGERS = '[data-testid="SideNav_NewTweet_Button"], a[href="/compose/post"], a[href="/compose/tweet"]';
const COMPOSE_PATH = /^\/(compose\/(post|tweet)|intent\/(post|tweet))\/?$/;

/** How far up from the editor its form (toolbar, Post button) may be. */
const MAX_FORM_DEPTH = 20;

function within(scope: ParentNode, selector: string): Element[] {
  const found = [...scope.querySelectorAll(selector)];
  if (scope instanceof Element && scope.matches(selector)) found.unshift(scope);
  return found;
}

/** The smallest ancestor of the editor holding a toolbar or Post button: the composer's form. */
function formOf(editor: HTMLElement): Element | null {
  let node: Element | null = editor.parentElement;
  for (let depth = 0; node && depth < MAX_FORM_DEPTH; depth++, node = node.parentElement) {
    if (node.querySelector(LANDMARKS)) return node;
  }
  return null;
}

/**
 * The editors in `scope`, found through the few Draft roots and textareas it holds (a class and a
 * tag: the cheapest selectors to match), never with the data-testid selectors on every element.
 */
function editorsIn(scope: ParentNode): Element[] {
  if (scope instanceof Element && scope.matches(EDITOR)) return [scope];
  if (scope === document || scope === document.documentElement || scope === document.body) return pageEditors();
  const hosts = [...scope.querySelectorAll(EDITOR_HOSTS)];
  if (scope instanceof Element && scope.matches(EDITOR_HOSTS)) hosts.unshift(scope);
  const editors: Element[] = [];
  for (const host of hosts) {
    if (host.matches(EDITOR)) editors.push(host);
    else editors.push(...host.querySelectorAll(EDITOR));
  }
  return editors;
}

/**
 * The editors of the whole page, searched once at start without walking a long feed: X's main
 * column holds at most one composer (the box above the home timeline, or the reply box under a
 * post), which comes before the posts below it, so the page is searched up to its first editor
 * only; the compose and reply modals open in #layers, searched whole. Composers that open later
 * are found as they are added.
 */
function pageEditors(): Element[] {
  const layers = document.getElementById(LAYERS_ID);
  const first = document.querySelector(EDITOR);
  const editors = first && !layers?.contains(first) ? [first] : [];
  if (layers) editors.push(...editorsIn(layers));
  return editors;
}

function anchorFor(editor: HTMLElement, form: Element | null): UiAnchor {
  const toolbar = form?.querySelector(TOOLBAR);
  if (toolbar) return { element: toolbar, append: 'before' };
  // Never inside the <label> X wraps the editor in: a click there would focus the editor.
  const outer = editor.closest('label') ?? editor.closest('.DraftEditor-root') ?? editor;
  return { element: outer, append: 'after' };
}

function editorNumber(editor: Element): number {
  const match = /^tweetTextarea_(\d+)/.exec(editor.getAttribute('data-testid') ?? '');
  return match ? Number(match[1]) : 0;
}

export const xAdapter: SiteAdapter = {
  network: 'x',
  siteName: 'X',

  roots() {
    return [{ node: document.body ?? document.documentElement, scan: true }];
  },

  mayHoldComposer(node) {
    // Called for every element a batch adds (a feed's posts): one match and, for an element with
    // children, one query of its subtree.
    if (node.matches(EDITOR_OR_HOST)) return true;
    return node.firstElementChild !== null && node.querySelector(EDITOR_HOSTS) !== null;
  },

  findComposers(scope) {
    // A thread has one editor per part in one form: Relay works with the form's first part.
    const byForm = new Map<Element, HTMLElement>();
    const composers: Composer[] = [];
    for (const element of editorsIn(scope)) {
      if (!(element instanceof HTMLElement)) continue;
      const form = formOf(element);
      if (!form) {
        composers.push({
          editor: element,
          container: element.parentElement ?? element,
          anchor: anchorFor(element, null),
        });
        continue;
      }
      const known = byForm.get(form);
      if (!known || editorNumber(element) < editorNumber(known)) byForm.set(form, element);
    }
    for (const [form, editor] of byForm) composers.push({ editor, container: form, anchor: anchorFor(editor, form) });
    return composers;
  },

  looksLikeComposer(scope) {
    return within(scope, LANDMARKS).length > 0;
  },

  readText: editorText,
  textRange: editorRange,
  theme: xTheme,
  themeTargets: xThemeTargets,

  insertText(composer, text) {
    // Draft reads a synthetic paste's text/plain, newlines as blocks; its fallback, the typing
    // command, goes line by line (a multi-line insertText loses lines in Draft).
    const methods =
      composer.editor instanceof HTMLTextAreaElement
        ? [execInsertText, setTextareaValue]
        : [pasteText, execInsertLines];
    return insertWithFallback(insertTarget(this, composer), text, methods);
  },

  isEmpty(composer) {
    const editor = composer.editor;
    if (editor instanceof HTMLTextAreaElement) return editor.value === '';
    const root = editor.closest(`.${DRAFT_ROOT_CLASS}`);
    return root ? root.querySelector(PLACEHOLDER) !== null : editor.textContent === '';
  },

  postEnabled(composer) {
    const button = this.postButton(composer);
    return button ? !isDisabledButton(button) : null;
  },

  postButton(composer) {
    return composer.container.querySelector<HTMLElement>(POST_BUTTON);
  },

  isSuccessSignal(node) {
    const toasts = node.closest(TOAST) ? [node.closest(TOAST) as Element] : within(node, TOAST);
    return toasts.some(
      (toast) => SUCCESS_TEXT.test(toast.textContent ?? '') || toast.querySelector(POST_LINK) !== null,
    );
  },

  isComposerTrigger(target) {
    return target.closest(TRIGGERS) !== null;
  },

  expectsComposer(url) {
    return COMPOSE_PATH.test(url.pathname);
  },

  recognizesPage() {
    return document.getElementById('react-root') !== null || document.querySelector(PRIMARY_COLUMN) !== null;
  },
};
