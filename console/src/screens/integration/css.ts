/** Whether text is a CSS selector list this browser parses: the console's check before saving an override. */
import { MAX_SELECTOR_LENGTH } from '../../../../lib/selector-limits';

export function isValidSelector(selector: string): boolean {
  if (selector.trim() === '' || selector.length > MAX_SELECTOR_LENGTH) return false;
  try {
    document.createDocumentFragment().querySelector(selector);
    return true;
  } catch {
    return false;
  }
}
