/**
 * Privacy: the advocate's two choices (count clicks on my links; show me on the leaderboard),
 * saved on the server as they are made, and what Relay collects. A choice that could not be saved
 * says so and the switch goes back to what the server has.
 */
import { useState } from 'preact/hooks';
import type { PointsView } from '../shared/messaging';
import { useClient } from './ClientContext';
import { describeError } from './describeError';
import { usePoints } from './usePoints';
import { WhatRelayCollects } from './WhatRelayCollects';
import { t, type MessageKey } from '../shared/i18n';
import { serverUnreachable } from '../shared/connection-words';

type Setting = 'clickTracking' | 'leaderboard';

const SETTINGS: { key: Setting; label: MessageKey; on: MessageKey; off: MessageKey }[] = [
  { key: 'clickTracking', label: 'privacy_clicks_label', on: 'privacy_clicks_on', off: 'privacy_clicks_off' },
  { key: 'leaderboard', label: 'privacy_board_label', on: 'privacy_board_on', off: 'privacy_board_off' },
];

function Settings({ view, onSaved }: { view: PointsView; onSaved: (view: PointsView) => void }) {
  const client = useClient();
  // The choice being saved shows at once; it goes back to the server's if it cannot be saved.
  const [saving, setSaving] = useState<{ key: Setting; value: boolean } | null>(null);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const settings = view.settings!;

  const change = async (key: Setting, value: boolean) => {
    setSaving({ key, value });
    setMessage(null);
    try {
      const result = await client.updatePrivacy({ [key]: value });
      if (result.ok) {
        onSaved(result.view);
        setMessage({ tone: 'ok', text: t('privacy_saved') });
      } else {
        const text = result.offline ? t('privacy_not_saved', { error: serverUnreachable() }) : result.message;
        setMessage({ tone: 'error', text });
      }
    } catch (error) {
      setMessage({ tone: 'error', text: t('privacy_not_saved', { error: describeError(error) }) });
    } finally {
      setSaving(null);
    }
  };

  return (
    <section class="card-section" aria-labelledby="privacy-title">
      <h2 id="privacy-title" class="section-title">
        {t('privacy_your_choices')}
      </h2>
      {SETTINGS.map((setting) => {
        const checked = saving?.key === setting.key ? saving.value : settings[setting.key];
        return (
          <div key={setting.key} class="toggle">
            <input
              type="checkbox"
              role="switch"
              id={`setting-${setting.key}`}
              checked={checked}
              disabled={saving !== null}
              aria-describedby={`setting-${setting.key}-help`}
              onChange={(event) => void change(setting.key, event.currentTarget.checked)}
            />
            <label for={`setting-${setting.key}`}>{t(setting.label)}</label>
            <p id={`setting-${setting.key}-help`} class="toggle-help">
              {t(checked ? setting.on : setting.off)}
            </p>
          </div>
        );
      })}
      <p class={message?.tone === 'error' ? 'inline-error' : 'muted'} role="status">
        {saving ? t('privacy_saving') : (message?.text ?? '')}
      </p>
    </section>
  );
}

export function PrivacyScreen() {
  const client = useClient();
  const { view, error, refreshing, refresh, replace } = usePoints(client);
  const problem = error ?? view?.error ?? null;
  return (
    <div class="privacy-screen">
      {view?.settings ? (
        <Settings view={view} onSaved={replace} />
      ) : (
        <section class="card-section" aria-labelledby="privacy-title">
          <h2 id="privacy-title" class="section-title">
            {t('privacy_your_choices')}
          </h2>
          {problem && !refreshing ? (
            <div role="alert">
              <p class="inline-error">{t('privacy_load_failed', { error: problem })}</p>
              <button type="button" class="button button--small" onClick={() => void refresh()}>
                {t('popup_try_again')}
              </button>
            </div>
          ) : (
            <p class="muted" role="status">
              {t('privacy_loading')}
            </p>
          )}
        </section>
      )}
      <WhatRelayCollects />
    </div>
  );
}
