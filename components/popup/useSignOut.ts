/** The "Sign out" action: the background forgets the enrolment and saved posts; we show setup. */
import { useCallback, useState } from 'preact/hooks';
import { describeError } from './describeError';
import type { PopupClient } from './PopupClient';
import { t } from '../shared/i18n';

export function useSignOut(client: PopupClient, reload: () => Promise<void>) {
  const [signingOut, setSigningOut] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const signOut = useCallback(async () => {
    setSigningOut(true);
    setError(null);
    try {
      await client.signOut();
      await reload();
    } catch (caught) {
      setError(t('popup_sign_out_failed', { error: describeError(caught) }));
    } finally {
      setSigningOut(false);
    }
  }, [client, reload]);
  return { signingOut, error, signOut };
}
