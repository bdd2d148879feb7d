/**
 * First run (or after signing out): the organisation (name and logo, from its server) and what
 * Relay is, why you were signed out (access removed, ended
 * by the company or expired: the background cleared the saved posts), and the ways in the
 * organisation allows (SetupForm).
 */
import { NETWORKS, networkLabels } from '../../lib/networks';
import type { PopupState } from '../shared/messaging';
import { hostOf, OrgMark } from './OrgMark';
import { useState } from 'preact/hooks';
import { SetupForm } from './SetupForm';
import { useSignInOptions } from './useSignInOptions';
import { waysIn, type WaysIn } from './waysIn';
import { WhatRelayCollects } from './WhatRelayCollects';

function howToStart(ways: WaysIn): string {
  if (ways.workAccount && ways.invites) return 'Sign in with your work account, or use an invite code from your admin.';
  if (ways.workAccount) return 'Sign in with your work account to start.';
  return ways.invites ? 'Your admin gives you an invite code.' : 'Your IT team tells you how to connect.';
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
          <h1>{orgName ? `Connect to ${orgName}` : 'Connect to Relay'}</h1>
          <p class="muted">
            {orgName
              ? 'Share approved news from your company in your own words, with Relay. '
              : 'Share approved company news in your own words. '}
            {howToStart(ways)}
          </p>
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
        Relay never asks for your {networkLabels(NETWORKS, 'or')} password: it opens their share page in the browser you
        are already signed in to.
      </p>
      <details class="collects-details">
        <summary>What Relay collects</summary>
        <WhatRelayCollects bare />
      </details>
    </main>
  );
}
