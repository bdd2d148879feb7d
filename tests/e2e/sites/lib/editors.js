/**
 * Fixture editors that behave like LinkedIn's Quill and X's Draft.js (see composers.md): each keeps
 * its own model (a string with newlines) and renders the DOM from it.
 *
 * - Trusted `beforeinput` (typing, Enter, Shift+Enter, Backspace, Delete, spellcheck replacement)
 *   is cancelled and applied to the model, then the DOM is rendered again.
 * - A trusted `input` the editor did not cancel first (what `document.execCommand(...)` fires:
 *   Chromium sends it no `beforeinput`) makes the editor read the DOM the browser changed back into
 *   its model. Quill (mutation handling) reads the whole DOM, new paragraphs included. Draft
 *   (`editOnInput`) reads only the leaf holding the caret into its block: a multi-line `insertText`
 *   loses all but its last line (draft-js #616), `insertLineBreak` adds a soft newline.
 * - `paste`: Draft's handler reads `clipboardData` (text/plain, else text/html) of any paste event,
 *   synthetic ones included (that is what extensions send), and inserts it with its newlines.
 *   Quill 1's reads what the browser's own paste put into its clipboard container a tick later: a
 *   trusted paste arrives, a synthetic one (no default action) inserts nothing.
 * - Test controls on the element's `__fixtureEditor`: `mode = 'ignore'` (takes nothing at all) or
 *   `'half'` (the next execCommand or paste lands only half of its text) or `'empty-paste'` (pastes
 *   carry nothing, as a content script's do in Firefox); `remount()` and
 *   `window.__fixture.rerender()` replace the editor element with a fresh one holding the same model,
 *   as the sites do when they re-render a composer.
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
    return new ModelEditor(element, { ...options, render, paste: 'native' });
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
        return { container: span, text, key };
      });
      el.replaceChildren(contents);
      if (placeholder && root) {
        const empty = lines.length === 1 && lines[0] === '';
        if (empty && !placeholder.isConnected) root.prepend(placeholder);
        if (!empty && placeholder.isConnected) placeholder.remove();
      }
      return nodes;
    };
    return new ModelEditor(element, { ...options, render, adopt: draftInput });
  }

  /**
   * Draft's `editOnInput`, for an input it did not see coming (execCommand fires no beforeinput):
   * it reads the text of the leaf holding the caret (sibling text nodes merged, the trailing "\n"
   * of a pre-wrap line break dropped) into the block its offset key names, and renders again, so
   * blocks the browser added are lost. A multi-line `insertText` splits the DOM block and keeps
   * only the last line (draft-js #616); `insertLineBreak` puts a soft newline in the block.
   */
  function draftInput(editor) {
    const selection = editor.selection();
    const anchor = selection?.anchorNode;
    if (!anchor || !editor.element.contains(anchor)) return null;
    const keyed = (anchor.nodeType === Node.ELEMENT_NODE ? anchor : anchor.parentElement)?.closest('[data-offset-key]');
    const key = keyed?.getAttribute('data-offset-key');
    const index = editor.lineNodes.findIndex((line) => line.key === key);
    if (index < 0) return null;
    const leaf = anchor.nodeType === Node.TEXT_NODE ? anchor.parentNode : anchor;
    let text = (leaf.textContent ?? '').replace(/\u00a0/g, ' ');
    if (text.endsWith('\n\n')) text = text.slice(0, -1);
    const lines = editor.model.split('\n');
    const before = lines.slice(0, index).join('\n');
    const start = index === 0 ? 0 : before.length + 1;
    lines[index] = text;
    let offset = text.length;
    if (anchor.nodeType === Node.TEXT_NODE) {
      offset = selection.anchorOffset;
      for (let node = anchor.previousSibling; node; node = node.previousSibling) offset += node.textContent.length;
    }
    return { text: lines.join('\n'), caret: start + Math.min(offset, text.length) };
  }

  /** Weighted length like X's (URLs count 23), close enough for enabling the Post button. */
  function xLength(text) {
    return [...text.normalize('NFC').replace(/https?:\/\/\S+/g, 'x'.repeat(23))].length;
  }

  window.FixtureEditors = { quill, draft, serialize, xLength, registry };
  window.__fixture = {
    /** Models of the editors on the page, oldest first. */
    texts: () => [...registry].map((editor) => editor.text),
    /** The site re-renders its composers: each editor element is replaced by a fresh one holding the same model. */
    rerender: () => [...registry].map((editor) => editor.remount()).length,
  };
})();
