/**
 * The composer feature on one site, driven by that site's adapter, as the always-loaded content
 * script: finds composers as they open (one batched MutationObserver per root), asks the
 * background what to show, routes the keyboard shortcut, Post clicks and Ctrl/Cmd+Enter to the
 * sessions, and logs a share once a composer holding Relay content was published. The UI script
 * (panel, hints, twitter-text) loads when a composer has something to show and the person turns
 * to it: focuses its editor, uses its button or the shortcut, or it opens holding text (a share
 * intent). Until then a composer with posts to suggest shows a stand-in button (stand-in.ts): X's
 * home page, whose box above the timeline is there at every visit, costs little more than a page
 * with no composer. Once loaded, every composer gets its session at once. Whatever the site does,
 * nothing here throws into the page: a problem becomes the page's one "Relay: …" console warning.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ComposerBrief, ComposerData } from '../shared/messaging';
import { sendMessage } from '../shared/messaging';
import { briefOf, needsUi } from './brief';
import { ComposerDataSource } from './data';
import { countHealth, countHealthOn } from './health';
import { RootObserver } from './observer';
import { PublishTracker } from './publish';
import { watchRefusal } from './publish-refusal';
import { replaces } from './rerender';
import { sendShares } from './share-log';
import { mountStandIn, type StandIn } from './stand-in';
import { isShortcut } from './shortcut';
import { followSelectorOverrides } from './site-overrides';
import { followSiteTheme, type ThemeSource } from './theme';
import type { Composer, ComposerSessionApi, ComposerUiModule, SessionCarry, SiteAdapter } from './types';
import { isRelayHost } from './types';
import { loadComposerUi, uiLoaded } from './ui-loader';
import { LAYOUT_GRACE_MS, SiteWatch } from './site-watch';
import { guarded, warnOnce } from './warn';

interface Tracked {
  composer: Composer;
  /** Its Relay side, once the UI script is loaded and there is something to show. */
  session: ComposerSessionApi | null;
  /** The person turned to it: it gets a session as soon as there is something to show. */
  wanted: boolean;
  /** Its button before it has a session, when there are posts to suggest. */
  standIn: StandIn | null;
  /** The panel opens once its session starts (the stand-in was used, or the shortcut pressed). */
  openPanel: boolean;
  /** What the session of the composer this one replaced held (the site re-rendered it). */
  carried: SessionCarry | null;
}

