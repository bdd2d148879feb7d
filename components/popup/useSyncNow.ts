/** The "Sync now" / "Retry" action: asks the background to sync and shows the state it answers. */
import { useCallback, useState } from 'preact/hooks';
import type { PopupState } from '../shared/messaging';
import { SYNC_WHILE_OFFLINE } from '../shared/connection-words';
import { describeError } from './describeError';
import type { PopupClient } from './PopupClient';

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
      if (next.status.error?.kind === 'offline') onOffline?.(SYNC_WHILE_OFFLINE);
    } catch (caught) {
      setError(`Relay could not sync: ${describeError(caught)}`);
    } finally {
      setSyncing(false);
    }
  }, [client, replace, onOffline]);
  return { syncing, error, syncNow };
}
