/**
 * The keys of each composer site's selector table (lib/site-selectors/), for the console's override
 * forms and anything else that names them: taken from the tables themselves, in their order.
 */
import { LINKEDIN_SELECTORS } from './site-selectors/linkedin';
import { X_SELECTORS } from './site-selectors/x';

export const SITE_SELECTOR_KEYS = {
  linkedin: Object.keys(LINKEDIN_SELECTORS) as (keyof typeof LINKEDIN_SELECTORS)[],
  x: Object.keys(X_SELECTORS) as (keyof typeof X_SELECTORS)[],
} satisfies Record<'linkedin' | 'x', readonly string[]>;
