/**
 * First run (or after signing out): the organisation (name and logo, from its server) and what
 * Relay is, why you were signed out (access removed, ended
 * by the company or expired: the background cleared the saved posts), and the ways in the
 * organisation allows (SetupForm).
 */
import { networkLabel, NETWORKS } from '../../lib/networks';
import type { PopupState } from '../shared/messaging';
import { hostOf, OrgMark } from './OrgMark';
import { useState } from 'preact/hooks';
import { SetupForm } from './SetupForm';
import { useSignInOptions } from './useSignInOptions';
import { waysIn, type WaysIn } from './waysIn';
import { WhatRelayCollects } from './WhatRelayCollects';
import { listOf, t } from '../shared/i18n';

function howToStart(ways: WaysIn): string {
  if (ways.workAccount && ways.invites) return t('setup_how_both');
  if (ways.workAccount) return t('setup_how_work');
  return ways.invites ? t('setup_how_invite') : t('setup_how_none');
}

export function SetupScreen({ state, onEnrolled }: { state: PopupState; onEnrolled: () => Promise<void> }) {
  const signedOut = state.status.error?.kind === 'signed-out' ? state.status.error.message : null;
  const { setup } = state;
  const [typedUrl, setTypedUrl] = useState(setup.serverUrl);
  const options = useSignInOptions(setup.locked ? setup.serverUrl : typedUrl);
  const ways = waysIn(setup.signIn, options);
  // The organisation's name once its server answered; the host alone (an older server) only when locked.
  const orgName = options.organization?.name.trim() || (setup.locked ? hostOf(setup.serverUrl) : null);
  return (
    <main class="screen setup">
      <div class="setup-intro">
        <OrgMark name={orgName} logoUrl={options.organization?.logoUrl} />
        <div>
          <h1>{orgName ? t('setup_connect_to', { org: orgName }) : t('setup_connect_relay')}</h1>
          <p class="muted">{`${orgName ? t('setup_intro_org') : t('setup_intro')} ${howToStart(ways)}`}</p>
        </div>
      </div>
      {state.accessEnded && (
        <div class="banner banner--warn" role="alert">
          <strong>{state.accessEnded.title}</strong>
          <span>{state.accessEnded.message}</span>
        </div>
      )}
      {signedOut && !state.accessEnded && <p class="banner banner--warn">{signedOut}</p>}
      <SetupForm setup={setup} typedUrl={typedUrl} onTypedUrl={setTypedUrl} options={options} onEnrolled={onEnrolled} />
      <p class="fine-print">
        {t('setup_never_password', { networks: listOf(NETWORKS.map(networkLabel), 'disjunction') })}
      </p>
      <details class="collects-details">
        <summary>{t('setup_what_collects')}</summary>
        <WhatRelayCollects bare />
      </details>
    </main>
  );
}
