/** One wording for being offline and for a server that can't be reached, on every tab of the popup (and what the background says). */

/** The Posts tab's status line while offline. */
export const OFFLINE_LINE = 'Offline — showing saved posts';
/** "Sync now" pressed while offline: what happened, and what Relay does next. */
export const SYNC_WHILE_OFFLINE = "You're offline — Relay will sync when you're back online.";
/** A request of the Points or Privacy tab that could not reach the server. */
export const SERVER_UNREACHABLE = "Can't reach the Relay server right now.";
