/**
 * The console: restores the session (GET /v1/admin/session), shows sign-in without one (with what a
 * failed work-account sign-in came back with), and the signed-in shell with one.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { api, ApiError, describeError, setCsrfToken, setUnauthorizedHandler } from './api';
import { Shell } from './Shell';
import { SignIn } from './screens/SignIn';
import { Loading, LoadError, requestHeadingFocus } from './components/ui';
import { takeSsoError } from './sso-return';
import type { Session } from './types';

type State =
  | { kind: 'checking' }
  | { kind: 'signed-out'; reason?: string }
  | { kind: 'unreachable'; message: string }
  | { kind: 'signed-in'; session: Session };

export function App() {
  const [state, setState] = useState<State>({ kind: 'checking' });
  // Read before anything else touches the URL; shown by the sign-in screen, once.
  const [ssoError] = useState(takeSsoError);

  const check = useCallback(async () => {
    setState({ kind: 'checking' });
    try {
      const session = await api.get<Session>('/v1/admin/session', { allowUnauthorized: true });
      setCsrfToken(session.csrfToken);
      setState({ kind: 'signed-in', session });
    } catch (error) {
      if (error instanceof ApiError && (error.status === 401 || error.status === 403)) setState({ kind: 'signed-out' });
      else setState({ kind: 'unreachable', message: describeError(error) });
    }
  }, []);

  useEffect(() => {
    void check();
  }, [check]);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setCsrfToken(null);
      requestHeadingFocus();
      setState({ kind: 'signed-out', reason: 'Your session has ended. Sign in again to carry on.' });
    });
    return () => setUnauthorizedHandler(null);
  }, []);

  const signedIn = useCallback((session: Session) => {
    setCsrfToken(session.csrfToken);
    requestHeadingFocus();
    setState({ kind: 'signed-in', session });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.delete('/v1/admin/session', { allowUnauthorized: true });
    } catch (error) {
      // Signed out already (401) is fine; anything else: say so, but forget the session here anyway.
      if (!(error instanceof ApiError && error.status === 401)) {
        setCsrfToken(null);
        setState({ kind: 'signed-out', reason: `Signed out here, but the server said: ${describeError(error)}` });
        return;
      }
    }
    setCsrfToken(null);
    requestHeadingFocus();
    setState({ kind: 'signed-out', reason: 'You are signed out.' });
  }, []);

  switch (state.kind) {
    case 'checking':
      return (
        <main id="main" class="centered" tabIndex={-1}>
          <Loading label="Checking your session…" />
        </main>
      );
    case 'unreachable':
      return (
        <main id="main" class="centered" tabIndex={-1}>
          <h1>Relay admin</h1>
          <LoadError message={state.message} onRetry={() => void check()} />
        </main>
      );
    case 'signed-out':
      return <SignIn reason={state.reason} ssoError={state.reason ? null : ssoError} onSignedIn={signedIn} />;
    case 'signed-in':
      return <Shell session={state.session} onSignOut={signOut} />;
  }
}
