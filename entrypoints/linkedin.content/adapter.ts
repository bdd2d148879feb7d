/**
 * LinkedIn's composers: every selector and editor quirk of linkedin.com lives here.
 *
 * Two DOM generations are live. The old (Ember) share box opens in #artdeco-modal-outlet; the new
 * (React) one opens INSIDE THE OPEN SHADOW ROOT of #interop-outlet, which document queries and
 * document observers don't see: that shadow root is a root of its own. Both use Quill
 * (`.ql-editor`), which takes text from `execCommand('insertText')` after focus, with the caret
 * placed through the shadow root's own getSelection(). Only those two containers are scanned for
 * composers, so the feed around them costs nothing.
 */
import { editorRange, editorText } from '../../components/composer/editor-text';
import { execInsertText, insertWithFallback } from '../../components/composer/editing';
import { insertTarget, isDisabledButton } from '../../components/composer/site-signals';
import { linkedinTheme, linkedinThemeTargets } from './theme';
import type { Composer, ObservedRoot, SiteAdapter, UiAnchor } from '../../components/composer/types';

const MODAL_OUTLET_ID = 'artdeco-modal-outlet';
const INTEROP_OUTLET_ID = 'interop-outlet';
const INTEROP_OUTLET = '[data-testid="interop-shadowdom"]';

const EDITOR = '[data-test-ql-editor-contenteditable="true"], .ql-editor[contenteditable="true"]';
/** The class Quill keeps on its editor while its model is empty (the placeholder shows). */
const BLANK_CLASS = 'ql-blank';
const SHAREBOX = '[data-test-modal-id="sharebox"], .share-box-v2__modal';
const DIALOG = '[role="dialog"], .artdeco-modal';
const POST_BUTTON = 'button.share-actions__primary-action';
const EDITOR_WRAPPER = '.share-creation-state__text-editor';
const FOOTER = '.share-creation-state__footer';
/** Parts of a share box that show one is open, even when the editor no longer matches. */
const LANDMARKS = `${SHAREBOX}, ${POST_BUTTON}, ${EDITOR_WRAPPER}`;
const PRECHECK = `${EDITOR}, ${LANDMARKS}`;

const TOAST = '.artdeco-toast-item, .artdeco-toast-item__message, [data-test-artdeco-toast-item-type], [role="alert"]';
/** The success toast's "View post" link; its wording is localised, the link is not. */
const SHARED_POST_LINK = 'a[href*="/feed/update/urn:li:share:"]';
const SUCCESS_TEXT = /post successful/i;

const TRIGGERS = '[aria-label="Start a post"], a[href="/preload/sharebox/"], button.share-box-feed-entry__trigger';

/** The host of the new share box's shadow root: by id, else among the body's children. */
function interopHost(): Element | null {
  const byId = document.getElementById(INTEROP_OUTLET_ID);
  if (byId) return byId;
  const children = document.body?.children ?? [];
  for (const child of children) if (child.matches(INTEROP_OUTLET)) return child;
  return null;
}

function within(scope: ParentNode, selector: string): Element[] {
  const found = [...scope.querySelectorAll(selector)];
  if (scope instanceof Element && scope.matches(selector)) found.unshift(scope);
  return found;
}

function anchorFor(editor: HTMLElement, container: Element): UiAnchor {
  const footer = container.querySelector(FOOTER);
  if (footer) return { element: footer, append: 'before' };
  const wrapper = editor.closest(EDITOR_WRAPPER) ?? editor.closest('.ql-container');
  if (wrapper && wrapper !== container) return { element: wrapper, append: 'after' };
  return { element: container, append: 'last' };
}

export const linkedinAdapter: SiteAdapter = {
  network: 'linkedin',
  siteName: 'LinkedIn',

  roots() {
    const roots: ObservedRoot[] = [{ node: document.body ?? document.documentElement, scan: false }];
    const outlet = document.getElementById(MODAL_OUTLET_ID);
    if (outlet) roots.push({ node: outlet, scan: true });
    const shadow = interopHost()?.shadowRoot;
    if (shadow) roots.push({ node: shadow, scan: true });
    return roots;
  },

  mayHoldComposer(node) {
    return node.matches(PRECHECK) || (node.firstElementChild !== null && node.querySelector(PRECHECK) !== null);
  },

  findComposers(scope) {
    const composers: Composer[] = [];
    const seen = new Set<Element>();
    for (const element of within(scope, EDITOR)) {
      if (!(element instanceof HTMLElement) || seen.has(element)) continue;
      seen.add(element);
      const container =
        element.closest(SHAREBOX) ??
        element.closest(DIALOG) ??
        element.closest(EDITOR_WRAPPER)?.parentElement ??
        element.parentElement ??
        element;
      composers.push({ editor: element, container, anchor: anchorFor(element, container) });
    }
    return composers;
  },

  looksLikeComposer(scope) {
    return within(scope, LANDMARKS).length > 0;
  },

  readText: editorText,
  textRange: editorRange,
  theme: linkedinTheme,
  themeTargets: linkedinThemeTargets,

  insertText(composer, text) {
    // Quill reads what the browser's typing command did (its mutation handling). A synthetic paste
    // is no fallback: Quill 1 reads what the browser's own paste put into its clipboard container,
    // and a synthetic paste puts nothing there.
    return insertWithFallback(insertTarget(this, composer), text, [execInsertText]);
  },

  isEmpty(composer) {
    return composer.editor.classList.contains(BLANK_CLASS);
  },

  postEnabled(composer) {
    const button = this.postButton(composer);
    return button ? !isDisabledButton(button) : null;
  },

  postButton(composer) {
    const button = composer.container.querySelector<HTMLElement>(POST_BUTTON);
    if (button) return button;
    for (const candidate of composer.container.querySelectorAll<HTMLElement>('button')) {
      if (candidate.textContent?.trim() === 'Post') return candidate;
    }
    return null;
  },

  isSuccessSignal(node) {
    const toasts = node.closest(TOAST) ? [node.closest(TOAST) as Element] : within(node, TOAST);
    return toasts.some(
      (toast) =>
        SUCCESS_TEXT.test(toast.textContent ?? '') ||
        toast.matches(SHARED_POST_LINK) ||
        toast.querySelector(SHARED_POST_LINK) !== null,
    );
  },

  isComposerTrigger(target) {
    return target.closest(TRIGGERS) !== null;
  },

  expectsComposer(url) {
    return url.searchParams.get('shareActive') === 'true' || url.pathname.startsWith('/preload/sharebox');
  },

  recognizesPage() {
    const body = document.body;
    if (!body) return false;
    return (
      document.getElementById(MODAL_OUTLET_ID) !== null ||
      interopHost() !== null ||
      body.hasAttribute('data-rehydrated') ||
      document.getElementById('root')?.parentElement === body
    );
  },
};
