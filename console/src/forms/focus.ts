/** Field ids from paths, and moving focus to a field (from the error summary, after adding a row). */

/** The element id of the field for a path, for labels, aria-describedby and focusing from a summary. */
export function fieldId(form: string, path: string): string {
  return `${form}-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** Moves focus to the field of a path (or the nearest one above it) and scrolls it into view. */
export function focusField(form: string, path: string): void {
  const parts = path.split('.');
  while (parts.length) {
    const element = document.getElementById(fieldId(form, parts.join('.')));
    if (element) {
      element.focus();
      element.scrollIntoView({ block: 'center' });
      return;
    }
    parts.pop();
  }
}
