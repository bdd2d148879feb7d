/**
 * Each composer site's built-in selector table (lib/site-selectors/) and its keys, for the console's
 * override forms and anything else that names them: the keys are the tables' own, in their order.
 */
import { LINKEDIN_SELECTORS } from './site-selectors/linkedin';
import { X_SELECTORS } from './site-selectors/x';

export const SITE_SELECTORS = { linkedin: LINKEDIN_SELECTORS, x: X_SELECTORS } as const;

export const SITE_SELECTOR_KEYS = {
  linkedin: Object.keys(LINKEDIN_SELECTORS) as (keyof typeof LINKEDIN_SELECTORS)[],
  x: Object.keys(X_SELECTORS) as (keyof typeof X_SELECTORS)[],
} satisfies Record<keyof typeof SITE_SELECTORS, readonly string[]>;
