/**
 * Where the editor's text column is, measured from Relay's UI host: Relay's button, panel and hints
 * line up with the text people write (its left edge and padding), not with the modal's edge.
 */

export interface ColumnInsets {
  start: number;
  end: number;
}

/** Narrower than this, the UI keeps the host's full width rather than the editor's column. */
const MIN_WIDTH = 260;

export function columnInsets(editor: HTMLElement, host: Element): ColumnInsets {
  const text = editor.getBoundingClientRect();
  const box = host.getBoundingClientRect();
  if (text.width === 0 || box.width === 0) return { start: 0, end: 0 };
  const style = getComputedStyle(editor);
  const left = text.left + parseFloat(style.borderLeftWidth) + parseFloat(style.paddingLeft);
  const right = text.right - parseFloat(style.borderRightWidth) - parseFloat(style.paddingRight);
  const start = Math.max(0, Math.round(left - box.left));
  const end = Math.max(0, Math.round(box.right - right));
  if (box.width - start - end < MIN_WIDTH) return { start: 0, end: 0 };
  return { start, end };
}
