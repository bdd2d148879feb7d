/** The "Sync now" / "Retry" action: asks the background to sync and shows the state it answers. */
import { useCallback, useState } from 'preact/hooks';
import type { PopupState } from '../shared/messaging';
import { describeError } from './describeError';
import type { PopupClient } from './PopupClient';
import { t } from '../shared/i18n';
import { syncWhileOffline } from '../shared/connection-words';

/** `onOffline`: the sync found no connection (said in a toast, since the status line may already say offline). */
export function useSyncNow(
  client: PopupClient,
  replace: (state: PopupState) => void,
  onOffline?: (text: string) => void,
) {
  const [syncing, setSyncing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const syncNow = useCallback(async () => {
    setSyncing(true);
    setError(null);
    try {
      const next = await client.syncNow();
      replace(next);
      if (next.status.error?.kind === 'offline') onOffline?.(syncWhileOffline());
    } catch (caught) {
      setError(t('popup_sync_failed', { error: describeError(caught) }));
    } finally {
      setSyncing(false);
    }
  }, [client, replace, onOffline]);
  return { syncing, error, syncNow };
}
