/**
 * The composer feature on one site, driven by that site's adapter, as the always-loaded content
 * script: finds composers as they open (one batched MutationObserver per root), asks the
 * background what to show, loads the UI script when a composer has something to show and gives
 * each composer a session from it, routes the keyboard shortcut, Post clicks and Ctrl/Cmd+Enter to
 * the sessions, and logs a share once a composer holding Relay content was published. Whatever the
 * site does, nothing here throws into the page: a problem becomes the page's one "Relay: …"
 * console warning.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ComposerData } from '../messaging';
import { sendMessage } from '../messaging';
import { ComposerDataSource, needsUi } from './data';
import { RootObserver } from './observer';
import { PublishTracker, type ConfirmReason } from './publish';
import type { Composer, ComposerSessionApi, PublishSnapshot, SiteAdapter } from './types';
import { UI_HOST_NAME } from './types';
import { loadComposerUi } from './ui-loader';
import { guarded, warnOnce } from './warn';

/** How long a composer may take to appear after a "Start a post" click or on a compose URL. */
const COMPOSER_EXPECTED_MS = 4_000;
/** How long a composer's landmarks may wait for their editor before the site counts as changed. */
const SUSPECT_GRACE_MS = 2_000;
/** How long after start the page may take to show the layout the adapter knows. */
const LAYOUT_GRACE_MS = 2_000;

interface Tracked {
  composer: Composer;
  /** Its Relay side, once the UI script is loaded and there is something to show. */
  session: ComposerSessionApi | null;
}

