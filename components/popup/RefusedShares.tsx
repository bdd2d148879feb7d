/**
 * Shares the server refused for good (a post withdrawn, a network it does not offer…): each is
 * shown with the server's reason until the advocate dismisses it, so none is dropped without a word.
 */
import { useState } from 'preact/hooks';
import type { RefusedShare } from '../shared/messaging';
import { useClient } from './ClientContext';
import { describeError } from './describeError';
import { networkLabel } from '../../lib/networks';
import { relativeTime } from './relativeTime';
import { useNow } from './useNow';
import { t, tp } from '../shared/i18n';

export function RefusedShares({ items }: { items: RefusedShare[] }) {
  const client = useClient();
  const now = useNow();
  const [error, setError] = useState<string | null>(null);
  if (items.length === 0) return null;

  async function dismiss(id: string) {
    setError(null);
    try {
      const result = await client.dismissRefusedShare(id);
      if (!result.ok) setError(t('refused_dismiss_failed'));
    } catch (caught) {
      setError(t('refused_dismiss_error', { error: describeError(caught) }));
    }
  }

  return (
    <section class="refused" aria-labelledby="refused-title">
      <h2 id="refused-title" class="refused-title">
        {tp('refused_title', items.length)}
      </h2>
      <p class="refused-intro">{tp('refused_intro', items.length)}</p>
      <ul class="refused-list">
        {items.map((item) => {
          const title = item.title ?? t('refused_unknown_post');
          const when = relativeTime(item.sharedAt, now);
          return (
            <li key={item.id} class="refused-item">
              <p class="refused-what">
                <strong>{title}</strong>
                {` ${when ? t('refused_on_when', { network: networkLabel(item.network), when }) : t('refused_on', { network: networkLabel(item.network) })}`}
              </p>
              <p class="refused-why">{item.reason}</p>
              <button
                type="button"
                class="button button--small"
                aria-label={t('refused_dismiss_label', { title })}
                onClick={() => void dismiss(item.id)}
              >
                {t('refused_dismiss')}
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
