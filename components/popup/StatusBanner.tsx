/**
 * The sync status line (role=status): last sync time, offline, or the error (with what to do, e.g.
 * how Relay gets updated), with "Retry" (or "Connect again" when the sign-in is no longer valid)
 * and the shares still waiting to be sent.
 */
import type { SyncStatus } from '../shared/views';
import { plural } from './plural';
import { syncStatusLine } from './syncStatusLine';
import { useNow } from './useNow';
import { t } from '../shared/i18n';

interface Props {
  status: SyncStatus;
  pendingShares: number;
  syncing: boolean;
  /** A failure of the popup itself (sync, refresh or sign-out did not go through). */
  problem: string | null;
  onRetry: () => void;
  onReconnect: () => void;
}

const ICON = { ok: '●', warn: '▲', error: '!' } as const;

export function StatusBanner({ status, pendingShares, syncing, problem, onRetry, onReconnect }: Props) {
  const now = useNow();
  const line = syncStatusLine(status, syncing, problem, now);
  return (
    <div class={`status status--${line.tone}`}>
      <span class="status-icon" aria-hidden="true">
        {ICON[line.tone]}
      </span>
      <p class="status-text" role="status">
        {line.detail ? <strong>{line.text}</strong> : <span>{line.text}</span>}
        {line.detail && <span class="status-detail">{line.detail}</span>}
        {pendingShares > 0 && <span class="status-pending">{plural(pendingShares, 'status_pending')}</span>}
      </p>
      {line.action === 'retry' && (
        <button type="button" class="button button--small" onClick={onRetry} disabled={syncing}>
          {t('status_retry')}
        </button>
      )}
      {line.action === 'reconnect' && (
        <button type="button" class="button button--small" onClick={onReconnect}>
          {t('status_connect_again')}
        </button>
      )}
    </div>
  );
}