export class ComposerFeature {
  private readonly tracked = new Map<HTMLElement, Tracked>();
  private readonly data: ComposerDataSource;
  private readonly tracker: PublishTracker<ComposerSessionApi>;
  private readonly observer: RootObserver;
  private readonly suspects = new Set<Element>();
  private opened = 0;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly adapter: SiteAdapter,
  ) {
    this.data = new ComposerDataSource(adapter.network);
    this.tracker = new PublishTracker((session, snapshot, reason) => this.logShare(session, snapshot, reason));
    this.observer = new RootObserver(
      guarded('Looking for composers', (added: Element[]) => this.flush(added)),
      () => this.tracker.active,
    );
  }

  start(): void {
    this.syncRoots();
    const capture = { capture: true };
    this.ctx.addEventListener(
      window,
      'keydown',
      guarded('Handling a key', (event: KeyboardEvent) => this.onKeyDown(event)),
      capture,
    );
    this.ctx.addEventListener(
      window,
      'click',
      guarded('Handling a click', (event: MouseEvent) => this.onClick(event)),
      capture,
    );
    this.ctx.addEventListener(
      window,
      'focusin',
      guarded('Handling focus', (event: FocusEvent) => this.onFocusIn(event)),
      capture,
    );
    this.ctx.addEventListener(window, 'pagehide', () => this.tracker.confirmAll('pagehide'));
    this.data.subscribe(guarded('Updating composers', (data: ComposerData | null) => this.onData(data)));
    if (this.adapter.expectsComposer(new URL(location.href))) this.expectComposer('this page should open one');
    if (!this.adapter.recognizesPage()) this.ctx.setTimeout(() => this.checkLayout(), LAYOUT_GRACE_MS);
    this.ctx.onInvalidated(() => this.stop());
  }

  stop(): void {
    this.observer.disconnect();
    this.tracker.clear();
    for (const { session } of this.tracked.values()) session?.dispose();
    this.tracked.clear();
  }

  private *sessions(): Generator<ComposerSessionApi> {
    for (const { session } of this.tracked.values()) if (session) yield session;
  }

  /** Observes the adapter's roots; a root seen for the first time is searched whole, once. */
  private syncRoots(): void {
    for (const root of this.observer.sync(this.adapter.roots())) {
      if (root.scan) for (const composer of this.adapter.findComposers(root.node)) this.open(composer);
    }
  }

  private flush(added: Element[]): void {
    this.syncRoots();
    const publishing = this.tracker.active;
    for (const element of added) {
      // Most added elements are a feed's posts: the adapter's cheap precheck comes first, so a post
      // costs that and nothing more.
      const mayHold = this.adapter.mayHoldComposer(element);
      if (!mayHold && !publishing) continue;
      if (!element.isConnected || element.localName === UI_HOST_NAME) continue;
      if (publishing && this.adapter.isSuccessSignal(element)) this.tracker.confirmLatest('toast');
      if (!mayHold) continue;
      const found = this.adapter.findComposers(element);
      for (const composer of found) this.open(composer);
      if (found.length === 0 && this.adapter.looksLikeComposer(element)) this.suspect(element);
    }
    for (const [editor, { session }] of this.tracked) {
      if (editor.isConnected) {
        session?.keepMounted();
        continue;
      }
      // The composer closed: after a Post click, that is the site saying it was published.
      if (session) {
        this.tracker.confirm(session, 'closed');
        session.dispose();
      }
      this.tracked.delete(editor);
    }
  }

  private open(composer: Composer): void {
    if (this.tracked.has(composer.editor)) return;
    for (const [editor, tracked] of this.tracked) {
      // One per composer form (an X thread's later parts go with the first part).
      if (tracked.composer.container === composer.container && editor.isConnected) return;
    }
    this.opened++;
    this.tracked.set(composer.editor, { composer, session: null });
    if (!this.adapter.postButton(composer)) {
      warnOnce(`found a ${this.adapter.siteName} composer without its Post button; its shares won't be detected.`);
    }
    void this.data.get().then(guarded('Opening a composer', (data: ComposerData | null) => this.attachSessions(data)));
  }

  private onData(data: ComposerData | null): void {
    for (const session of this.sessions()) session.refresh();
    this.attachSessions(data);
  }

  /** Gives every composer without one a session, once there is something to show and the UI script is in. */
  private attachSessions(data: ComposerData | null): void {
    if (!needsUi(data) || ![...this.tracked.values()].some((tracked) => !tracked.session)) return;
    void loadComposerUi(this.adapter.network).then(
      guarded('Showing Relay in a composer', (ui: Awaited<ReturnType<typeof loadComposerUi>>) => {
        if (!ui) return;
        for (const [editor, tracked] of this.tracked) {
          if (tracked.session || !editor.isConnected) continue;
          tracked.session = ui.createSession(tracked.composer, {
            ctx: this.ctx,
            adapter: this.adapter,
            data: this.data,
            tracker: this.tracker,
          });
          tracked.session.start();
        }
      }),
    );
  }

  /** Landmarks of a composer with no editor that matched: maybe the editor comes later, maybe the site changed. */
  private suspect(element: Element): void {
    if (this.suspects.has(element)) return;
    this.suspects.add(element);
    this.ctx.setTimeout(
      guarded('Checking a composer', () => {
        this.suspects.delete(element);
        if (!element.isConnected || this.adapter.findComposers(element).length > 0) return;
        for (const editor of this.tracked.keys()) if (element.contains(editor)) return;
        warnOnce(
          `found a ${this.adapter.siteName} composer whose editor it doesn't recognise; the site may have changed.`,
        );
      }),
      SUSPECT_GRACE_MS,
    );
  }

  /** A composer should appear soon; when none does, the site changed under us. */
  private expectComposer(why: string): void {
    const before = this.opened;
    for (const delay of [300, 1_000, 2_000]) this.ctx.setTimeout(() => this.observer.poke(), delay);
    this.ctx.setTimeout(() => {
      if (this.opened === before && this.tracked.size === 0) {
        warnOnce(`no ${this.adapter.siteName} composer found although ${why}; the site may have changed.`);
      }
    }, COMPOSER_EXPECTED_MS);
  }

  private checkLayout(): void {
    if (!this.adapter.recognizesPage()) {
      warnOnce(
        `this ${this.adapter.siteName} page has none of the layouts Relay knows; Relay stays off here. The site may have changed.`,
      );
    }
  }

  /** Someone starts writing on a page whose layout we don't know: say so now rather than later. */
  private onFocusIn(event: FocusEvent): void {
    if (this.tracked.size > 0) return;
    const target = event.composedPath()[0];
    if (target instanceof HTMLElement && (target.isContentEditable || target instanceof HTMLTextAreaElement))
      this.checkLayout();
  }

  private sessionFor(path: readonly EventTarget[]): { session: ComposerSessionApi; inEditor: boolean } | null {
    for (const session of this.sessions()) {
      if (path.includes(session.composer.editor)) return { session, inEditor: true };
      const host = session.uiHost;
      if (host && path.includes(host)) return { session, inEditor: false };
    }
    return null;
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (this.tracked.size === 0) return;
    const found = this.sessionFor(event.composedPath());
    if (!found) return;
    const { session, inEditor } = found;
    if (event.key === 'Escape' && session.panelOpen) {
      event.preventDefault();
      event.stopImmediatePropagation();
      session.closePanel(true);
    } else if (
      inEditor &&
      event.altKey &&
      event.shiftKey &&
      !event.ctrlKey &&
      !event.metaKey &&
      event.code === 'KeyR'
    ) {
      if (!session.hasItems) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      session.openPanel();
    } else if (inEditor && event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      this.publishing(session);
    }
  }

  private onClick(event: MouseEvent): void {
    const path = event.composedPath();
    const target = path[0];
    if (target instanceof Element && this.adapter.isComposerTrigger(target))
      this.expectComposer('"Start a post" was clicked');
    for (const session of this.sessions()) {
      const button = this.adapter.postButton(session.composer);
      if (!button || !path.includes(button)) continue;
      if (button.matches(':disabled, [aria-disabled="true"]')) continue;
      this.publishing(session);
    }
    // A click may open a composer whose container or shadow root has no mutation of ours to see.
    this.observer.poke();
  }

  /** Post clicked or Ctrl/Cmd+Enter: remember what is being published, and wait for the site's word. */
  private publishing(session: ComposerSessionApi): void {
    const snapshot = session.snapshot();
    if (snapshot) this.tracker.arm(session, snapshot);
  }

  private logShare(session: ComposerSessionApi, snapshot: PublishSnapshot, _reason: ConfirmReason): void {
    session.published();
    const network = this.adapter.network;
    const sends = snapshot.contentIds.map((contentId) =>
      sendMessage('composerShare', {
        shareId: crypto.randomUUID(),
        contentId,
        network,
        personalized: snapshot.personalized,
      }),
    );
    void Promise.allSettled(sends).then(() => this.data.get(0));
  }
}

/** Starts the composer feature for `adapter`'s site in this content script. */
export function startComposerFeature(ctx: ContentScriptContext, adapter: SiteAdapter): void {
  try {
    new ComposerFeature(ctx, adapter).start();
  } catch (error) {
    warnOnce(`could not start on ${adapter.siteName}.`, error);
  }
}
