/**
 * "What Relay collects", in plain language: what leaves the browser, what the server keeps, who
 * sees it, and what never leaves. Shown under Privacy, and on the setup screen before connecting.
 * What the browser sends comes from lib/data-collection.ts, as Firefox's manifest declares it.
 */
import { DATA_RELAY_MAY_SEND, DATA_RELAY_SENDS } from '../../lib/data-collection';
import { COMPOSER_NETWORKS, networkLabel, NETWORKS } from '../../lib/networks';
import { listOf, t, tMaybe } from '../shared/i18n';

export function WhatRelayCollects({
  bare = false,
}: {
  /** Inside a disclosure that names it already. */ bare?: boolean;
}) {
  return (
    <section class={bare ? 'collects collects--bare' : 'collects'} aria-labelledby="collects-title">
      <h2 id="collects-title" class={bare ? 'visually-hidden' : 'section-title'}>
        {t('setup_what_collects')}
      </h2>
      <h3>{t('collects_server_keeps')}</h3>
      <ul>
        {[...DATA_RELAY_SENDS, ...DATA_RELAY_MAY_SEND].map((sent) => (
          <li key={sent.category}>{tMaybe(`collects_${sent.category}`) ?? sent.disclosure}</li>
        ))}
        <li>{t('collects_clicks')}</li>
        <li>{t('collects_choices')}</li>
      </ul>
      <h3>{t('collects_who_sees')}</h3>
      <ul>
        <li>{t('collects_admins')}</li>
        <li>{t('collects_colleagues')}</li>
        <li>{t('collects_link_tag')}</li>
      </ul>
      <h3>{t('collects_never_leaves')}</h3>
      <ul>
        <li>{t('collects_post_text', { sites: listOf(COMPOSER_NETWORKS.map(networkLabel)) })}</li>
        <li>{t('collects_feed', { networks: listOf(NETWORKS.map(networkLabel), 'disjunction') })}</li>
        <li>{t('collects_passwords')}</li>
      </ul>
    </section>
  );
}
