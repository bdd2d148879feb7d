/**
 * LinkedIn's composers: every selector and editor quirk of linkedin.com lives here.
 *
 * Two DOM generations are live. The old (Ember) share box opens in #artdeco-modal-outlet; the new
 * (React) one opens INSIDE THE OPEN SHADOW ROOT of #interop-outlet, which document queries and
 * document observers don't see: that shadow root is a root of its own. Both use Quill
 * (`.ql-editor`), which takes text from `execCommand('insertText')` after focus, with the caret
 * placed through the shadow root's own getSelection(). Only those two containers are scanned for
 * composers, so the feed around them costs nothing. The interface comes in many languages: the
 * share box, its Post button, the trigger and the success toast are found by structure, classes
 * and links, never by their words.
 */
import { editorRange, editorText } from '../../components/composer/editor-text';
import { execInsertText, insertWithFallback } from '../../components/composer/editing';
import { insertTarget } from '../../components/composer/site-signals';
import { linkedinSelectors } from './selectors';
import { linkedinTheme, linkedinThemeTargets } from './theme';
import type { Composer, ObservedRoot, SiteAdapter, UiAnchor } from '../../components/composer/types';

const sel = linkedinSelectors;

/** Parts of a share box that show one is open, even when the editor no longer matches. */
const LANDMARKS = ['sharebox', 'postButton', 'editorWrapper'] as const;

/**
 * An outlet composers open in, found without searching the page (roots() runs after every batch of
 * mutations): an override's match, else by id, else among the body's children.
 */
function outlet(key: 'modalOutlet' | 'interopOutlet', id: string): Element | null {
  const override = sel.override(key);
  const overridden = override ? document.querySelector(override) : null;
  if (overridden) return overridden;
  const byId = document.getElementById(id);
  if (byId) return byId;
  for (const child of document.body?.children ?? []) if (sel.matches(child, key)) return child;
  return null;
}

const modalOutlet = () => outlet('modalOutlet', 'artdeco-modal-outlet');
/** The host of the new share box's open shadow root. */
const interopHost = () => outlet('interopOutlet', 'interop-outlet');

function anchorFor(editor: HTMLElement, container: Element): UiAnchor {
  const footer = sel.first(container, 'footer');
  if (footer) return { element: footer, append: 'before' };
  const wrapper = sel.closest(editor, 'editorWrapper') ?? sel.closest(editor, 'quillContainer');
  if (wrapper && wrapper !== container) return { element: wrapper, append: 'after' };
  return { element: container, append: 'last' };
}

/**
 * The share box's Post button found by structure when its class changed: the last primary (or
 * submit) button of its footer, else of the whole share box. Never by its label, which is localised.
 */
function primaryActionOf(container: Element): HTMLElement | null {
  const scope = sel.first(container, 'footer') ?? container;
  const last = sel.all(scope, 'primaryAction').at(-1);
  return last instanceof HTMLElement ? last : null;
}

export const linkedinAdapter: SiteAdapter = {
  network: 'linkedin',
  selectors: linkedinSelectors,
  siteName: 'LinkedIn',

  roots() {
    const roots: ObservedRoot[] = [{ node: document.body ?? document.documentElement, scan: false }];
    const outlet = modalOutlet();
    if (outlet) roots.push({ node: outlet, scan: true });
    const shadow = interopHost()?.shadowRoot;
    if (shadow) roots.push({ node: shadow, scan: true });
    return roots;
  },

  mayHoldComposer(node) {
    const precheck = sel.union('editor', ...LANDMARKS);
    return node.matches(precheck) || (node.firstElementChild !== null && node.querySelector(precheck) !== null);
  },

  findComposers(scope) {
    const composers: Composer[] = [];
    const seen = new Set<Element>();
    for (const element of sel.all(scope, 'editor')) {
      if (!(element instanceof HTMLElement) || seen.has(element)) continue;
      seen.add(element);
      const container =
        sel.closest(element, 'sharebox') ??
        sel.closest(element, 'dialog') ??
        sel.closest(element, 'editorWrapper')?.parentElement ??
        element.parentElement ??
        element;
      composers.push({ editor: element, container, anchor: anchorFor(element, container) });
    }
    return composers;
  },

  looksLikeComposer(scope) {
    return LANDMARKS.some((key) => sel.all(scope, key).length > 0);
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
    return sel.matches(composer.editor, 'blankEditor');
  },

  postButton(composer) {
    return sel.first<HTMLElement>(composer.container, 'postButton') ?? primaryActionOf(composer.container);
  },

  isSuccessSignal(node) {
    const toast = sel.closest(node, 'toast');
    const toasts = toast ? [toast] : sel.all(node, 'toast');
    return toasts.some(
      (found) =>
        sel.matches(found, 'successToast') ||
        sel.matches(found, 'sharedPostLink') ||
        sel.first(found, 'sharedPostLink') !== null,
    );
  },

  isComposerTrigger(target) {
    if (sel.closest(target, 'trigger')) return true;
    // The 2026 feed's plain-div trigger: in the share-box entry, on none of its other controls.
    const entry = sel.closest(target, 'shareBoxEntry');
    const control = entry ? sel.closest(target, 'entryControl') : null;
    return entry !== null && (control === null || !entry.contains(control));
  },

  expectsComposer(url) {
    return url.searchParams.get('shareActive') === 'true' || url.pathname.startsWith('/preload/sharebox');
  },

  recognizesPage() {
    const body = document.body;
    if (!body) return false;
    return (
      modalOutlet() !== null ||
      interopHost() !== null ||
      body.hasAttribute('data-rehydrated') ||
      document.getElementById('root')?.parentElement === body
    );
  },
};
