/** Which ways in the server offers (GET /v1/sign-in-options through the background), asked again as a typed URL settles. */
import { useEffect, useState } from 'preact/hooks';
import type { SignInOptionsView } from '../shared/views';
import { useClient } from './ClientContext';

const UNKNOWN: SignInOptionsView = { sso: null, invites: null, organization: null };
/** How long a typed URL must stay unchanged before the server is asked. */
const SETTLE_MS = 400;

export function useSignInOptions(serverUrl: string): SignInOptionsView {
  const client = useClient();
  const [options, setOptions] = useState<SignInOptionsView>(UNKNOWN);
  useEffect(() => {
    setOptions(UNKNOWN);
    if (!serverUrl.trim()) return;
    let current = true;
    const timer = setTimeout(() => {
      client.signInOptions(serverUrl).then(
        (answer) => current && setOptions(answer),
        () => current && setOptions(UNKNOWN),
      );
    }, SETTLE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [client, serverUrl]);
  return options;
}
