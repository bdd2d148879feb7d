/**
 * What the status line says: syncing, offline, an error, or when the last sync was; its tone; and
 * which button goes with it.
 */
import type { SyncStatus } from '../shared/views';
import { relativeTime } from './relativeTime';

export interface StatusLine {
  text: string;
  tone: 'ok' | 'warn' | 'error';
  action: 'retry' | 'reconnect' | null;
}

export function syncStatusLine(status: SyncStatus, syncing: boolean, problem: string | null, now: number): StatusLine {
  if (syncing) return { text: 'Syncing…', tone: 'ok', action: null };
  if (problem) return { text: problem, tone: 'error', action: 'retry' };
  const error = status.error;
  if (error?.kind === 'offline') return { text: 'Offline — showing saved posts', tone: 'warn', action: 'retry' };
  if (error?.kind === 'signed-out') return { text: error.message, tone: 'error', action: 'reconnect' };
  if (error) return { text: error.message, tone: 'error', action: 'retry' };
  const when = status.lastSyncAt ? relativeTime(status.lastSyncAt, now) : null;
  return { text: when ? `Last synced ${when}` : 'Not synced yet', tone: 'ok', action: null };
}
