/**
 * The fixture editors' model editor (part of editors.js, loaded before it, after editors-text.js):
 * keeps the model, renders the DOM from it, applies trusted input and reverts every other DOM
 * change, as editors.js describes. Handed on in `window.FixtureEditorParts`.
 */
(function () {
  'use strict';

  const { MARK, serialize, htmlToText, previousBoundary, nextBoundary, normalize } = window.FixtureEditorParts;
  const registry = new Set();

  const DELETE_RANGE_TYPES = new Set([
    'deleteWordBackward',
    'deleteWordForward',
    'deleteSoftLineBackward',
    'deleteSoftLineForward',
    'deleteHardLineBackward',
    'deleteHardLineForward',
    'deleteEntireSoftLine',
    'deleteByCut',
    'deleteByDrag',
    'deleteContent',
  ]);

  class ModelEditor {
    /**
     * @param {HTMLElement} element the contenteditable element
     * @param {{ render: (element: HTMLElement, lines: string[]) => {container: Node, text: Text | null}[],
     *   onChange?: (text: string, source: string) => void, onSubmit?: () => void, text?: string }} options
     */
    constructor(element, options) {
      this.element = element;
      this.renderLines = options.render;
      /** How the flavour takes a trusted input it did not handle (execCommand): null reads the whole DOM back. */
      this.adoptInput = options.adopt ?? null;
      /** How the flavour handles paste: 'data' reads clipboardData of any paste event, 'native' only a trusted one's. */
      this.pasteMode = options.paste ?? 'data';
      this.options = options;
      /**
       * Test controls (set from the main world): 'normal'; 'ignore' (the editor takes nothing: every
       * input, typing and paste is dropped); 'half' (the next execCommand or paste insertion lands
       * only its first half, then the editor behaves normally again); 'empty-paste' (every paste
       * arrives with an empty DataTransfer, as a content script's does in Firefox).
       */
      this.mode = 'normal';
      this.onChange = options.onChange ?? (() => {});
      this.onSubmit = options.onSubmit ?? (() => {});
      this.model = normalize(options.text ?? '');
      this.range = [this.model.length, this.model.length];
      this.adoptPending = false;
      this.renders = 0;
      this.reverts = 0;
      this.observer = new MutationObserver(() => this.reconcile());
      this.listeners = {
        beforeinput: (event) => this.onBeforeInput(event),
        input: (event) => this.onInput(event),
        paste: (event) => this.onPaste(event),
        keydown: (event) => this.onKeyDown(event),
      };
      this.listen(element);
      this.onSelectionChange = () => {
        if (!this.hasFocus()) return;
        const range = this.selectionOffsets();
        if (range) this.range = range;
      };
      document.addEventListener('selectionchange', this.onSelectionChange);
      element.__fixtureEditor = this;
      registry.add(this);
      this.render(null);
    }

    /** The model: what the site would publish. */
    get text() {
      return this.model;
    }

    /** The site's own model change (prefill, clearing after a post): not user input. */
    setText(text, source = 'app') {
      const next = normalize(text);
      this.update(next, next.length, source);
    }

    /** Selects [start, end) of the model in the DOM, as a person dragging the mouse would. */
    select(start, end = start) {
      this.range = [start, end];
      const from = this.pointAt(start);
      const to = this.pointAt(end);
      if (!from || !to) return;
      this.selection()?.setBaseAndExtent(from[0], from[1], to[0], to[1]);
    }

    /**
     * The site re-renders its composer: a fresh editor element (same attributes) replaces this one,
     * holding the same model; the old element leaves the DOM.
     */
    remount() {
      const old = this.element;
      const fresh = old.cloneNode(false);
      this.observer.disconnect();
      for (const [type, listener] of Object.entries(this.listeners)) old.removeEventListener(type, listener);
      delete old.__fixtureEditor;
      old.replaceWith(fresh);
      this.element = fresh;
      fresh.__fixtureEditor = this;
      this.listen(fresh);
      this.render(null);
      return fresh;
    }

    listen(element) {
      for (const [type, listener] of Object.entries(this.listeners)) element.addEventListener(type, listener);
    }

    destroy() {
      this.observer.disconnect();
      for (const [type, listener] of Object.entries(this.listeners)) this.element.removeEventListener(type, listener);
      document.removeEventListener('selectionchange', this.onSelectionChange);
      registry.delete(this);
    }

    // --- rendering ---------------------------------------------------------------------------

    render(caret) {
      this.observer.disconnect();
      this.lineNodes = this.renderLines(this.element, this.model.split('\n'));
      this.html = this.element.innerHTML;
      this.renders += 1;
      this.observer.observe(this.element, { childList: true, subtree: true, characterData: true });
      if (caret != null && this.hasFocus()) this.select(caret);
    }

    update(text, caret, source) {
      const changed = text !== this.model;
      this.model = text;
      const at = Math.max(0, Math.min(caret, text.length));
      this.range = [at, at];
      this.render(at);
      if (changed || source === 'app') this.onChange(this.model, source);
    }

    replace(start, end, insert, source) {
      const text = this.model.slice(0, start) + insert + this.model.slice(end);
      this.update(text, start + insert.length, source);
    }

    /** MutationObserver tick: adopt what a trusted input changed, revert anything else. */
    reconcile() {
      this.observer.takeRecords();
      if (this.adoptPending) {
        this.adoptPending = false;
        const adopted = this.mode === 'ignore' ? null : this.adopted();
        if (!adopted) {
          this.reverts += 1;
          this.render(Math.min(this.range[1], this.model.length));
          return;
        }
        this.update(this.halved(adopted.text), adopted.caret, 'input');
      } else if (this.element.innerHTML !== this.html) {
        this.reverts += 1;
        const [, caret] = this.range;
        this.render(Math.min(caret, this.model.length));
      }
    }

    /** The model after a trusted input the editor did not handle, and the caret: null to revert. */
    adopted() {
      if (this.adoptInput) return this.adoptInput(this);
      const range = this.selectionOffsets();
      const text = normalize(serialize(this.element));
      return { text, caret: range ? range[1] : text.length };
    }

    /** In mode 'half', the new model keeps only the first half of what was inserted, once. */
    halved(text) {
      if (this.mode !== 'half' || text.length <= this.model.length) return text;
      this.mode = 'normal';
      let start = 0;
      while (start < this.model.length && text[start] === this.model[start]) start += 1;
      const added = text.length - this.model.length;
      return text.slice(0, start + Math.ceil(added / 2)) + text.slice(start + added);
    }

    // --- events ------------------------------------------------------------------------------

    onBeforeInput(event) {
      // Synthetic beforeinput events change nothing in a browser, nor in these editors.
      if (!event.isTrusted) return;
      if (this.mode === 'ignore') return event.preventDefault();
      // A DOM write earlier in this task: render the model first, as the real editors do.
      if (this.element.innerHTML !== this.html && !this.adoptPending) this.reconcile();
      const type = event.inputType;
      if (type === 'insertCompositionText' || type === 'insertFromComposition') return; // IME: input adopts it
      const range = this.targetRange(event) ?? this.selectionOffsets() ?? this.range;
      let [start, end] = range;
      switch (type) {
        case 'insertText':
        case 'insertReplacementText': {
          const data = event.data ?? event.dataTransfer?.getData('text/plain') ?? '';
          event.preventDefault();
          this.replace(start, end, normalize(data), 'input');
          return;
        }
        case 'insertParagraph':
        case 'insertLineBreak':
          event.preventDefault();
          this.replace(start, end, '\n', 'input');
          return;
        case 'deleteContentBackward':
          event.preventDefault();
          if (start === end) start = previousBoundary(this.model, start);
          if (start !== end) this.replace(start, end, '', 'input');
          return;
        case 'deleteContentForward':
          event.preventDefault();
          if (start === end) end = nextBoundary(this.model, end);
          if (start !== end) this.replace(start, end, '', 'input');
          return;
        default:
          event.preventDefault();
          if (DELETE_RANGE_TYPES.has(type) && start !== end) this.replace(start, end, '', 'input');
      }
    }

    onInput(event) {
      if (!event.isTrusted) return;
      this.adoptPending = true;
      queueMicrotask(() => {
        if (this.adoptPending) this.reconcile();
      });
    }

    onPaste(event) {
      // Quill 1: a paste moves focus to its hidden clipboard container and reads, a tick later, what
      // the browser's own paste put there. A synthetic paste has no default action: nothing arrives.
      if (this.pasteMode === 'native' && !event.isTrusted) return;
      event.preventDefault();
      if (this.mode === 'ignore') return;
      // Mode 'empty-paste': the paste arrives with an empty DataTransfer (Firefox, from a content script).
      const data = this.mode === 'empty-paste' ? null : event.clipboardData;
      let text = data?.getData('text/plain') ?? '';
      if (!text && data) text = htmlToText(data.getData('text/html'));
      text = normalize(text);
      if (!text) return;
      if (this.element.innerHTML !== this.html && !this.adoptPending) this.reconcile();
      const [start, end] = (this.hasFocus() && this.selectionOffsets()) || this.range;
      const apply = () => {
        const next = this.model.slice(0, start) + text + this.model.slice(end);
        this.update(this.halved(next), start + text.length, 'paste');
      };
      if (this.pasteMode === 'native') setTimeout(apply, 1);
      else apply();
    }

    onKeyDown(event) {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.isComposing) {
        event.preventDefault();
        this.onSubmit();
      }
    }

    // --- DOM positions <-> model offsets -----------------------------------------------------

    selection() {
      const root = this.element.getRootNode();
      return typeof root.getSelection === 'function' ? root.getSelection() : document.getSelection();
    }

    hasFocus() {
      const root = this.element.getRootNode();
      const active = root.activeElement;
      return !!active && (active === this.element || this.element.contains(active));
    }

    selectionOffsets() {
      const selection = this.selection();
      if (!selection || selection.rangeCount === 0) return null;
      const range = selection.getRangeAt(0);
      const start = this.offsetOf(range.startContainer, range.startOffset);
      const end = range.collapsed ? start : this.offsetOf(range.endContainer, range.endOffset);
      if (start == null || end == null) return null;
      return [Math.min(start, end), Math.max(start, end)];
    }

    targetRange(event) {
      const ranges = typeof event.getTargetRanges === 'function' ? event.getTargetRanges() : [];
      const range = ranges[0];
      if (!range) return null;
      const start = this.offsetOf(range.startContainer, range.startOffset);
      const end = range.collapsed ? start : this.offsetOf(range.endContainer, range.endOffset);
      if (start == null || end == null) return null;
      return [Math.min(start, end), Math.max(start, end)];
    }

    /** The model offset of a DOM position inside the editor (null outside it). */
    offsetOf(node, offset) {
      if (node !== this.element && !this.element.contains(node)) return null;
      const path = [];
      for (let n = node; n !== this.element; n = n.parentNode)
        path.unshift(Array.prototype.indexOf.call(n.parentNode.childNodes, n));
      const clone = this.element.cloneNode(true);
      let target = clone;
      for (const index of path) target = target.childNodes[index];
      if (target.nodeType === Node.TEXT_NODE) {
        target.data = target.data.slice(0, offset) + MARK + target.data.slice(offset);
      } else {
        target.insertBefore(document.createTextNode(MARK), target.childNodes[offset] ?? null);
      }
      const text = serialize(clone);
      const at = text.indexOf(MARK);
      return at < 0 ? text.length : at;
    }

    /** The DOM position of a model offset in the rendered DOM. */
    pointAt(offset) {
      const lines = this.model.split('\n');
      let rest = Math.max(0, Math.min(offset, this.model.length));
      let index = 0;
      while (index < lines.length - 1 && rest > lines[index].length) {
        rest -= lines[index].length + 1;
        index += 1;
      }
      const line = this.lineNodes[index];
      if (!line) return null;
      return line.text ? [line.text, rest] : [line.container, 0];
    }
  }

  window.FixtureEditorParts = { ...window.FixtureEditorParts, ModelEditor, registry };
})();
