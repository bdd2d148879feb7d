/** LinkedIn's selector table (lib/site-selectors/linkedin.ts) as the adapter uses it: overridable per key from sync. */
import { SiteSelectors } from '../../components/composer/selectors';
import { LINKEDIN_SELECTORS } from '../../lib/site-selectors/linkedin';

export const linkedinSelectors = new SiteSelectors<keyof typeof LINKEDIN_SELECTORS>(LINKEDIN_SELECTORS);
