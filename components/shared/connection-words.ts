/** One wording for being offline and for a server that can't be reached, on every tab of the popup (and what the background says), in the browser's language. */
import { t } from './i18n';

/** The Posts tab's status line while offline. */
export const offlineLine = () => t('status_offline');
/** "Sync now" pressed while offline: what happened, and what Relay does next. */
export const syncWhileOffline = () => t('status_sync_offline');
/** A request of the Points or Privacy tab that could not reach the server. */
export const serverUnreachable = () => t('status_server_unreachable');
