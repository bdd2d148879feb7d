/**
 * The browser's typing command for a text of several lines. Chromium's `insertText` makes each
 * newline a new paragraph; Firefox's puts a <br> in the current one, which block editors (Quill,
 * Draft.js) then misread when they build their model from the DOM. In Firefox, a contenteditable
 * editor is given the text line by line with `insertParagraph` between the lines: the events a
 * person typing it would send (beforeinput insertText, insertParagraph, …).
 */

/** Types `text` at the caret of the focused `editor` with execCommand. */
export function typeText(editor: HTMLElement, text: string): void {
  if (!import.meta.env.FIREFOX || !editor.isContentEditable || !text.includes('\n')) {
    document.execCommand('insertText', false, text);
    return;
  }
  text.split('\n').forEach((line, index) => {
    if (index > 0) document.execCommand('insertParagraph', false);
    if (line) document.execCommand('insertText', false, line);
  });
}
