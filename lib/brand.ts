/** Relay's one brand: the colours of its mark, buttons and badge, kept apart from LinkedIn's and Facebook's blues. */

/** The mark's square, the toolbar badge and primary buttons on a light page (white text on it: 5.5:1). */
export const BRAND_COLOR = '#0f766e';
/** The same on a dark page (dark text on it). */
export const BRAND_COLOR_DARK = '#2dd4bf';
/** Text on the brand colour, light and dark. */
export const BRAND_TEXT = '#ffffff';
export const BRAND_TEXT_DARK = '#042f2e';
