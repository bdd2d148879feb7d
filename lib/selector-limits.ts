/** Limits every side agrees on for selector overrides: which names a key may have, how long a selector may be. */

/** The keys a site's table may be overridden by: names, as sync carries them. */
export const SELECTOR_KEY = /^[a-z][A-Za-z0-9]{0,39}$/;
/** The longest selector an override may carry. */
export const MAX_SELECTOR_LENGTH = 1_000;
/** The most overrides one site may carry. */
export const MAX_OVERRIDES_PER_SITE = 50;
