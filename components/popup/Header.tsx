/** The list screen's top bar: Relay's mark and who is signed in, the points chip (opens Points), "Sync now" and the account menu. */
import type { PointsSummary } from '../../lib/scoring';
import { Logo } from '../shared/Logo';
import { AccountMenu } from './AccountMenu';
import { PointsChip } from './PointsChip';
import { t } from '../shared/i18n';

interface Props {
  name: string;
  points: PointsSummary | null;
  onPoints: () => void;
  syncing: boolean;
  signingOut: boolean;
  onSync: () => void;
  onSignOut: () => void;
}

export function Header({ name, points, onPoints, syncing, signingOut, onSync, onSignOut }: Props) {
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
        <PointsChip summary={points} onOpen={onPoints} />
        <button type="button" class="button button--small" onClick={onSync} disabled={syncing} aria-busy={syncing}>
          <span class={syncing ? 'sync-icon sync-icon--spinning' : 'sync-icon'} aria-hidden="true">
            ↻
          </span>
          {t('popup_sync_now')}
        </button>
        <AccountMenu name={name} signingOut={signingOut} onSignOut={onSignOut} />
      </div>
    </header>
  );
}