export class ComposerFeature {
  private readonly tracked = new Map<HTMLElement, Tracked>();
  private readonly data: ComposerDataSource;
  private readonly tracker: PublishTracker<ComposerSessionApi>;
  private readonly observer: RootObserver;
  private opened = 0;
  /** Stops watching a session's Post button for the site refusing its publish. */
  private readonly refusals = new Map<ComposerSessionApi, () => void>();
  private readonly watch: SiteWatch;
  /** The UI script and the whole answer are on their way for composers that need a session. */
  private attaching = false;
  /** The background's latest word on what there is to show. */
  private brief: ComposerBrief | null = null;
  /** The site's theme, followed once Relay shows something (a page with nothing to show never reads it). */
  private theme: ThemeSource | null = null;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly adapter: SiteAdapter,
  ) {
    this.data = new ComposerDataSource(adapter.network);
    this.tracker = new PublishTracker((session, snapshot) => {
      session.published();
      void sendShares(this.adapter.network, snapshot).then(() => this.data.get(0));
    });
    this.watch = new SiteWatch(ctx, adapter, {
      opened: () => this.opened,
      editors: () => this.tracked.keys(),
      poke: () => this.observer.poke(),
    });
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
    if (this.adapter.expectsComposer(new URL(location.href))) this.watch.expectComposer('this page should open one');
    if (!this.adapter.recognizesPage()) this.ctx.setTimeout(() => this.watch.checkLayout(), LAYOUT_GRACE_MS);
    this.ctx.onInvalidated(() => this.stop());
  }

  stop(): void {
    this.observer.disconnect();
    this.theme?.stop();
    this.tracker.clear();
    for (const { session, standIn } of this.tracked.values()) {
      session?.dispose();
      standIn?.remove();
    }
    this.tracked.clear();
  }

  private siteTheme(): ThemeSource {
    if (this.theme) return this.theme;
    const theme = followSiteTheme(this.adapter);
    theme.subscribe(
      guarded('Following the site theme', (next) => {
        for (const { standIn } of this.tracked.values()) standIn?.setTheme(next);
      }),
    );
    return (this.theme = theme);
  }

  /** The background's brief, which came with the selector overrides: composers found now need not ask again. */
  briefed(brief: ComposerBrief): void {
    this.data.keepBrief(brief);
  }

  private *sessions(): Generator<ComposerSessionApi> {
    for (const { session } of this.tracked.values()) if (session) yield session;
  }

  /** Observes the adapter's roots; a root seen for the first time is searched whole, once (every root: `all`). */
  private syncRoots(all = false): void {
    const fresh = this.observer.sync(this.adapter.roots());
    for (const root of all ? this.adapter.roots() : fresh)
      if (root.scan) for (const composer of this.adapter.findComposers(root.node)) this.open(composer);
  }

  /** The selectors changed: every root that holds composers is searched again. */
  rescan = (): void => this.syncRoots(true);

  private flush(added: Element[]): void {
    this.syncRoots();
    const publishing = this.tracker.active;
    for (const element of added) {
      // Most added elements are a feed's posts: the adapter's cheap precheck comes first, so a post
      // costs that and nothing more.
      const mayHold = this.adapter.mayHoldComposer(element);
      if (!mayHold && !publishing) continue;
      if (!element.isConnected || isRelayHost(element)) continue;
      if (publishing && this.adapter.isSuccessSignal(element)) this.tracker.confirmLatest('toast');
      if (!mayHold) continue;
      const found = this.adapter.findComposers(element);
      for (const composer of found) this.open(composer);
      if (found.length === 0 && this.adapter.looksLikeComposer(element)) this.watch.suspect(element);
    }
    for (const [editor, tracked] of this.tracked) {
      const { session, standIn } = tracked;
      if (editor.isConnected) {
        session?.keepMounted();
        standIn?.keepMounted();
        continue;
      }
      const next = this.replacementOf(tracked);
      if (next) this.handOver(tracked, next);
      // The composer closed: after a Post click, that is the site saying it was published.
      else if (session) this.tracker.confirm(session, 'closed');
      if (session) {
        session.dispose();
        this.refusals.get(session)?.();
        this.refusals.delete(session);
      }
      standIn?.remove();
      this.tracked.delete(editor);
    }
  }

  /** The composer the site put in place of `gone`'s (its editor re-rendered), if any. */
  private replacementOf(gone: Tracked): Tracked | null {
    const text = this.adapter.readText(gone.composer.editor);
    for (const tracked of this.tracked.values()) {
      if (tracked !== gone && replaces({ composer: gone.composer, text }, tracked.composer, this.adapter))
        return tracked;
    }
    return null;
  }

  /** What `gone`'s session held moves to the composer that replaced it, whose session comes now. */
  private handOver(gone: Tracked, next: Tracked): void {
    next.carried = gone.session?.carry() ?? gone.carried;
    next.wanted ||= gone.wanted || gone.session !== null;
    next.openPanel ||= next.carried?.panelOpen ?? gone.openPanel;
    this.attachSessions(this.brief);
  }

  private open(composer: Composer): void {
    if (this.tracked.has(composer.editor)) return;
    for (const [editor, tracked] of this.tracked) {
      // One per composer form (an X thread's later parts go with the first part).
      if (tracked.composer.container === composer.container && editor.isConnected) return;
    }
    this.opened++;
    countHealth('composersSeen');
    const editor = composer.editor;
    // Focused as it opens (a modal), or holding text already (a share intent): the person is at it.
    const text = editor instanceof HTMLTextAreaElement ? editor.value : editor.textContent;
    const wanted = editor.matches(':focus-within') || !!text?.trim();
    this.tracked.set(editor, { composer, session: null, wanted, standIn: null, openPanel: false, carried: null });
    if (!this.adapter.postButton(composer)) {
      warnOnce(`found a ${this.adapter.siteName} composer without its Post button; its shares won't be detected.`);
    }
    void this.data
      .brief()
      .then(guarded('Opening a composer', (brief: ComposerBrief | null) => this.attachSessions(brief)));
  }

  private onData(data: ComposerData | null): void {
    for (const session of this.sessions()) session.refresh();
    this.attachSessions(briefOf(data));
  }

  /**
   * Gives each composer without a session what it should have now: a session when there is
   * something to show and the person turned to it (or the UI script is in anyway), else a stand-in
   * button while there are posts to suggest.
   */
  private attachSessions(brief: ComposerBrief | null): void {
    // A brief of the whole answer has no words for the button: the last ones the background gave stay.
    this.brief = brief?.labels || !this.brief?.labels ? brief : brief && { ...brief, labels: this.brief.labels };
    const show = needsUi(brief);
    const count = brief?.items ?? 0;
    let load = false;
    for (const tracked of this.tracked.values()) {
      if (tracked.session) continue;
      if (show && (tracked.wanted || uiLoaded())) {
        load = true;
        continue;
      }
      if (!show || count === 0) {
        tracked.standIn?.remove();
        tracked.standIn = null;
      } else if (tracked.standIn) tracked.standIn.setCount(count);
      else if (tracked.composer.editor.isConnected) {
        const onActivate = guarded('Opening suggested posts', () => this.turnTo(tracked, true));
        this.observer.unobserved(() => {
          const theme = this.siteTheme().value;
          tracked.standIn = mountStandIn(tracked.composer, count, theme, this.brief?.labels, onActivate);
        });
      }
    }
    // One load at a time: when it is in, every composer then without a session gets one.
    if (!load || this.attaching) return;
    this.attaching = true;
    void Promise.all([loadComposerUi(this.adapter.network), this.data.get()]).then(
      guarded('Showing Relay in a composer', ([ui, data]: [ComposerUiModule | null, ComposerData | null]) => {
        this.attaching = false;
        if (!ui || !needsUi(briefOf(data))) return;
        for (const [editor, tracked] of this.tracked) {
          if (tracked.session || !editor.isConnected) continue;
          const session = ui.createSession(tracked.composer, {
            ctx: this.ctx,
            adapter: this.adapter,
            data: this.data,
            tracker: this.tracker,
            theme: this.siteTheme(),
          });
          tracked.session = session;
          session.start(tracked.standIn, tracked.carried);
          tracked.carried = null;
          tracked.standIn = null;
          if (tracked.openPanel) session.openPanel();
          tracked.openPanel = false;
        }
      }),
    );
  }

  /** The person turned to a composer without a session: its session (and maybe panel) comes now. */
  private turnTo(tracked: Tracked, openPanel: boolean): void {
    if (tracked.session) {
      if (openPanel) tracked.session.openPanel();
      return;
    }
    tracked.wanted = true;
    tracked.openPanel ||= openPanel;
    this.attachSessions(this.brief);
  }

  /** The composer without a session whose editor (or stand-in) is on `path`. */
  private waitingFor(path: readonly EventTarget[]): Tracked | null {
    for (const [editor, tracked] of this.tracked) {
      if (tracked.session) continue;
      if (path.includes(editor) || (tracked.standIn && path.includes(tracked.standIn.host))) return tracked;
    }
    return null;
  }

  /**
   * Someone starts writing: in a composer waiting for its session, that session comes now; on a
   * page whose layout we don't know, say so now rather than later.
   */
  private onFocusIn(event: FocusEvent): void {
    if (this.tracked.size > 0) {
      // Not on focusing the stand-in: its click would land on a button the UI just replaced.
      const path = event.composedPath();
      const waiting = this.waitingFor(path);
      if (waiting && path.includes(waiting.composer.editor)) this.turnTo(waiting, false);
      return;
    }
    const target = event.composedPath()[0];
    if (target instanceof HTMLElement && (target.isContentEditable || target instanceof HTMLTextAreaElement))
      this.watch.checkLayout();
  }

  private sessionFor(path: readonly EventTarget[]): { session: ComposerSessionApi; inEditor: boolean } | null {
    for (const session of this.sessions()) {
      if (path.includes(session.composer.editor)) return { session, inEditor: true };
      if (session.hosts().some((host) => path.includes(host))) return { session, inEditor: false };
    }
    return null;
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (this.tracked.size === 0) return;
    const path = event.composedPath();
    const found = this.sessionFor(path);
    if (!found) {
      const waiting = isShortcut(event) ? this.waitingFor(path) : null;
      if (waiting && waiting.standIn) {
        event.preventDefault();
        event.stopImmediatePropagation();
        this.turnTo(waiting, true);
      }
      return;
    }
    const { session, inEditor } = found;
    if (event.key === 'Escape' && session.panelOpen) {
      event.preventDefault();
      event.stopImmediatePropagation();
      session.closePanel(true);
    } else if (inEditor && isShortcut(event)) {
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
      this.watch.expectComposer('"Start a post" was clicked');
    for (const session of this.sessions()) {
      const button = this.adapter.postButton(session.composer);
      if (!button || !path.includes(button)) continue;
      if (button.matches(':disabled, [aria-disabled="true"]')) continue;
      this.publishing(session);
    }
    // A click may open a composer whose container or shadow root has no mutation of ours to see.
    this.observer.poke();
  }

  /**
   * Post clicked or Ctrl/Cmd+Enter: remember what is being published, and wait for the site's
   * word; a Post button enabled again in the open composer is the site refusing it.
   */
  private publishing(session: ComposerSessionApi): void {
    const snapshot = session.snapshot();
    if (!snapshot) return;
    this.tracker.arm(session, snapshot);
    this.refusals.get(session)?.();
    const button = this.adapter.postButton(session.composer);
    if (button) {
      const stop = watchRefusal(button, session.composer.editor, () => this.tracker.drop(session));
      this.refusals.set(session, stop);
    }
  }
}

/** Starts the composer feature for `adapter`'s site in this content script, once the admin's selector overrides are in. */
export function startComposerFeature(ctx: ContentScriptContext, adapter: SiteAdapter): void {
  countHealthOn(adapter.network, (report) => sendMessage('composerHealth', report));
  guarded(`Starting on ${adapter.siteName}`, () =>
    followSelectorOverrides(ctx, adapter, new ComposerFeature(ctx, adapter)),
  )();
}
