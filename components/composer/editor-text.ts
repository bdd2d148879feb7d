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

/** The lines of `parent`'s content; an inline element's lines are merged into the current line. */
function lines(parent: Node): string[] {
  const result: string[] = [];
  let open: string | null = null;
  for (let child = parent.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === Node.TEXT_NODE) {
      open = (open ?? '') + (child.textContent ?? '');
      continue;
    }
    if (child.nodeType !== Node.ELEMENT_NODE) continue;
    const name = (child as Element).localName;
    if (name === 'br') {
      if (nextShown(child) === null) {
        open ??= ''; // the block's placeholder: this block is a line, maybe empty
      } else {
        result.push(open ?? '');
        open = '';
      }
    } else if (BLOCKS.has(name)) {
      if (open !== null) result.push(open);
      open = null;
      const inner = lines(child);
      result.push(...(inner.length ? inner : ['']));
    } else {
      const inner = lines(child);
      if (inner.length === 0) continue;
      open = (open ?? '') + (inner[0] ?? '');
      if (inner.length > 1) {
        result.push(open, ...inner.slice(1, -1));
        open = inner.at(-1) ?? '';
      }
    }
  }
  if (open !== null) result.push(open);
  return result;
}

/** The text of a contenteditable editor (one "\n" per line break), or a textarea's value. */
export function editorText(editor: HTMLElement): string {
  if (editor instanceof HTMLTextAreaElement || editor instanceof HTMLInputElement) return editor.value;
  return lines(editor)
    .join('\n')
    .replace(/\uFEFF/gu, '');
}
