/**
 * Taking back an insertion that half worked, before another method is tried (else the text would
 * arrive twice): the span the insertion added is selected and deleted with the browser's own
 * command, which the editors hear as a deletion (input events), then the editor is read again and
 * must hold what it held before.
 */
import { editorSpan } from './editor-text';
import { looseText, selectionFor } from './editing';
import type { InsertTarget } from './site-signals';

/** [start, end) of `after` that is not in `before`: what an insertion added (common head and tail kept). */
export function addedSpan(before: string, after: string): [number, number] {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let tail = 0;
  while (
    tail < before.length - start &&
    tail < after.length - start &&
    before[before.length - 1 - tail] === after[after.length - 1 - tail]
  )
    tail++;
  return [start, after.length - tail];
}

/** Selects [start, end) of the editor's text; false when it can't be selected. */
function selectSpan(editor: HTMLElement, start: number, end: number): boolean {
  editor.focus({ preventScroll: true });
  if (editor instanceof HTMLTextAreaElement || editor instanceof HTMLInputElement) {
    editor.setSelectionRange(start, end);
    return true;
  }
  const range = editorSpan(editor, start, end);
  const selection = selectionFor(editor);
  if (!range || !selection) return false;
  selection.setBaseAndExtent(range.startContainer, range.startOffset, range.endContainer, range.endOffset);
  return true;
}

const settle = () =>
  new Promise<void>((resolve) => {
    const done = () => resolve();
    requestAnimationFrame(() => setTimeout(done, 0));
    setTimeout(done, 100); // hidden tabs get no animation frames
  });

/**
 * Deletes what the editor gained since it held `before`, through the editor's events, and
 * resolves true once it holds `before` again (false: it could not be put back; insert no more).
 */
export async function undoInsertion(target: InsertTarget, before: string): Promise<boolean> {
  const after = target.read();
  if (looseText(after) === looseText(before)) return true;
  const [start, end] = addedSpan(before, after);
  if (start < end && selectSpan(target.editor, start, end)) {
    await settle(); // the editor hears the selection move (selectionchange is async)
    document.execCommand('delete');
    await settle();
    await settle();
  }
  return looseText(target.read()) === looseText(before);
}
