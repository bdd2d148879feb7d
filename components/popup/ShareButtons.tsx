/**
 * "Share on …" for each network the post is meant for, then "Copy". Sharing goes through the
 * background (it records the share and opens the network's share page); failures show inline.
 */
import { useState } from 'preact/hooks';
import type { Network } from '../../lib/schemas';
import { useClient } from './ClientContext';
import { CopyButton } from './CopyButton';
import { describeError } from './describeError';
import { NetworkIcon } from '../shared/NetworkIcon';
import { networkLabel, NETWORKS } from '../../lib/networks';

interface Props {
  contentId: string;
  networks: readonly Network[];
  /** The suggested text on screen, for "Copy". */
  text: string | null;
}

export function ShareButtons({ contentId, networks, text }: Props) {
  const client = useClient();
  const [busy, setBusy] = useState<Network | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function share(network: Network) {
    setBusy(network);
    setError(null);
    try {
      const result = await client.share(contentId, network);
      if (!result.ok) setError(result.message);
    } catch (caught) {
      setError(`Couldn't share on ${networkLabel(network)}: ${describeError(caught)}`);
    } finally {
      setBusy(null);
    }
  }

  return (
    <div class="post-actions">
      <div class="button-row">
        {NETWORKS.filter((network) => networks.includes(network)).map((network) => (
          <button
            key={network}
            type="button"
            class={`button button--small button--share button--${network}`}
            onClick={() => void share(network)}
            disabled={busy !== null}
            aria-busy={busy === network}
          >
            <NetworkIcon network={network} />
            Share on {networkLabel(network)}
          </button>
        ))}
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
