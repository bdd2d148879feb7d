/**
 * One open composer: what its UI shows (the posts to suggest, the guideline hints, the panel),
 * what it holds (an inserted suggestion, Relay links), and what a publish of it shares. Hints are
 * computed in the page, 250 ms after the editor last changed; the text never leaves the page. The
 * UI is mounted only when there is something to show.
 */
import {
  checkPost,
  compileGuidelines,
  isVerbatim,
  mentionsCompany,
  type CompiledGuidelines,
  type Hint,
} from '../../../lib/guidelines';
import type { ComposerData, ComposerItem } from '../../shared/messaging';
import { looseText, restoreCaret, saveCaret } from '../editing';
import type { Composer, ComposerSessionApi, PublishSnapshot, SessionEnv } from '../types';
import { guarded, warnOnce } from '../warn';
import { debounce } from './debounce';
import { mountComposerUi } from './mount';
import { relayContentIds } from './relay-content';
import { createStore, type Store } from './store';

export const HINT_DELAY_MS = 250;

export interface ComposerUiState {
  /** Posts to suggest here; none: no button. */
  items: ComposerItem[];
  panelOpen: boolean;
  hints: Hint[];
  /** A problem to show in the panel (the editor did not take the text). */
  notice: string | null;
  busy: boolean;
}

/** What the UI may ask of its composer. */
export interface ComposerUiActions {
  togglePanel(): void;
  closePanel(returnFocus: boolean): void;
  insert(item: ComposerItem): void;
  applyFix(hint: Hint): void;
}

export interface MountedUi {
  host: Element;
  remove(): void;
}

/** The background's answer with its guidelines compiled, once per answer, for checks on every pause in typing. */
interface CheckData extends ComposerData {
  compiled: CompiledGuidelines;
}

const compiledFor = new WeakMap<ComposerData, CheckData>();

function checkData(data: ComposerData | null): CheckData | null {
  if (!data) return null;
  let known = compiledFor.get(data);
  if (!known) {
    known = { ...data, compiled: compileGuidelines(data.guidelines) };
    compiledFor.set(data, known);
  }
  return known;
}

export class ComposerSession implements ComposerUiActions, ComposerSessionApi {
  readonly store: Store<ComposerUiState> = createStore<ComposerUiState>({
    items: [],
    panelOpen: false,
    hints: [],
    notice: null,
    busy: false,
  });
  private inserted: { contentId: string; text: string } | null = null;
  private ui: MountedUi | null = null;
  /** The content script's stand-in button, removed when this UI is in (or has nothing to show). */
  private standIn: Element | null = null;
  private mounting = false;
  private disposed = false;
  private savedCaret: Range | null = null;
  private readonly scheduleCheck = debounce(
    guarded('Checking the post', () => this.check()),
    HINT_DELAY_MS,
  );
  private readonly editorObserver = new MutationObserver(guarded('Watching the editor', () => this.onEditorChange()));

  constructor(
    readonly composer: Composer,
    private readonly env: SessionEnv,
  ) {}

  private get editor(): HTMLElement {
    return this.composer.editor;
  }

  private get data(): CheckData | null {
    return checkData(this.env.data.value);
  }

  get uiHost(): Element | null {
    return this.ui?.host ?? null;
  }

  get panelOpen(): boolean {
    return this.store.get().panelOpen;
  }

  get hasItems(): boolean {
    return this.store.get().items.length > 0;
  }

  start(standIn: Element | null = null): void {
    this.standIn = standIn;
    this.editorObserver.observe(this.editor, { childList: true, characterData: true, subtree: true });
    this.refresh();
  }

  /** New data from the background: the list, and the hints against the new guidelines. */
  refresh(): void {
    if (this.disposed) return;
    this.store.set({ items: this.env.data.value?.items ?? [] });
    this.check();
  }

