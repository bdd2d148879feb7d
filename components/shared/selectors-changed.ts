/** The background's word to open composer pages that the selector overrides changed (the message carries nothing else). */
export const SELECTORS_CHANGED = 'relay:selectors-changed';
