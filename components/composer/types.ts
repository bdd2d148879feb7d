/**
 * The one interface each site's adapter implements (entrypoints/linkedin.content/adapter.ts, entrypoints/x.content/adapter.ts). An adapter
 * holds ALL of its site's selectors and editor quirks; everything else (observing, hints, the
 * panel, publish detection) is shared and only talks to the site through this. Also the seam
 * between the always-loaded content script and the UI script it loads when a composer needs it.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ComposerNetwork } from '../../lib/networks';
import type { ComposerData } from '../shared/messaging';
import type { SiteSelectors } from './selectors';
import type { StandIn } from './stand-in';

/** The networks with a content script in their composer (lib/networks.ts). */
export type { ComposerNetwork };

/** The site's own colour scheme (its setting, not the system's): Relay's UI matches it. */
export type SiteTheme = 'light' | 'dark';

/** Where Relay's UI goes, relative to an element of the composer. */
export interface UiAnchor {
  element: Element;
  append: 'before' | 'after' | 'first' | 'last';
}

/** One open composer. */
export interface Composer {
  /** The editable element: a contenteditable (Quill, Draft.js) or a textarea. */
  editor: HTMLElement;
  /** The composer around it (the modal, or the inline form): holds the Post button. */
  container: Element;
  /** Where Relay's button, panel and hints go: next to the composer, never inside the editor. */
  anchor: UiAnchor;
  /**
   * Where the "Suggested posts" button goes when the composer's toolbar row has room for it (X):
   * in the row, so the button showing up moves nothing on the page (X's box above the timeline
   * shows it at every visit; pushing a long timeline down costs the page tens of milliseconds).
   * Without it the button leads the panel and hints at `anchor`.
   */
  toggle?: UiAnchor;
}

/** A node to observe (childList + subtree) with one MutationObserver. */
export interface ObservedRoot {
  node: Document | Element | ShadowRoot;
  /** true: elements added under it may hold composers; false: only its roots may change. */
  scan: boolean;
}

export interface SiteAdapter {
  readonly network: ComposerNetwork;
  /** "LinkedIn" or "X", for messages. */
  readonly siteName: string;
  /** Its selectors as data: built in (lib/site-selectors/), overridable per key from sync (components/composer/selectors.ts). */
  readonly selectors: SiteSelectors<string>;
  /**
   * The roots to observe: the document, and the containers (or open shadow roots) composers open
   * in. Called after every batch of mutations, so it must be cheap: no document-wide queries.
   */
  roots(): ObservedRoot[];
  /** Fast precheck on an added element: may it be or hold a composer (or a broken one)? */
  mayHoldComposer(node: Element): boolean;
  /** The composers in `scope` (a root, or an element that passed the precheck), one per composer. */
  findComposers(scope: ParentNode): Composer[];
  /** True when `scope` shows a composer's landmarks (Post button, toolbar, dialog) but no editor matched. */
  looksLikeComposer(scope: ParentNode): boolean;
  /** The editor's text as the site will post it: one "\n" per line break. */
  readText(editor: HTMLElement): string;
  /**
   * Inserts `text` at the end of the composer's editor, through the events the site's editor
   * listens to, and verifies it by the site's own signals (`isEmpty`, the Post button enabled: site-signals.ts). Resolves
   * false when the editor did not take it (it then holds what it held before).
   */
  insertText(composer: Composer, text: string): Promise<boolean>;
  /** The composer's Post button, when it can be found. */
  postButton(composer: Composer): HTMLElement | null;
  /** True while the site shows its editor as empty (its placeholder): the site's model holds no text. */
  isEmpty(composer: Composer): boolean;
  /** True when `node` (an element just added or changed) is the site's "your post was published" signal. */
  isSuccessSignal(node: Element): boolean;
  /**
   * The DOM range of [start, end) of the editor's text (offsets as `readText` counts them), to
   * draw marks over; null when it can't be had (a textarea). Reads only: never changes the editor.
   */
  textRange(editor: HTMLElement, start: number, end: number): Range | null;
  /** The site's theme now, from the markers the site itself sets (components/composer/theme.ts watches them). */
  theme(): SiteTheme;
  /** The elements whose attributes (class, style) carry the site's theme marker: observed for changes. */
  themeTargets(): Element[];
  /** True when a click on `target` should open a composer (to warn when none appears). */
  isComposerTrigger(target: Element): boolean;
  /** True when this URL opens a composer by itself (share intents, compose pages). */
  expectsComposer(url: URL): boolean;
  /** True when the page shows a layout this adapter knows (its outlets, app root): false means the site changed. */
  recognizesPage(): boolean;
}

