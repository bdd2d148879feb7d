/**
 * A card's open share panel: the comms team's note, which network to share on, that network's
 * text (exactly what Share sends: the background builds the same text for the same network), then
 * "Share on <network>" and "Copy". Switching the network switches both the text and the button.
 */
import { useId, useState } from 'preact/hooks';
import type { Network } from '../../lib/schemas';
import { isTextNetwork, networkLabel } from '../../lib/networks';
import type { PopupItem, SharePoints } from '../shared/messaging';
import { NetworkIcon } from '../shared/NetworkIcon';
import { useClient } from './ClientContext';
import { CopyButton } from './CopyButton';
import { describeError } from './describeError';
import { preferredNetwork } from './popupPrefs';
import { Segmented } from './Segmented';
import { shareOptions } from './suggestionChoice';
import { t } from '../shared/i18n';

interface Props {
  id: string;
  item: PopupItem;
  network: Network;
  onChoose: (network: Network) => void;
  onShared: (network: Network, points: SharePoints | null | undefined) => void;
}

export function SharePanel({ id, item, network, onChoose, onShared }: Props) {
  const client = useClient();
  const name = useId();
  const textId = `${id}-text`;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const options = shareOptions(item);
  const text = item.suggestions[network] ?? '';
  const label = networkLabel(network);
  const linkOnly = !isTextNetwork(network);

  async function share() {
    setBusy(true);
    setError(null);
    try {
      const result = await client.share(item.id, network);
      if (!result.ok) return setError(result.message);
      preferredNetwork.write(network);
      onShared(network, result.points);
    } catch (caught) {
      setError(t('share_failed', { network: label, error: describeError(caught) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div id={id} class="share-panel">
      {item.note && (
        <div class="note">
          <p class="note-label">{t('share_note')}</p>
          <p class="note-text">{item.note}</p>
        </div>
      )}
      {options.length > 1 && (
        <Segmented
          name={name}
          legend={t('share_on_legend')}
          options={options.map((value) => ({ value, label: networkLabel(value) }))}
          value={network}
          onChange={onChoose}
        />
      )}
      <p class="suggestion-label">
        {linkOnly ? t('share_link_only', { network: label }) : t('share_your_text', { network: label })}
      </p>
      <p class="suggestion-text" id={textId}>
        {text}
      </p>
      <p class="hint">{linkOnly ? t('share_add_words', { network: label }) : t('share_make_it_yours')}</p>
      <div class="button-row">
        <button
          type="button"
          class={`button button--small button--primary button--share button--${network}`}
          onClick={() => void share()}
          disabled={busy}
          aria-busy={busy}
          aria-describedby={textId}
        >
          <NetworkIcon network={network} />
          {t('share_on_button', { network: label })}
        </button>
        <CopyButton text={text} />
      </div>
      {error && (
        <p class="inline-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
