/**
 * What the status line says: syncing, offline, an error (or that Relay needs an update), or when
 * the last sync was; its tone; and which button goes with it.
 */
import type { SyncStatus } from '../shared/views';
import { OFFLINE_LINE } from '../shared/connection-words';
import { relativeTime } from './relativeTime';

export interface StatusLine {
  text: string;
  /** A second line: what to do about it. */
  detail?: string;
  tone: 'ok' | 'warn' | 'error';
  action: 'retry' | 'reconnect' | null;
}

/** The server needs a newer Relay: the saved posts stay, and this says how to get the update. */
export const UPDATE_LINE: StatusLine = {
  text: 'Update Relay to keep receiving posts',
  detail:
    'Your browser updates extensions by itself; restarting it brings the update sooner. If it does not arrive, ask your IT team.',
  tone: 'warn',
  action: null,
};

export function syncStatusLine(status: SyncStatus, syncing: boolean, problem: string | null, now: number): StatusLine {
  if (syncing) return { text: 'Syncing…', tone: 'ok', action: null };
  if (problem) return { text: problem, tone: 'error', action: 'retry' };
  const error = status.error;
  if (error?.kind === 'offline') return { text: OFFLINE_LINE, tone: 'warn', action: 'retry' };
  if (error?.kind === 'signed-out') return { text: error.message, tone: 'error', action: 'reconnect' };
  if (error?.kind === 'client-too-old') return UPDATE_LINE;
  if (error) return { text: error.message, tone: 'error', action: 'retry' };
  const when = status.lastSyncAt ? relativeTime(status.lastSyncAt, now) : null;
  return { text: when ? `Last synced ${when}` : 'Not synced yet', tone: 'ok', action: null };
}
