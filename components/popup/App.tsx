/**
 * The popup's root: loading, a load error, the setup form (not enrolled yet) or the post list.
 * Never renders nothing: every path shows something, and a render crash shows an error.
 */
import { useState } from 'preact/hooks';
import type { PopupClient } from './PopupClient';
import { ClientContext } from './ClientContext';
import { ErrorBoundary } from './ErrorBoundary';
import { ListScreen } from './ListScreen';
import { LoadError } from './LoadError';
import { LoadingSkeleton } from './LoadingSkeleton';
import { SetupScreen } from './SetupScreen';
import { usePopupState } from './usePopupState';

export interface AppProps {
  client: PopupClient;
  /** From `popup.html?post=<id>` (a notification click): scroll to that post and focus it. */
  focusPostId?: string | null;
}

function Screens({ client, focusPostId }: AppProps) {
  const { state, fresh, error, reload, replace } = usePopupState(client);
  // Connected in this popup: the list then puts focus on its first Share button.
  const [sawSetup, setSawSetup] = useState(false);
  if (state && !state.enrollment && !sawSetup) setSawSetup(true);
  if (!state) return error ? <LoadError message={error} onRetry={() => void reload()} /> : <LoadingSkeleton />;
  if (!state.enrollment) return <SetupScreen state={state} onEnrolled={reload} />;
  return (
    <ListScreen
      state={state}
      fresh={fresh}
      enrollment={state.enrollment}
      refreshError={error}
      reload={reload}
      replace={replace}
      focusPostId={focusPostId ?? null}
      justConnected={sawSetup}
    />
  );
}

export function App(props: AppProps) {
  return (
    <ClientContext.Provider value={props.client}>
      <div class="app">
        <ErrorBoundary onCrash={() => props.client.snapshot?.write(null)}>
          <Screens {...props} />
        </ErrorBoundary>
      </div>
    </ClientContext.Provider>
  );
}