/** Where a composer's publish stands, for its session (components/composer/publish.ts holds it). */
export interface PublishTracking<K extends object> {
  isPending(key: K): boolean;
  confirm(key: K, reason: 'toast' | 'closed' | 'cleared' | 'pagehide'): void;
  drop(key: K): void;
}

/** What a publish of a composer shares: taken when Post is clicked. */
export interface PublishSnapshot {
  /** The Relay posts the composer held, in the order they appear. */
  contentIds: string[];
  /** The person changed the suggested text. */
  personalized: boolean;
}

/**
 * One open composer's Relay side (components/composer/ui/session.ts): its UI, hints and what it holds.
 * It lives in the UI script, loaded only when some composer has something to show; the content
 * script talks to it through this.
 */
export interface ComposerSessionApi {
  readonly composer: Composer;
  /** Its elements in the page: the UI's host, and the button's in the toolbar row. */
  hosts(): Element[];
  readonly panelOpen: boolean;
  readonly hasItems: boolean;
  /**
   * Starts watching the editor (and checks the text it already holds); `standIn` (the content
   * script's button) goes once this UI is in, or, in the composer's toolbar row, stays as the UI's
   * button; `carried` is what the session of the composer this one replaced held (the site
   * re-rendered it).
   */
  start(standIn?: StandIn | null, carried?: SessionCarry | null): void;
  /** What this session holds that must follow its composer when the site re-renders it. */
  carry(): SessionCarry;
  /** New data from the background. */
  refresh(): void;
  /** Puts the UI back if the site re-rendered it away. */
  keepMounted(): void;
  dispose(): void;
  openPanel(): void;
  closePanel(returnFocus: boolean): void;
  /** What a publish now would share, or null when the composer holds no Relay content. */
  snapshot(): PublishSnapshot | null;
  /** Its publish was logged. */
  published(): void;
}

/** What a session holds beyond the editor's text: the suggestion it inserted (or is inserting), its panel. */
export interface SessionCarry {
  inserted: { contentId: string; text: string } | null;
  /** Its panel was open (and not busy inserting). */
  panelOpen: boolean;
}

/** What the content script gives each session. */
export interface SessionEnv {
  ctx: ContentScriptContext;
  adapter: SiteAdapter;
  data: {
    readonly value: ComposerData | null;
    get(maxAgeMs?: number): Promise<unknown>;
  };
  tracker: PublishTracking<ComposerSessionApi>;
  /** The site's theme, followed (components/composer/theme.ts). */
  theme: {
    readonly value: SiteTheme;
    subscribe(listener: (theme: SiteTheme) => void): () => void;
  };
}

/** What the UI script (entrypoints/*-composer-ui.ts) leaves for the content script in their shared world. */
export interface ComposerUiModule {
  createSession(composer: Composer, env: SessionEnv): ComposerSessionApi;
}

/** The custom element hosting Relay's UI next to a composer; its insertions are ours, not the site's. */
export const UI_HOST_NAME = 'relay-composer-ui';
/** The element holding the "Suggested posts" button alone in a composer's toolbar row (`Composer.toggle`). */
export const TOGGLE_HOST_NAME = 'relay-composer-button';

/** One of Relay's own elements in the page (the composer observer ignores them). */
export const isRelayHost = (element: Element): boolean =>
  element.localName === UI_HOST_NAME || element.localName === TOGGLE_HOST_NAME;

/** The global (in the extension's isolated world, never the page's) the UI script registers under. */
export const COMPOSER_UI_KEY = '__relayComposerUi';
