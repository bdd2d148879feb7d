/**
 * First run (or after signing out): what Relay is, why you were signed out (access removed or
 * expired: the background cleared the saved posts), and the setup form.
 */
import { NETWORKS, networkLabels } from '../../lib/networks';
import type { PopupState } from '../shared/messaging';
import { Logo } from '../shared/Logo';
import { SetupForm } from './SetupForm';
import { WhatRelayCollects } from './WhatRelayCollects';

export function SetupScreen({ state, onEnrolled }: { state: PopupState; onEnrolled: () => Promise<void> }) {
  const signedOut = state.status.error?.kind === 'signed-out' ? state.status.error.message : null;
  return (
    <main class="screen setup">
      <div class="setup-intro">
        <Logo size={40} />
        <div>
          <h1>Connect to Relay</h1>
          <p class="muted">Share approved company news in your own words. Your admin gives you an invite code.</p>
        </div>
      </div>
      {state.accessEnded && (
        <div class="banner banner--warn" role="alert">
          <strong>{state.accessEnded.title}</strong>
          <span>{state.accessEnded.message}</span>
        </div>
      )}
      {signedOut && !state.accessEnded && <p class="banner banner--warn">{signedOut}</p>}
      <SetupForm setup={state.setup} onEnrolled={onEnrolled} />
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
