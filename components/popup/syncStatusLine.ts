/**
 * What the status line says: syncing, offline, an error (or that Relay needs an update), or when
 * the last sync was; its tone; and which button goes with it.
 */
import type { SyncStatus } from '../shared/views';
import { relativeTime } from './relativeTime';
import { t } from '../shared/i18n';
import { offlineLine } from '../shared/connection-words';

export interface StatusLine {
  text: string;
  /** A second line: what to do about it. */
  detail?: string;
  tone: 'ok' | 'warn' | 'error';
  action: 'retry' | 'reconnect' | null;
}

/** The server needs a newer Relay: the saved posts stay, and this says how to get the update. */
export function updateLine(): StatusLine {
  return { text: t('status_update'), detail: t('status_update_detail'), tone: 'warn', action: null };
}

export function syncStatusLine(status: SyncStatus, syncing: boolean, problem: string | null, now: number): StatusLine {
  if (syncing) return { text: t('status_syncing'), tone: 'ok', action: null };
  if (problem) return { text: problem, tone: 'error', action: 'retry' };
  const error = status.error;
  if (error?.kind === 'offline') return { text: offlineLine(), tone: 'warn', action: 'retry' };
  if (error?.kind === 'signed-out') return { text: error.message, tone: 'error', action: 'reconnect' };
  if (error?.kind === 'client-too-old') return updateLine();
  if (error) return { text: error.message, tone: 'error', action: 'retry' };
  const when = status.lastSyncAt ? relativeTime(status.lastSyncAt, now) : null;
  return { text: when ? t('status_last_synced', { when }) : t('status_not_synced'), tone: 'ok', action: null };
}
