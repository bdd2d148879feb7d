/**
 * X's composers (x.com, twitter.com): every selector and editor quirk of X lives here.
 *
 * Composers (the /compose/post modal, the /intent/post page, the inline box on the home timeline,
 * replies) are Draft.js editors, `[data-testid^="tweetTextarea_"][role="textbox"]`, each in a form
 * with a `toolBar` and a Post button (`tweetButton`, or `tweetButtonInline` inline); the mobile web
 * composer is a <textarea>. Draft.js renders from its own EditorState, so DOM writes are reverted:
 * text goes in as a synthetic paste (text/plain), which Draft splits into blocks, newlines kept.
 * X comes in dozens of languages: composers, Post buttons and the toast are found by test ids and
 * links, never by their words.
 */
import { editorRange, editorText } from '../../components/composer/editor-text';
import {
  execInsertLines,
  execInsertText,
  insertWithFallback,
  pasteText,
  setTextareaValue,
} from '../../components/composer/editing';
import { insertTarget } from '../../components/composer/site-signals';
import { xSelectors } from './selectors';
import { xTheme, xThemeTargets } from './theme';
import type { Composer, SiteAdapter, UiAnchor } from '../../components/composer/types';

const sel = xSelectors;

/** Parts of a composer's form: the toolbar, the Post button. */
const LANDMARKS = ['toolbar', 'postButton'] as const;
/** Where X opens its modals (compose, reply) and toasts. */
const LAYERS_ID = 'layers';

const COMPOSE_PATH = /^\/(compose\/(post|tweet)|intent\/(post|tweet))\/?$/;

/** How far up from the editor its form (toolbar, Post button) may be. */
const MAX_FORM_DEPTH = 20;

/** The smallest ancestor of the editor holding a toolbar or Post button: the composer's form. */
function formOf(editor: HTMLElement): Element | null {
  let node: Element | null = editor.parentElement;
  for (let depth = 0; node && depth < MAX_FORM_DEPTH; depth++, node = node.parentElement) {
    if (node.querySelector(sel.union(...LANDMARKS))) return node;
  }
  return null;
}

/**
 * The editors in `scope`, found through the few Draft roots and textareas it holds (a class and a
 * tag: the cheapest selectors to match), never with the data-testid selectors on every element.
 */
function editorsIn(scope: ParentNode): Element[] {
  if (scope instanceof Element && sel.matches(scope, 'editor')) return [scope];
  if (scope === document || scope === document.documentElement || scope === document.body) return pageEditors();
  const editors: Element[] = [];
  for (const host of sel.all(scope, 'editorHost')) {
    if (sel.matches(host, 'editor')) editors.push(host);
    else editors.push(...sel.all(host, 'editor'));
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
  const first = sel.first(document, 'editor');
  const editors = first && !layers?.contains(first) ? [first] : [];
  if (layers) editors.push(...editorsIn(layers));
  return editors;
}

function anchorFor(editor: HTMLElement, form: Element | null): UiAnchor {
  const toolbar = form ? sel.first(form, 'toolbar') : null;
  if (toolbar) return { element: toolbar, append: 'before' };
  // Never inside the <label> X wraps the editor in: a click there would focus the editor.
  const outer = editor.closest('label') ?? sel.closest(editor, 'draftRoot') ?? editor;
  return { element: outer, append: 'after' };
}

/** Before the toolbar's group holding the Post button: the button then sits in the row, beside Post. */
function toggleFor(form: Element): UiAnchor | undefined {
  const toolbar = sel.first(form, 'toolbar');
  let group: Element | null = toolbar ? sel.first(toolbar, 'postButton') : null;
  while (group && group.parentElement !== toolbar) group = group.parentElement;
  return group ? { element: group, append: 'before' } : undefined;
}

function editorNumber(editor: Element): number {
  const match = /^tweetTextarea_(\d+)/.exec(editor.getAttribute('data-testid') ?? '');
  return match ? Number(match[1]) : 0;
}

export const xAdapter: SiteAdapter = {
  network: 'x',
  selectors: xSelectors,
  siteName: 'X',

  roots() {
    return [{ node: document.body ?? document.documentElement, scan: true }];
  },

  mayHoldComposer(node) {
    // Called for every element a batch adds (a feed's posts): one match and, for an element with
    // children, one query of its subtree.
    if (node.matches(sel.union('editor', 'editorHost'))) return true;
    return node.firstElementChild !== null && node.querySelector(sel.union('editorHost')) !== null;
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
    for (const [form, editor] of byForm) {
      const toggle = toggleFor(form);
      composers.push({ editor, container: form, anchor: anchorFor(editor, form), ...(toggle ? { toggle } : {}) });
    }
    return composers;
  },

  looksLikeComposer(scope) {
    return LANDMARKS.some((key) => sel.all(scope, key).length > 0);
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
    const root = sel.closest(editor, 'draftRoot');
    return root ? sel.first(root, 'placeholder') !== null : editorText(editor).trim() === '';
  },

  postButton(composer) {
    return sel.first<HTMLElement>(composer.container, 'postButton');
  },

  isSuccessSignal(node) {
    const toast = sel.closest(node, 'toast');
    const toasts = toast ? [toast] : sel.all(node, 'toast');
    // The toast's words are localised ("Your post was sent", "Ihr Post wurde gesendet"): its link is not.
    return toasts.some((found) => sel.matches(found, 'postLink') || sel.first(found, 'postLink') !== null);
  },

  isComposerTrigger(target) {
    return sel.closest(target, 'trigger') !== null;
  },

  expectsComposer(url) {
    return COMPOSE_PATH.test(url.pathname);
  },

  recognizesPage() {
    return document.getElementById('react-root') !== null || sel.first(document, 'primaryColumn') !== null;
  },
};
