/**
 * The site's own word that its editor's model took the text, read through the adapter: the
 * editor's placeholder gone (Quill's `ql-blank`, Draft's placeholder) and the Post button enabled.
 * Reading the DOM back is not enough: a DOM write shows the text for a moment without reaching the
 * model. The sites enable Post a moment after the text lands (they debounce), so it is waited for.
 */
import type { Composer, SiteAdapter } from './types';

/** How long the Post button may take to enable after the text landed. */
export const POST_ENABLE_WAIT_MS = 2_000;
const POLL_MS = 50;

/** What insertion needs of one composer: its editor, how to read it, and the site's signals. */
export interface InsertTarget {
  editor: HTMLElement;
  /** Where the site's signals live (the composer's container): watched while waiting for them. */
  scope: Element;
  /** The editor's text as the site will post it. */
  read(): string;
  /** True when the site shows its model holds text: placeholder gone, Post enabled. */
  accepts(): boolean;
}

/** A button the person can't use now: `disabled`, or `aria-disabled="true"` (X's inline box). */
export function isDisabledButton(button: Element): boolean {
  return button.matches(':disabled, [aria-disabled="true"]');
}

/** Whether the site lets the person post now (its Post button enabled); null when there is no button to ask. */
export function postEnabled(adapter: SiteAdapter, composer: Composer): boolean | null {
  const button = adapter.postButton(composer);
  return button ? !isDisabledButton(button) : null;
}

/** The insertion target of `composer` on `adapter`'s site. */
export function insertTarget(adapter: SiteAdapter, composer: Composer): InsertTarget {
  return {
    editor: composer.editor,
    scope: composer.container,
    read: () => adapter.readText(composer.editor),
    // A composer without a Post button we can find is judged by its placeholder alone.
    accepts: () => !adapter.isEmpty(composer) && postEnabled(adapter, composer) !== false,
  };
}

/**
 * Resolves true as soon as `condition` holds, false when it still doesn't after `timeoutMs`. With
 * `watched`, every change under it is checked at once (a mutation observer), not only on the next
 * poll: a person who clicks Post the moment it enables disables it again within milliseconds, and
 * a poll would miss the enabled moment and call a good insertion failed.
 */
export async function waitFor(condition: () => boolean, timeoutMs: number, watched?: Node): Promise<boolean> {
  if (condition()) return true;
  return new Promise<boolean>((resolve) => {
    let observer: MutationObserver | undefined;
    const finish = (result: boolean) => {
      observer?.disconnect();
      clearInterval(poll);
      clearTimeout(deadline);
      resolve(result);
    };
    const check = () => {
      if (condition()) finish(true);
    };
    const deadline = setTimeout(() => finish(condition()), timeoutMs);
    const poll = setInterval(check, POLL_MS);
    if (watched) {
      observer = new MutationObserver(check);
      observer.observe(watched, { attributes: true, childList: true, characterData: true, subtree: true });
    }
  });
}
