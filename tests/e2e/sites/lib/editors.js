/**
 * Fixture editors that behave like LinkedIn's Quill and X's Draft.js (see composers.md): each keeps
 * its own model (a string with newlines) and renders the DOM from it.
 *
 * - Trusted `beforeinput` (typing, Enter, Shift+Enter, Backspace, Delete, spellcheck replacement)
 *   is cancelled and applied to the model, then the DOM is rendered again.
 * - A trusted `input` the editor did not cancel first (what `document.execCommand('insertText')`
 *   fires: Chromium sends it no `beforeinput`) makes the editor read the DOM the browser changed
 *   back into its model, as Draft's `editOnInput` and Quill's mutation handling do.
 * - `paste` is always the editor's: it reads `clipboardData` (text/plain, else text/html) and
 *   inserts it with its newlines; synthetic paste events count (that is what extensions send).
 * - Anything else that changes the DOM (textContent, innerText, innerHTML, appendChild, or an
 *   untrusted input event after such a write) is reverted at the next render: on the
 *   MutationObserver tick, or at the next input. It never reaches the model, so it never enables
 *   the Post button.
 * - Ctrl/Cmd+Enter calls `onSubmit`.
 *
 * Tests read the model from the main world: `element.__fixtureEditor.text` (content scripts live in
 * an isolated world and cannot see it).
 */
