/** Which ways in the server offers (GET /v1/sign-in-options through the background), asked again as a typed URL settles. */
import { useEffect, useState } from 'preact/hooks';
import type { SignInOptionsView } from '../shared/views';
import { useClient } from './ClientContext';

const UNKNOWN: SignInOptionsView = { sso: null, invites: null, organization: null };
/** How long a typed URL must stay unchanged before the server is asked. */
const SETTLE_MS = 400;
/** When an answer doesn't come (a server starting, a background waking), how long before asking again. */
const RETRY_MS = [1_000, 2_000, 4_000];

export function useSignInOptions(serverUrl: string): SignInOptionsView {
  const client = useClient();
  const [options, setOptions] = useState<SignInOptionsView>(UNKNOWN);
  useEffect(() => {
    setOptions(UNKNOWN);
    if (!serverUrl.trim()) return;
    let current = true;
    let timer: ReturnType<typeof setTimeout>;
    const ask = (attempt: number) => {
      client.signInOptions(serverUrl).then(
        (answer) => {
          if (!current) return;
          setOptions(answer);
          if (answer.sso === null) retry(attempt);
        },
        () => current && retry(attempt),
      );
    };
    const retry = (attempt: number) => {
      const delay = RETRY_MS[attempt];
      if (delay !== undefined) timer = setTimeout(() => ask(attempt + 1), delay);
    };
    timer = setTimeout(() => ask(0), SETTLE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [client, serverUrl]);
  return options;
}
