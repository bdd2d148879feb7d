/** The "Sync now" / "Retry" action: asks the background to sync and shows the state it answers. */
import { useCallback, useState } from 'preact/hooks';
import type { PopupState } from '../shared/messaging';
import { describeError } from './describeError';
import type { PopupClient } from './PopupClient';

export function useSyncNow(client: PopupClient, replace: (state: PopupState) => void) {
  const [syncing, setSyncing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const syncNow = useCallback(async () => {
    setSyncing(true);
    setError(null);
    try {
      replace(await client.syncNow());
    } catch (caught) {
      setError(`Relay could not sync: ${describeError(caught)}`);
    } finally {
      setSyncing(false);
    }
  }, [client, replace]);
  return { syncing, error, syncNow };
}
