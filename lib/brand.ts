/** Relay's one brand: the colours of its mark, buttons and badge, kept apart from LinkedIn's and Facebook's blues. */

/** The mark's square, the toolbar badge and primary buttons on a light page (white text on it: 5.5:1). */
export const BRAND_COLOR = '#0f766e';
/** The same on a dark page (dark text on it). */
export const BRAND_COLOR_DARK = '#2dd4bf';
/** Text on the brand colour, light and dark. */
export const BRAND_TEXT = '#ffffff';
export const BRAND_TEXT_DARK = '#042f2e';

/** The mark's forward arrow, drawn white on the brand square in a 32×32 box (components/shared/Logo.tsx and the composer's button). */
export const MARK_ARROW_PATH = 'M7 13.6h10.2V8.5L26 16l-8.8 7.5v-5.1H7z';