  /** Puts the UI back when the site re-rendered it away. */
  keepMounted(): void {
    if (this.ui && !this.ui.host.isConnected) {
      this.ui.remove();
      this.ui = null;
      this.syncUi();
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.scheduleCheck.cancel();
    this.editorObserver.disconnect();
    this.env.tracker.drop(this);
    this.ui?.remove();
    this.ui = null;
    this.dropStandIn();
  }

  togglePanel = (): void => {
    if (this.panelOpen) this.closePanel(false);
    else this.openPanel();
  };

  openPanel(): void {
    if (!this.hasItems) return;
    this.savedCaret = saveCaret(this.editor);
    this.store.set({ panelOpen: true, notice: null });
    this.syncUi();
    // The list may have grown since the composer opened.
    void this.env.data.get();
  }

  closePanel = (returnFocus: boolean): void => {
    if (!this.panelOpen) return;
    this.store.set({ panelOpen: false, notice: null });
    if (returnFocus) restoreCaret(this.editor, this.savedCaret);
    this.savedCaret = null;
  };

  insert = (item: ComposerItem): void => {
    void this.insertItem(item);
  };

  applyFix = (hint: Hint): void => {
    void this.applyHintFix(hint);
  };

  /** What a publish now would share, or null when the composer holds no Relay content. */
  snapshot(): PublishSnapshot | null {
    const data = this.data;
    if (!data) return null;
    const text = this.env.adapter.readText(this.editor);
    if (looseText(text) === '') return null;
    const contentIds = this.relayIds(text, data);
    if (contentIds.length === 0) return null;
    const suggestion = this.suggestionFor(contentIds, data);
    const identical =
      suggestion === null ||
      isVerbatim(checkPost(text, { network: this.env.adapter.network, guidelines: data.compiled, suggestion }));
    return { contentIds, personalized: !identical };
  }

  /** Logged: what was inserted is shared; what comes next in this composer is a new post. */
  published(): void {
    this.inserted = null;
    this.scheduleCheck();
  }

  private onEditorChange(): void {
    if (this.env.tracker.isPending(this) && looseText(this.env.adapter.readText(this.editor)) === '') {
      // An inline composer clears once its post went out.
      this.env.tracker.confirm(this, 'cleared');
    }
    this.scheduleCheck();
  }

  private relayIds(text: string, data: CheckData): string[] {
    const ids = relayContentIds(text, data.relayLinks);
    if (this.inserted && !ids.includes(this.inserted.contentId)) ids.unshift(this.inserted.contentId);
    return ids;
  }

  private suggestionFor(ids: readonly string[], data: CheckData): string | null {
    if (this.inserted && ids[0] === this.inserted.contentId) return this.inserted.text;
    return data.items.find((item) => item.id === ids[0])?.text ?? null;
  }

  private hintsFor(text: string, data: CheckData): Hint[] {
    if (looseText(text) === '') return [];
    const ids = this.relayIds(text, data);
    if (ids.length === 0 && !mentionsCompany(text, data.compiled)) return [];
    return checkPost(text, {
      network: this.env.adapter.network,
      guidelines: data.compiled,
      suggestion: ids.length ? this.suggestionFor(ids, data) : null,
      sharesToday: data.sharesToday,
    });
  }

  private check(): void {
    if (this.disposed) return;
    this.scheduleCheck.cancel();
    const data = this.data;
    const text = this.env.adapter.readText(this.editor);
    if (looseText(text) === '') this.inserted = null;
    this.store.set({ hints: data ? this.hintsFor(text, data) : [] });
    this.syncUi();
  }

  private syncUi(): void {
    if (this.disposed) return;
    const { items, hints, panelOpen } = this.store.get();
    const needed = items.length > 0 || hints.length > 0 || panelOpen;
    if (needed && !this.ui && !this.mounting) {
      this.mounting = true;
      mountComposerUi(this.env.ctx, this)
        .then((ui) => {
          this.mounting = false;
          if (this.disposed) ui.remove();
          else this.ui = ui;
          // In the same task as the mount: the page never draws both buttons, nor neither.
          this.dropStandIn();
          this.syncUi();
        })
        .catch((error: unknown) => {
          this.mounting = false;
          warnOnce(`could not show Relay next to a ${this.env.adapter.siteName} composer.`, error);
        });
    } else if (!needed) {
      this.ui?.remove();
      this.ui = null;
      this.dropStandIn();
    }
  }

  private dropStandIn(): void {
    this.standIn?.remove();
    this.standIn = null;
  }

  private async insertItem(item: ComposerItem): Promise<void> {
    if (this.store.get().busy) return;
    this.store.set({ busy: true, notice: null });
    const current = this.env.adapter.readText(this.editor);
    const separator = looseText(current) === '' ? '' : current.endsWith('\n') ? '\n' : '\n\n';
    let inserted = false;
    try {
      inserted = await this.env.adapter.insertText(this.editor, separator + item.text);
    } catch (error) {
      warnOnce(`inserting into the ${this.env.adapter.siteName} editor failed.`, error);
    }
    if (this.disposed) return;
    if (inserted) {
      this.inserted = { contentId: item.id, text: item.text };
      this.store.set({ busy: false, panelOpen: false });
      this.savedCaret = null;
      this.check();
      return;
    }
    warnOnce(`the ${this.env.adapter.siteName} editor did not take the inserted text; the site may have changed.`);
    const copied = await navigator.clipboard?.writeText(item.text).then(
      () => true,
      () => false,
    );
    this.store.set({
      busy: false,
      notice: copied
        ? "Relay couldn't type into this editor. The text is copied: paste it with Ctrl+V (⌘V on a Mac)."
        : "Relay couldn't type into this editor. Copy the text from the list instead.",
    });
  }

  private async applyHintFix(hint: Hint): Promise<void> {
    const data = this.data;
    if (!hint.fix || !data) return;
    // The text may have changed since the hint was shown: ask the checker again.
    const fresh = this.hintsFor(this.env.adapter.readText(this.editor), data).find(
      (h) => h.kind === hint.kind && h.fix,
    );
    if (!fresh?.fix) return this.check();
    let done = false;
    try {
      done = await this.env.adapter.insertText(this.editor, fresh.fix.append);
    } catch (error) {
      warnOnce(`inserting into the ${this.env.adapter.siteName} editor failed.`, error);
    }
    if (!done) warnOnce(`the ${this.env.adapter.siteName} editor did not take the text; the site may have changed.`);
    this.check();
  }
}
