/** The list screen's top bar: who is signed in, "Sync now" and "Sign out". */
import { Logo } from '../shared/Logo';

interface Props {
  name: string;
  syncing: boolean;
  signingOut: boolean;
  onSync: () => void;
  onSignOut: () => void;
}

export function Header({ name, syncing, signingOut, onSync, onSignOut }: Props) {
  return (
    <header class="topbar">
      <Logo />
      <div class="topbar-who">
        <h1>Relay</h1>
        <p class="topbar-name" title={name}>
          {name}
        </p>
      </div>
      <div class="topbar-actions">
        <button type="button" class="button button--small" onClick={onSync} disabled={syncing} aria-busy={syncing}>
          <span class={syncing ? 'sync-icon sync-icon--spinning' : 'sync-icon'} aria-hidden="true">
            ↻
          </span>
          Sync now
        </button>
        <button type="button" class="button button--small button--quiet" onClick={onSignOut} disabled={signingOut}>
          Sign out
        </button>
      </div>
    </header>
  );
}
