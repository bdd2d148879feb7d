/**
 * The fixture editors' text (part of editors.js, loaded before it): an editor's DOM read as text
 * (blocks are lines, a <br> a line break), pasted HTML as text, code point boundaries, and the model's
 * normal form. Handed on in `window.FixtureEditorParts`, which editors.js removes once loaded.
 */
(function () {
  'use strict';

  /** Marks a DOM position while mapping it to a model offset (never part of a model). */
  const MARK = '\uE000';
  const BLOCKS = new Set(['P', 'DIV', 'LI', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'BLOCKQUOTE', 'PRE']);

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

  function normalize(text) {
    return String(text).replace(/\r\n?/g, '\n').split(MARK).join('');
  }

  window.FixtureEditorParts = {
    ...window.FixtureEditorParts,
    MARK,
    serialize,
    htmlToText,
    previousBoundary,
    nextBoundary,
    normalize,
  };
})();
