/**
 * The "Suggested posts" button a composer shows before Relay's UI script is loaded. A composer
 * nobody has turned to yet (X's box above the home timeline is on the page at every visit) gets
 * this small button from the always-loaded content script, in an open shadow root of its own,
 * looking and named like the real one; the UI script (panel, hints, twitter-text) loads when the
 * person uses the button, the shortcut, or the editor, and its UI takes the stand-in's place. Where
 * the composer has a place for the button in its toolbar row (`Composer.toggle`, X) the button is
 * put there (a `relay-composer-button` host) and stays: the UI then drives it (ui/row-toggle.ts).
 */
import { relayMark } from './mark';
import { PLACE_ATTRIBUTE, THEME_ATTRIBUTE, TOGGLE_CSS } from './ui/toggleStyles';
import { TOGGLE_HOST_NAME, UI_HOST_NAME, type Composer, type SiteTheme, type UiAnchor } from './types';
import { t } from '../shared/i18n';
import type { StandInLabels } from '../shared/views';

/** Keys pressed on the button stay with Relay: the site's shortcuts don't fire (as WXT's isolateEvents). */
const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress'] as const;

export interface StandIn {
  /** The element in the page: a Relay UI host, which the composer observer ignores. */
  readonly host: HTMLElement;
  /** Shows how many posts there are to suggest. */
  setCount(count: number): void;
  /** Says whether the panel it opens is open. */
  setExpanded(expanded: boolean): void;
  /** What a click (or Enter, Space) does from now on. */
  setAction(action: () => void): void;
  /** Matches the site's theme. */
  setTheme(theme: SiteTheme): void;
  /** Puts the host back next to its anchor when the site re-rendered it away. */
  keepMounted(): void;
  remove(): void;
}

/** Inserts `node` where `anchor` says. */
export function placeAt(anchor: UiAnchor, node: Node): void {
  const { element, append } = anchor;
  if (append === 'before') element.before(node);
  else if (append === 'after') element.after(node);
  else if (append === 'first') element.prepend(node);
  else element.append(node);
}

function span(className: string, text: string): HTMLSpanElement {
  const element = document.createElement('span');
  element.className = className;
  element.setAttribute('aria-hidden', 'true');
  element.textContent = text;
  return element;
}

/**
 * Mounts a stand-in button at the composer's `toggle` (in its toolbar row), else at its `anchor`;
 * `onActivate` runs when it is clicked (or pressed). Its words are `labels` (the background's, in
 * the brief); without them, the browser's catalog, whose first use costs the page's main thread a
 * few milliseconds.
 */
export function mountStandIn(
  composer: Pick<Composer, 'anchor' | 'toggle'>,
  count: number,
  theme: SiteTheme,
  labels: StandInLabels | undefined,
  onActivate: () => void,
): StandIn {
  const words = labels ?? { suggested: t('composer_suggested'), toggleTitle: t('composer_toggle_title') };
  const anchor = composer.toggle ?? composer.anchor;
  const host = document.createElement(composer.toggle ? TOGGLE_HOST_NAME : UI_HOST_NAME);
  host.setAttribute(THEME_ATTRIBUTE, theme);
  if (composer.toggle) host.setAttribute(PLACE_ATTRIBUTE, 'row');
  let action = onActivate;
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = `:host { all: initial !important; }\n${TOGGLE_CSS}`;
  const wrapper = document.createElement('div');
  wrapper.className = 'relay';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'relay-toggle';
  button.setAttribute('aria-label', words.suggested);
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-haspopup', 'dialog');
  button.setAttribute('aria-keyshortcuts', 'Alt+Shift+R');
  button.title = words.toggleTitle;
  const counter = span('relay-count', String(count));
  button.append(relayMark(18), span('relay-label', words.suggested), counter);
  button.addEventListener('click', () => action());
  wrapper.append(button);
  shadow.append(style, wrapper);
  for (const type of ISOLATED_EVENTS) host.addEventListener(type, (event) => event.stopPropagation());
  placeAt(anchor, host);
  return {
    host,
    setCount(next) {
      counter.textContent = String(next);
    },
    setExpanded(expanded) {
      button.setAttribute('aria-expanded', String(expanded));
    },
    setAction(next) {
      action = next;
    },
    setTheme(next) {
      host.setAttribute(THEME_ATTRIBUTE, next);
    },
    keepMounted() {
      if (!host.isConnected && anchor.element.isConnected) placeAt(anchor, host);
    },
    remove() {
      host.remove();
    },
  };
}
