/**
 * Shares the server refused for good (a post withdrawn, a network it does not offer…): each is
 * shown with the server's reason until the advocate dismisses it, so none is dropped without a word.
 */
import { useState } from 'preact/hooks';
import type { RefusedShare } from '../shared/messaging';
import { useClient } from './ClientContext';
import { describeError } from './describeError';
import { networkLabel } from '../../lib/networks';
import { plural } from './plural';
import { relativeTime } from './relativeTime';
import { useNow } from './useNow';

export function RefusedShares({ items }: { items: RefusedShare[] }) {
  const client = useClient();
  const now = useNow();
  const [error, setError] = useState<string | null>(null);
  if (items.length === 0) return null;

  async function dismiss(id: string) {
    setError(null);
    try {
      const result = await client.dismissRefusedShare(id);
      if (!result.ok) setError('That share could not be dismissed. Reopen Relay and try again.');
    } catch (caught) {
      setError(`That share could not be dismissed: ${describeError(caught)}`);
    }
  }

  return (
    <section class="refused" aria-labelledby="refused-title">
      <h2 id="refused-title" class="refused-title">
        {`${plural(items.length, 'share')} not counted`}
      </h2>
      <p class="refused-intro">
        {items.length === 1
          ? 'Relay could not count this share, so it earns no points.'
          : 'Relay could not count these shares, so they earn no points.'}
      </p>
      <ul class="refused-list">
        {items.map((item) => {
          const title = item.title ?? 'A post no longer in Relay';
          const when = relativeTime(item.sharedAt, now);
          return (
            <li key={item.id} class="refused-item">
              <p class="refused-what">
                <strong>{title}</strong>
                {` on ${networkLabel(item.network)}${when ? `, ${when}` : ''}`}
              </p>
              <p class="refused-why">{item.reason}</p>
              <button
                type="button"
                class="button button--small"
                aria-label={`Dismiss the refused share of ${title}`}
                onClick={() => void dismiss(item.id)}
              >
                Dismiss
              </button>
            </li>
          );
        })}
      </ul>
      {error && (
        <p class="refused-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
