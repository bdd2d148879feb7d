/**
 * Reading a rich-text editor's text the way it will be posted, without layout (innerText would
 * force one, and gives two line breaks per <p>): every block element (Quill's <p>, Draft.js's
 * block <div>s) is one line, a <br> ends a line unless it is the placeholder at the end of its
 * block (`<p><br></p>` is one empty line). Quill's zero-width cursor characters are dropped.
 */

const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'dd',
  'div',
  'dl',
  'dt',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tr',
  'ul',
]);

/** The next sibling that shows something (empty text nodes and comments don't). */
function nextShown(node: Node): Node | null {
  let next = node.nextSibling;
  while (
    next &&
    (next.nodeType === Node.COMMENT_NODE || (next.nodeType === Node.TEXT_NODE && next.textContent === ''))
  ) {
    next = next.nextSibling;
  }
  return next;
}

/** A text node's part of a line: its characters as read (Quill's zero-width cursor characters dropped). */
interface Piece {
  node: Text;
  text: string;
}
type Line = Piece[];

/** The lines of `parent`'s content; an inline element's lines are merged into the current line. */
function lines(parent: Node): Line[] {
  const result: Line[] = [];
  let open: Line | null = null;
  for (let child = parent.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === Node.TEXT_NODE) {
      const node = child as Text;
      (open ??= []).push({ node, text: node.data.replace(/\uFEFF/gu, '') });
      continue;
    }
    if (child.nodeType !== Node.ELEMENT_NODE) continue;
    const name = (child as Element).localName;
    if (name === 'br') {
      if (nextShown(child) === null) {
        open ??= []; // the block's placeholder: this block is a line, maybe empty
      } else {
        result.push(open ?? []);
        open = [];
      }
    } else if (BLOCKS.has(name)) {
      if (open !== null) result.push(open);
      open = null;
      const inner = lines(child);
      result.push(...(inner.length ? inner : [[]]));
    } else {
      const inner = lines(child);
      if (inner.length === 0) continue;
      open = [...(open ?? []), ...(inner[0] ?? [])];
      if (inner.length > 1) {
        result.push(open, ...inner.slice(1, -1));
        open = inner.at(-1) ?? [];
      }
    }
  }
  if (open !== null) result.push(open);
  return result;
}

const lineText = (line: Line): string => line.map((piece) => piece.text).join('');

/** The text of a contenteditable editor (one "\n" per line break), or a textarea's value. */
export function editorText(editor: HTMLElement): string {
  if (editor instanceof HTMLTextAreaElement || editor instanceof HTMLInputElement) return editor.value;
  return lines(editor).map(lineText).join('\n');
}

/** The offset in `node`'s data of its `count`-th character as read (zero-width cursor characters skipped). */
function dataOffset(node: Text, count: number): number {
  let seen = 0;
  for (let index = 0; index < node.data.length; index++) {
    if (seen === count) return index;
    if (node.data[index] !== '\uFEFF') seen++;
  }
  return node.data.length;
}

/** The text nodes in reading order, each with where its characters start in the editor's text. */
function placed(all: Line[]): { piece: Piece; position: number }[] {
  const result: { piece: Piece; position: number }[] = [];
  let position = 0;
  for (const line of all) {
    for (const piece of line) {
      if (piece.text.length > 0) result.push({ piece, position });
      position += piece.text.length;
    }
    position += 1; // the line break
  }
  return result;
}

/**
 * The DOM range of [start, end) of the editor's text (offsets as `editorText` counts them), for
 * measuring where words are drawn; null for a textarea or offsets outside the text. Reads only.
 */
export function editorRange(editor: HTMLElement, start: number, end: number): Range | null {
  if (editor instanceof HTMLTextAreaElement || editor instanceof HTMLInputElement || start >= end) return null;
  const pieces = placed(lines(editor));
  // The start in the first text drawn after it, the end in the last text drawn before it.
  const first = pieces.find(({ piece, position }) => position + piece.text.length > start);
  const last = pieces.findLast(({ position }) => position < end);
  if (!first || !last || first.position >= end) return null;
  const range = document.createRange();
  range.setStart(first.piece.node, dataOffset(first.piece.node, Math.max(0, start - first.position)));
  range.setEnd(last.piece.node, dataOffset(last.piece.node, Math.min(last.piece.text.length, end - last.position)));
  return range;
}

/**
 * The DOM range covering [start, end) of the editor's text with the line breaks inside it, to
 * select and delete it: it starts at the end of the text before `start` (so the line breaks that
 * open the span are in it) and ends inside the text where `end` falls. Null for a textarea.
 */
export function editorSpan(editor: HTMLElement, start: number, end: number): Range | null {
  if (editor instanceof HTMLTextAreaElement || editor instanceof HTMLInputElement || start >= end) return null;
  const pieces = placed(lines(editor));
  const range = document.createRange();
  const from = pieces.findLast(({ position }) => position <= start);
  if (from) {
    const offset = Math.min(from.piece.text.length, start - from.position);
    range.setStart(from.piece.node, dataOffset(from.piece.node, offset));
  } else range.setStart(editor, 0);
  const to = pieces.find(({ piece, position }) => position + piece.text.length >= end);
  if (to) range.setEnd(to.piece.node, dataOffset(to.piece.node, end - to.position));
  else range.setEnd(editor, editor.childNodes.length);
  return range;
}
