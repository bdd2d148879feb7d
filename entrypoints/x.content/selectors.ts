/** X's selector table (lib/site-selectors/x.ts) as the adapter uses it: overridable per key from sync. */
import { SiteSelectors } from '../../components/composer/selectors';
import { X_SELECTORS } from '../../lib/site-selectors/x';

export const xSelectors = new SiteSelectors<keyof typeof X_SELECTORS>(X_SELECTORS);
