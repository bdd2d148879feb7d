/** Relay's keyboard shortcut in a composer. */

/** Alt+Shift+R: opens the suggested posts. */
export function isShortcut(event: KeyboardEvent): boolean {
  return event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyR';
}
