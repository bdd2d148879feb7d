/**
 * Firefox: a paste event built in the page's own compartment. A paste a content script builds
 * reaches the page with an empty clipboardData: Gecko's ClipboardEvent constructor ignores the
 * `clipboardData` given, and the data it keeps belongs to its caller, which the page may not read.
 * Built through the page's window (`window.wrappedJSObject`, the content script's view of it
 * without X-ray vision), the event and its text are the page's own. Chromium has no
 * wrappedJSObject: there the caller dispatches an ordinary paste.
 */

/** Content scripts see page objects through X-rays; `wrappedJSObject` is the page's own object. */
interface Waivable {
  wrappedJSObject?: PageWindow;
}

/** The page's constructors, reached through a waived window: what they build belongs to the page. */
interface PageWindow {
  DataTransfer: new () => DataTransfer;
  ClipboardEvent: new (type: string, init: ClipboardEventInit) => ClipboardEvent;
  Object: new () => Record<string, unknown>;
}

/** The page's window in a Firefox content script, else null. */
function pageWindow(): PageWindow | null {
  const waived = (window as unknown as Waivable).wrappedJSObject;
  return waived && waived !== (window as unknown) ? waived : null;
}

/**
 * Dispatches on `editor` a paste carrying `text` as text/plain, built by the page's own
 * constructors; true when done, false where there is no page compartment to build it in (Chromium).
 */
export function pasteInPage(editor: HTMLElement, text: string): boolean {
  const page = pageWindow();
  if (!page) return false;
  const clipboardData = new page.DataTransfer();
  clipboardData.setData('text/plain', text);
  const init = new page.Object();
  init.clipboardData = clipboardData;
  init.bubbles = true;
  init.cancelable = true;
  init.composed = true;
  // Gecko's ClipboardEvent constructor ignores `clipboardData` and fills a DataTransfer of its own
  // from these two (non-standard) fields, owned by whoever calls it: here, the page.
  init.dataType = 'text/plain';
  init.data = text;
  editor.dispatchEvent(new page.ClipboardEvent('paste', init as ClipboardEventInit));
  return true;
}
