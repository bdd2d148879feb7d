/**
 * When a site changed and a selector stopped matching, Relay stays out of the way: no error, no
 * broken page, and one console warning per page (the first problem found) for whoever debugs it.
 */
const WARNED_KEY = '__relayWarned';

/** At most once per page, shared by the content script and the UI script (one isolated world). */
export function warnOnce(message: string, error?: unknown): void {
  const world = globalThis as { [WARNED_KEY]?: boolean };
  if (world[WARNED_KEY]) return;
  world[WARNED_KEY] = true;
  const detail = error instanceof Error ? ` (${error.message})` : '';
  console.warn(`Relay: ${message}${detail}`);
}

/** Runs `fn`; anything it throws becomes the page's one warning instead of an error on the page. */
export function guarded<A extends unknown[]>(what: string, fn: (...args: A) => void): (...args: A) => void {
  return (...args: A) => {
    try {
      fn(...args);
    } catch (error) {
      warnOnce(`${what} failed; the site may have changed.`, error);
    }
  };
}
