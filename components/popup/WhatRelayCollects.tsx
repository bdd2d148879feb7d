/**
 * "What Relay collects", in plain language: what leaves the browser, what the server keeps, who
 * sees it, and what never leaves. Shown under Privacy, and on the setup screen before connecting.
 * What the browser sends comes from lib/data-collection.ts, as Firefox's manifest declares it.
 */
import { DATA_RELAY_MAY_SEND, DATA_RELAY_SENDS } from '../../lib/data-collection';
import { COMPOSER_NETWORKS, NETWORKS, networkLabels } from '../../lib/networks';

/** "LinkedIn and X": the sites Relay's content scripts run in. */
const IN_PAGES = networkLabels(COMPOSER_NETWORKS);
export function WhatRelayCollects({
  bare = false,
}: {
  /** Inside a disclosure that names it already. */ bare?: boolean;
}) {
  return (
    <section class={bare ? 'collects collects--bare' : 'collects'} aria-labelledby="collects-title">
      <h2 id="collects-title" class={bare ? 'visually-hidden' : 'section-title'}>
        What Relay collects
      </h2>
      <h3>What your organisation's Relay server keeps</h3>
      <ul>
        {[...DATA_RELAY_SENDS, ...DATA_RELAY_MAY_SEND].map((sent) => (
          <li key={sent.category}>{sent.disclosure}</li>
        ))}
        <li>
          Clicks on your links, when click tracking is on: how many people opened them, per hour. Relay never stores a
          visitor's IP address, only a scrambled code that changes every day, so one person counts once an hour. Link
          previews made by the networks and chat apps are not counted.
        </li>
        <li>
          Your two privacy choices: whether you appear on the leaderboard, and whether clicks on your links are counted.
        </li>
      </ul>
      <h3>Who sees it</h3>
      <ul>
        <li>Your organisation's Relay admins see your shares, clicks and points.</li>
        <li>Colleagues see your name and points on the leaderboard, unless you turn it off.</li>
        <li>
          The people who open your links see a tag in the link that identifies the share with a code, not your name.
        </li>
      </ul>
      <h3>What never leaves your browser</h3>
      <ul>
        <li>The text of your posts. The guideline hints in {IN_PAGES} are worked out on this computer.</li>
        <li>Your feed, your messages, and anything else on {networkLabels(NETWORKS, 'or')}.</li>
        <li>Your social-network passwords and sign-ins: Relay never posts for you.</li>
      </ul>
    </section>
  );
}
