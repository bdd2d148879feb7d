/**
 * Putting text into a site's rich-text editor the way the editor accepts it. Quill and Draft.js
 * render the DOM from their own model, so plain DOM writes are reverted or leave the Post button
 * disabled; these helpers go through the events the editors listen to (beforeinput/input from
 * `execCommand('insertText')`, or a paste event carrying the text). Each method is proved by the
 * site's own signals (site-signals.ts), and one that half worked is taken back (undo-insert.ts)
 * before the next is tried. The adapters choose the order of the methods per editor.
 */
import { POST_ENABLE_WAIT_MS, waitFor, type InsertTarget } from './site-signals';
import { undoInsertion } from './undo-insert';

import { pasteInPage } from './page-paste';
import { typeText } from './text-command';

export type InsertMethod = (editor: HTMLElement, text: string) => void | Promise<void>;

/** The Selection that can hold a caret in `node`: its shadow root's in Chromium, else the document's. */
export function selectionFor(node: Node): Selection | null {
  const root = node.getRootNode() as Document | (ShadowRoot & { getSelection?: () => Selection | null });
  if (root instanceof ShadowRoot && typeof root.getSelection === 'function') return root.getSelection();
  return document.getSelection();
}

/** The last place a caret can sit in `editor`: the end of its last text, or before a trailing <br>. */
function endPoint(editor: HTMLElement): { node: Node; offset: number } {
  let node: Node = editor;
  while (node.lastChild) {
    const last: ChildNode = node.lastChild;
    if (last.nodeType === Node.ELEMENT_NODE && (last as Element).localName === 'br') {
      return { node, offset: node.childNodes.length - 1 };
    }
    node = last;
  }
  if (node.nodeType === Node.TEXT_NODE) return { node, offset: (node as Text).length };
  return { node, offset: node.childNodes.length };
}

/** Focuses the editor with the caret at the end of its text. */
export function focusAtEnd(editor: HTMLElement): void {
  editor.focus({ preventScroll: true });
  if (editor instanceof HTMLTextAreaElement || editor instanceof HTMLInputElement) {
    const end = editor.value.length;
    editor.setSelectionRange(end, end);
    return;
  }
  const selection = selectionFor(editor);
  if (!selection) return;
  const { node, offset } = endPoint(editor);
  selection.setBaseAndExtent(node, offset, node, offset);
}

/** Focuses the editor and puts back a caret saved with `saveCaret`, or the caret at the end. */
export function restoreCaret(editor: HTMLElement, saved: Range | null): void {
  if (!saved || !editor.contains(saved.startContainer)) return focusAtEnd(editor);
  editor.focus({ preventScroll: true });
  const selection = selectionFor(editor);
  selection?.setBaseAndExtent(saved.startContainer, saved.startOffset, saved.endContainer, saved.endOffset);
}

/** The caret in `editor`, when there is one. */
export function saveCaret(editor: HTMLElement): Range | null {
  if (editor instanceof HTMLTextAreaElement || editor instanceof HTMLInputElement) return null;
  const selection = selectionFor(editor);
  if (!selection || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  return editor.contains(range.startContainer) ? range.cloneRange() : null;
}

/** The browser's own typing command: fires beforeinput/input with the text, newlines as paragraphs (text-command.ts). */
export const execInsertText: InsertMethod = (editor, text) => {
  typeText(editor, text);
};

/**
 * The typing command line by line, a soft line break (`insertLineBreak`, Shift+Enter) between
 * lines, the editor given a moment after each: Draft.js adopts a multi-line `insertText` wrongly
 * (the browser splits its block, Draft keeps one line: draft-js #616), but reads a line break
 * typed into its block as a newline of the post.
 */
export const execInsertLines: InsertMethod = async (_editor, text) => {
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    if (index > 0) {
      document.execCommand('insertLineBreak');
      await pause(0);
    }
    if (line) {
      document.execCommand('insertText', false, line);
      await pause(0);
    }
  }
};

/** A paste carrying the text as text/plain: editors that handle paste keep its newlines. */
export const pasteText: InsertMethod = (editor, text) => {
  if (pasteInPage(editor, text)) return;
  const clipboardData = new DataTransfer();
  clipboardData.setData('text/plain', text);
  const event = new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true, composed: true });
  editor.dispatchEvent(event);
};

/** A React-controlled textarea: the native value setter, then an input event. */
export const setTextareaValue: InsertMethod = (editor, text) => {
  if (!(editor instanceof HTMLTextAreaElement)) return;
  const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
  const value = editor.value + text;
  if (setter) setter.call(editor, value);
  else editor.value = value;
  editor.dispatchEvent(new Event('input', { bubbles: true }));
};

/** Text compared loosely: NFC, any run of white space as one space, no zero-width characters. */
export function looseText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u200B\uFEFF]/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

function occurrences(haystack: string, needle: string): number {
  if (needle === '') return 0;
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) count++;
  return count;
}

const nextFrame = () =>
  new Promise<void>((resolve) => {
    const done = () => resolve();
    requestAnimationFrame(() => setTimeout(done, 0));
    setTimeout(done, 100); // hidden tabs get no animation frames
  });

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Reads the editor after it had time to render twice: a reverted DOM write then counts as a failure. */
async function settledText(target: InsertTarget): Promise<string> {
  await nextFrame();
  await nextFrame();
  return target.read();
}

/** One method's try: the caret at the end, the method, then the text as the editor shows it. */
async function tryMethod(target: InsertTarget, method: InsertMethod, text: string): Promise<string | null> {
  focusAtEnd(target.editor);
  // Let the editor hear the selection move (selectionchange is async) before it gets the text.
  await pause(0);
  try {
    await method(target.editor, text);
  } catch {
    return null;
  }
  return settledText(target);
}

/**
 * Tries each method in turn until the editor shows the text AND the site says its model took it
 * (placeholder gone, Post enabled: waited for, the sites debounce). A method that changed the
 * editor without that is taken back first; when it can't be, no other method is tried (the text
 * would arrive twice). Resolves false when no method worked: the editor then holds what it held.
 */
export async function insertWithFallback(
  target: InsertTarget,
  text: string,
  methods: readonly InsertMethod[],
): Promise<boolean> {
  const wanted = looseText(text);
  for (const method of methods) {
    const before = target.read();
    const after = await tryMethod(target, method, text);
    if (after === null) continue;
    const shown = occurrences(looseText(after), wanted) > occurrences(looseText(before), wanted);
    if (shown && (await waitFor(() => target.accepts(), POST_ENABLE_WAIT_MS, target.scope))) return true;
    if (looseText(after) !== looseText(before) || looseText(target.read()) !== looseText(before)) {
      if (!(await undoInsertion(target, before))) return false;
    }
  }
  return false;
}