(function () {
  'use strict';

  /** Marks a DOM position while mapping it to a model offset (never part of a model). */
  const MARK = '\uE000';
  const BLOCKS = new Set(['P', 'DIV', 'LI', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'BLOCKQUOTE', 'PRE']);
  const registry = new Set();

  function isBlock(node) {
    return node.nodeType === Node.ELEMENT_NODE && BLOCKS.has(node.nodeName);
  }

  /** The next node in document order inside `within`, or null. */
  function nextInside(node, within) {
    if (node.firstChild) return node.firstChild;
    for (let n = node; n && n !== within; n = n.parentNode) {
      if (n.nextSibling) return n.nextSibling;
    }
    return null;
  }

  /** A <br> with nothing after it in its block only keeps an empty line open: it adds no newline. */
  function isTrailingBr(br, root) {
    let block = br.parentNode;
    while (block && block !== root && !isBlock(block)) block = block.parentNode;
    const within = block ?? root;
    for (let n = nextInside(br, within); n; n = nextInside(n, within)) {
      if (n.nodeType === Node.TEXT_NODE && n.data.split(MARK).join('') !== '') return false;
      if (n.nodeName === 'BR') return false;
      if (isBlock(n)) return true;
    }
    return true;
  }

  /** The text of an editor's DOM (or a clone of it): blocks are lines, a <br> a line break. */
  function serialize(root) {
    let out = '';
    let started = false;
    let pending = false;
    const breakIfPending = () => {
      if (pending && started) out += '\n';
      pending = false;
    };
    const visit = (parent) => {
      for (let child = parent.firstChild; child; child = child.nextSibling) {
        if (child.nodeType === Node.TEXT_NODE) {
          if (!child.data) continue;
          breakIfPending();
          out += child.data.replace(/\u00a0/g, ' ');
          started = true;
        } else if (child.nodeName === 'BR') {
          breakIfPending();
          if (!isTrailingBr(child, root)) out += '\n';
          started = true;
        } else if (child.nodeType === Node.ELEMENT_NODE) {
          const block = isBlock(child);
          if (block && started) pending = true;
          visit(child);
          if (block && started) pending = true;
        }
      }
    };
    visit(root);
    return out;
  }

  function htmlToText(html) {
    if (!html) return '';
    const doc = new DOMParser().parseFromString(html, 'text/html');
    return serialize(doc.body);
  }

  /** Offset of the code point boundary before `index` in `text`. */
  function previousBoundary(text, index) {
    if (index <= 0) return 0;
    const low = text.charCodeAt(index - 1);
    if (index >= 2 && low >= 0xdc00 && low <= 0xdfff) {
      const high = text.charCodeAt(index - 2);
      if (high >= 0xd800 && high <= 0xdbff) return index - 2;
    }
    return index - 1;
  }

  function nextBoundary(text, index) {
    if (index >= text.length) return text.length;
    const high = text.charCodeAt(index);
    if (high >= 0xd800 && high <= 0xdbff && index + 1 < text.length) return index + 2;
    return index + 1;
  }

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
      for (const [type, listener] of Object.entries(this.listeners)) element.addEventListener(type, listener);
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
        const range = this.selectionOffsets();
        const text = normalize(serialize(this.element));
        this.update(text, range ? range[1] : text.length, 'input');
      } else if (this.element.innerHTML !== this.html) {
        this.reverts += 1;
        const [, caret] = this.range;
        this.render(Math.min(caret, this.model.length));
      }
    }

    // --- events ------------------------------------------------------------------------------

    onBeforeInput(event) {
      // Synthetic beforeinput events change nothing in a browser, nor in these editors.
      if (!event.isTrusted) return;
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
      event.preventDefault();
      const data = event.clipboardData;
      let text = data?.getData('text/plain') ?? '';
      if (!text && data) text = htmlToText(data.getData('text/html'));
      text = normalize(text);
      if (!text) return;
      if (this.element.innerHTML !== this.html && !this.adoptPending) this.reconcile();
      const [start, end] = (this.hasFocus() && this.selectionOffsets()) || this.range;
      this.replace(start, end, text, 'paste');
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

  function normalize(text) {
    return String(text).replace(/\r\n?/g, '\n').split(MARK).join('');
  }

  // --- flavours --------------------------------------------------------------------------------

  /**
   * LinkedIn's Quill: `.ql-editor` holds one <p> per line, `<p><br></p>` when empty, and the class
   * `ql-blank` (or `options.blankClass`) while empty.
   */
  function quill(element, options) {
    const blankClass = options.blankClass ?? 'ql-blank';
    const render = (el, lines) => {
      const nodes = lines.map((line) => {
        const p = document.createElement('p');
        const text = line ? document.createTextNode(line) : null;
        p.append(text ?? document.createElement('br'));
        return { container: p, text };
      });
      el.replaceChildren(...nodes.map((n) => n.container));
      el.classList.toggle(blankClass, lines.length === 1 && lines[0] === '');
      return nodes;
    };
    return new ModelEditor(element, { ...options, render });
  }

  let keySeed = 0;
  function draftKey() {
    keySeed += 1;
    return (keySeed * 2654435761).toString(36).slice(-5).padStart(5, 'a');
  }

  /**
   * X's Draft.js: the contenteditable holds `div[data-contents]` > one `div[data-block]` per line >
   * `div.public-DraftStyleDefault-block` > `span[data-offset-key]` > `span[data-text]` (or a
   * `br[data-text]` when the line is empty). The placeholder lives beside it in `.DraftEditor-root`
   * and is only in the DOM while the model is empty.
   */
  function draft(element, options) {
    const editorKey = draftKey();
    const root = element.closest('.DraftEditor-root');
    const placeholder = root?.querySelector('.public-DraftEditorPlaceholder-root') ?? null;
    const render = (el, lines) => {
      const contents = document.createElement('div');
      contents.setAttribute('data-contents', 'true');
      const nodes = lines.map((line) => {
        const key = `${draftKey()}-0-0`;
        const block = document.createElement('div');
        block.className = '';
        block.setAttribute('data-block', 'true');
        block.setAttribute('data-editor', editorKey);
        block.setAttribute('data-offset-key', key);
        const inner = document.createElement('div');
        inner.setAttribute('data-offset-key', key);
        inner.className = 'public-DraftStyleDefault-block public-DraftStyleDefault-ltr';
        const span = document.createElement('span');
        span.setAttribute('data-offset-key', key);
        let text = null;
        if (line) {
          const textSpan = document.createElement('span');
          textSpan.setAttribute('data-text', 'true');
          text = document.createTextNode(line);
          textSpan.append(text);
          span.append(textSpan);
        } else {
          const br = document.createElement('br');
          br.setAttribute('data-text', 'true');
          span.append(br);
        }
        inner.append(span);
        block.append(inner);
        contents.append(block);
        return { container: span, text };
      });
      el.replaceChildren(contents);
      if (placeholder && root) {
        const empty = lines.length === 1 && lines[0] === '';
        if (empty && !placeholder.isConnected) root.prepend(placeholder);
        if (!empty && placeholder.isConnected) placeholder.remove();
      }
      return nodes;
    };
    return new ModelEditor(element, { ...options, render });
  }

  /** Weighted length like X's (URLs count 23), close enough for enabling the Post button. */
  function xLength(text) {
    return [...text.normalize('NFC').replace(/https?:\/\/\S+/g, 'x'.repeat(23))].length;
  }

  window.FixtureEditors = { quill, draft, serialize, xLength, registry };
  window.__fixture = {
    /** Models of the editors on the page, oldest first. */
    texts: () => [...registry].map((editor) => editor.text),
  };
})();
