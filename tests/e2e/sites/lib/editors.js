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
 *
 * Pages load editors-text.js and editors-model.js (the model editor) first; this file adds the
 * Quill and Draft.js flavours and publishes `window.FixtureEditors`.
 */
(function () {
  'use strict';

  const { ModelEditor, registry, serialize } = window.FixtureEditorParts;
  delete window.FixtureEditorParts;

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
