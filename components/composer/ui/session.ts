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
import { countHealth } from '../health';
import type { Composer, ComposerSessionApi, PublishSnapshot, SessionCarry, SessionEnv } from '../types';
import { guarded, warnOnce } from '../warn';
import { columnInsets, type ColumnInsets } from './column';
import { debounce } from './debounce';
import { EditorMarks, type Mark } from './marks';
import { mountComposerUi } from './mount';
import { relayContentIds } from './relay-content';
import { RowToggle } from './row-toggle';
import type { StandIn } from '../stand-in';
import { createStore, type Store } from './store';
import { THEME_ATTRIBUTE } from './toggleStyles';
import { t } from '../../shared/i18n';

export const HINT_DELAY_MS = 250;

export interface ComposerUiState {
  /** Posts to suggest here; none: no button. */
  items: ComposerItem[];
  panelOpen: boolean;
  hints: Hint[];
  /** A problem to show in the panel (the editor did not take the text). */
  notice: string | null;
  busy: boolean;
  /** "LinkedIn" or "X": whose text variants the panel shows. */
  siteName: string;
  /** The editor's text column, from the UI host's edges: the UI lines up with it. */
  column: ColumnInsets;
  /** The button is in the composer's toolbar row (row-toggle.ts), not at the head of this UI. */
  rowToggle: boolean;
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
  /** Where the marks over the editor's words are drawn (in the UI's shadow root). */
  layer: HTMLElement;
  remove(): void;
}

/** The marks for these hints: the ones about a part of the text. */
function marksOf(hints: readonly Hint[], text: string): Mark[] {
  return hints.flatMap((hint) =>
    hint.range ? [{ ...hint.range, severity: hint.severity, text: text.slice(hint.range.start, hint.range.end) }] : [],
  );
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
    siteName: '',
    column: { start: 0, end: 0 },
    rowToggle: false,
  });
  private inserted: { contentId: string; text: string } | null = null;
  /** The suggestion being inserted now (its editor may be re-rendered before the site's signals come). */
  private inserting: { contentId: string; text: string } | null = null;
  private ui: MountedUi | null = null;
  private marks: EditorMarks | null = null;
  /** Moves the UI with the editor's column when either changes size. */
  private readonly layout = new ResizeObserver(guarded('Aligning with the editor', () => this.align()));
  private stopTheme: (() => void) | null = null;
  /** The content script's stand-in button, removed when this UI is in (or has nothing to show). */
  private standIn: StandIn | null = null;
  /** The button in the composer's toolbar row, when it has a place there (`Composer.toggle`). */
  private row: RowToggle | null = null;
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
  ) {
    this.store.set({ siteName: env.adapter.siteName });
  }

  private get editor(): HTMLElement {
    return this.composer.editor;
  }

  private get data(): CheckData | null {
    return checkData(this.env.data.value);
  }

  hosts(): Element[] {
    return [this.ui?.host, this.row?.host].filter((host): host is Element => !!host);
  }

  get panelOpen(): boolean {
    return this.store.get().panelOpen;
  }

  get hasItems(): boolean {
    return this.store.get().items.length > 0;
  }

  start(standIn: StandIn | null = null, carried: SessionCarry | null = null): void {
    if (this.composer.toggle) this.row = new RowToggle(this.composer, standIn, this.env.theme, this.store, this);
    else this.standIn = standIn;
    // What the replaced composer held, while its text is here (an insertion cut short by the re-render is not).
    const held = carried?.inserted;
    const text = looseText(this.env.adapter.readText(this.editor));
    this.inserted = held && text.includes(looseText(held.text)) ? held : null;
    this.editorObserver.observe(this.editor, { childList: true, characterData: true, subtree: true });
    // Checks the text already there (typed while this UI loaded, a draft the site kept) now, not
    // at the next keystroke.
    this.refresh();
  }

  carry(): SessionCarry {
    const { busy, panelOpen } = this.store.get();
    return { inserted: this.inserted ?? this.inserting, panelOpen: panelOpen && !busy };
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
      this.unmount();
      this.syncUi();
    }
    this.row?.keepMounted();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.scheduleCheck.cancel();
    this.editorObserver.disconnect();
    this.env.tracker.drop(this);
    this.unmount();
    this.dropStandIn();
    this.row?.remove();
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
    this.syncUi();
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
    this.marks?.schedule();
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
    const hints = data ? this.hintsFor(text, data) : [];
    this.store.set({ hints });
    this.syncUi();
    this.marks?.set(marksOf(hints, text));
  }

  /** The UI is in: it takes the site's theme, lines up with the editor and marks the hints' words. */
  private mounted(ui: MountedUi): void {
    this.ui = ui;
    const setTheme = (theme: string) => ui.host.setAttribute(THEME_ATTRIBUTE, theme);
    setTheme(this.env.theme.value);
    this.stopTheme = this.env.theme.subscribe(guarded('Following the site theme', setTheme));
    this.marks = new EditorMarks(ui.layer, this.editor, this.env.adapter);
    this.layout.observe(this.editor);
    this.layout.observe(ui.host);
    this.align();
    this.marks.set(marksOf(this.store.get().hints, this.env.adapter.readText(this.editor)));
  }

  private unmount(): void {
    this.stopTheme?.();
    this.stopTheme = null;
    this.layout.disconnect();
    this.marks?.dispose();
    this.marks = null;
    this.ui?.remove();
    this.ui = null;
  }

  private align(): void {
    if (!this.ui) return;
    const column = columnInsets(this.editor, this.ui.host);
    const known = this.store.get().column;
    if (column.start !== known.start || column.end !== known.end) this.store.set({ column });
    this.marks?.schedule();
  }

  private syncUi(): void {
    if (this.disposed) return;
    const { items, hints, panelOpen, rowToggle } = this.store.get();
    const needed = (items.length > 0 && !rowToggle) || hints.length > 0 || panelOpen;
    if (needed && !this.ui && !this.mounting) {
      this.mounting = true;
      mountComposerUi(this.env.ctx, this)
        .then((ui) => {
          this.mounting = false;
          if (this.disposed) ui.remove();
          else this.mounted(ui);
          // In the same task as the mount: the page never draws both buttons, nor neither.
          this.dropStandIn();
          this.syncUi();
        })
        .catch((error: unknown) => {
          this.mounting = false;
          warnOnce(`could not show Relay next to a ${this.env.adapter.siteName} composer.`, error);
        });
    } else if (!needed) {
      this.unmount();
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
    this.inserting = { contentId: item.id, text: item.text };
    try {
      inserted = await this.env.adapter.insertText(this.composer, separator + item.text);
    } catch (error) {
      warnOnce(`inserting into the ${this.env.adapter.siteName} editor failed.`, error);
    }
    countHealth(inserted ? 'insertionsConfirmed' : 'insertionsFailed');
    this.inserting = null;
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
      notice: copied ? t('composer_copied_paste') : t('composer_cannot_copy'),
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
      done = await this.env.adapter.insertText(this.composer, fresh.fix.append);
    } catch (error) {
      warnOnce(`inserting into the ${this.env.adapter.siteName} editor failed.`, error);
    }
    countHealth(done ? 'insertionsConfirmed' : 'insertionsFailed');
    if (!done) warnOnce(`the ${this.env.adapter.siteName} editor did not take the text; the site may have changed.`);
    this.check();
  }
}
