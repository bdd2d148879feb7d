/**
 * Every post, any status: filters (draft, scheduled, live, archived), search, and quick actions
 * (publish or schedule, archive, edit). Filters live in the URL, so back/forward and bookmarks work.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ContentItem } from '../../../lib/schemas';
import { NETWORK_LABEL, NETWORK_ORDER } from '../../../components/shared/networks';
import { api, describeError, query } from '../api';
import { Loading, LoadError, NoticeLine, PageHeader, type Notice } from '../components/ui';
import { hostOf, matches, normalizeStatus, STATUS_FILTERS, STATUS_LABEL } from '../content';
import { contentHref, href, navigate } from '../router';
import { formatDateTime, formatRelative } from '../time';
import { Welcome } from './Home';

interface Props {
  status: string;
  q: string;
}

export function ContentList(props: Props) {
  const status = normalizeStatus(props.status);
  const [search, setSearch] = useState(props.q);
  const [items, setItems] = useState<ContentItem[] | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const debounce = useRef<number | undefined>(undefined);

  // The search box follows the URL (back/forward), the URL follows the box (debounced).
  useEffect(() => setSearch(props.q), [props.q]);

  useEffect(() => {
    const controller = new AbortController();
    setError(null);
    api
      .get<{ items: ContentItem[] }>(`/v1/admin/content${query({ status, q: props.q })}`, { signal: controller.signal })
      .then((body) => {
        // Filtered here too: the same rules as the server's, whichever applied them.
        setItems(body.items.filter((item) => matches(item, status, props.q)));
        if (!status && !props.q) setTotal(body.items.length);
      })
      .catch((caught: unknown) => {
        if ((caught as Error).name !== 'AbortError') setError(describeError(caught));
      });
    return () => controller.abort();
  }, [status, props.q, attempt]);

  // Whether there is any content at all (for the first-run guide), when a filter hides some.
  useEffect(() => {
    if (total !== null || (!status && !props.q)) return;
    api
      .get<{ items: ContentItem[] }>('/v1/admin/content')
      .then((body) => setTotal(body.items.length))
      .catch(() => setTotal(-1));
  }, [status, props.q, total]);

  function setFilter(next: { status?: string; q?: string }) {
    const params = { status: next.status ?? status, q: next.q ?? props.q };
    navigate(href('/content', { status: params.status === 'published' ? 'live' : params.status, q: params.q.trim() }), {
      replace: true,
    });
  }

  function onSearch(value: string) {
    setSearch(value);
    window.clearTimeout(debounce.current);
    debounce.current = window.setTimeout(() => setFilter({ q: value }), 250);
  }

  async function act(item: ContentItem, action: 'publish' | 'archive') {
    setBusy(item.id);
    setNotice(null);
    try {
      const updated =
        action === 'publish'
          ? await api.post<ContentItem>(`/v1/admin/content/${encodeURIComponent(item.id)}/publish`)
          : await api.delete<ContentItem>(`/v1/admin/content/${encodeURIComponent(item.id)}`);
      setItems((current) =>
        (current ?? [])
          .map((entry) => (entry.id === updated.id ? updated : entry))
          .filter((entry) => matches(entry, status, props.q)),
      );
      const text =
        updated.status === 'published'
          ? `“${updated.title}” is live: connected extensions have it now.`
          : updated.status === 'scheduled'
            ? `“${updated.title}” is scheduled for ${formatDateTime(updated.publishAt)}.`
            : `“${updated.title}” is archived: advocates no longer see it.`;
      setNotice({ kind: 'success', text });
    } catch (caught) {
      setNotice({ kind: 'error', text: `Couldn't ${action} “${item.title}”: ${describeError(caught)}` });
    } finally {
      setBusy(null);
    }
  }

  if (total === 0 && !status && !props.q) return <Welcome />;

  const filterLabel = STATUS_FILTERS.find((filter) => filter.value === status)?.label ?? 'All';
  return (
    <>
      <PageHeader
        title="Content"
        actions={
          <a class="button button--primary" href={href('/content/new')}>
            New post
          </a>
        }
      >
        <p>Everything you have written for advocates: drafts, scheduled, live and archived posts.</p>
      </PageHeader>

      <div class="toolbar">
        <div class="segmented" role="group" aria-label="Filter by status">
          {STATUS_FILTERS.map((filter) => (
            <button
              key={filter.value}
              type="button"
              aria-pressed={status === filter.value}
              onClick={() => setFilter({ status: filter.value })}
            >
              {filter.label}
            </button>
          ))}
        </div>
        <form
          class="search"
          role="search"
          onSubmit={(event) => {
            event.preventDefault();
            window.clearTimeout(debounce.current);
            setFilter({ q: search });
          }}
        >
          <label for="content-search">Search content</label>
          <input
            id="content-search"
            type="search"
            value={search}
            placeholder="Title, text, tag or campaign"
            onInput={(event) => onSearch(event.currentTarget.value)}
          />
        </form>
      </div>

      <NoticeLine notice={notice} onDismiss={() => setNotice(null)} />

      {error ? (
        <LoadError message={`Couldn't load the content: ${error}`} onRetry={() => setAttempt((n) => n + 1)} />
      ) : items === null ? (
        <Loading label="Loading content…" />
      ) : items.length === 0 ? (
        <div class="empty card">
          <p>
            No {status ? `${filterLabel.toLowerCase()} ` : ''}posts
            {props.q ? ` match “${props.q}”` : ''}.
          </p>
          {(status || props.q) && (
            <button type="button" class="button" onClick={() => navigate(href('/content'), { replace: true })}>
              Show all posts
            </button>
          )}
        </div>
      ) : (
        <div class="table-wrap">
          <table class="table content-table">
            <caption class="visually-hidden">
              {filterLabel} posts{props.q ? ` matching “${props.q}”` : ''}, most recently changed first
            </caption>
            <thead>
              <tr>
                <th scope="col">Post</th>
                <th scope="col">Status</th>
                <th scope="col">Networks</th>
                <th scope="col">Publish / expire</th>
                <th scope="col">Changed</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <ContentRow
                  key={item.id}
                  item={item}
                  busy={busy === item.id}
                  onAct={(action) => void act(item, action)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function ContentRow({
  item,
  busy,
  onAct,
}: {
  item: ContentItem;
  busy: boolean;
  onAct: (action: 'publish' | 'archive') => void;
}) {
  const canPublish = item.status === 'draft' || item.status === 'archived';
  const schedules = canPublish && item.publishAt !== null && Date.parse(item.publishAt) > Date.now();
  const variantCount = (item.variants.linkedin?.length ?? 0) + (item.variants.x?.length ?? 0);
  return (
    <tr>
      <th scope="row" class="content-table__title">
        <a href={contentHref(item.id)}>{item.title}</a>
        <span class="muted small">
          {hostOf(item.url)}
          {item.campaign ? ` · ${item.campaign}` : ''} · {variantCount} variant{variantCount === 1 ? '' : 's'}
        </span>
      </th>
      <td>
        <span class={`status status--${item.status}`}>{STATUS_LABEL[item.status]}</span>
      </td>
      <td>
        {NETWORK_ORDER.filter((network) => item.networks.includes(network))
          .map((network) => NETWORK_LABEL[network])
          .join(', ')}
      </td>
      <td class="small">
        {item.publishAt ? formatDateTime(item.publishAt) : '—'}
        {item.expiresAt && (
          <>
            <br />
            <span class="muted">until {formatDateTime(item.expiresAt)}</span>
          </>
        )}
      </td>
      <td class="small">
        <time dateTime={item.updatedAt} title={formatDateTime(item.updatedAt)}>
          {formatRelative(item.updatedAt)}
        </time>
      </td>
      <td>
        <div class="row-actions">
          <a class="button button--small" href={contentHref(item.id)} aria-label={`Edit “${item.title}”`}>
            Edit
          </a>
          {canPublish && (
            <button
              type="button"
              class="button button--small button--primary"
              disabled={busy}
              aria-label={`${schedules ? 'Schedule' : 'Publish'} “${item.title}”`}
              onClick={() => onAct('publish')}
            >
              {schedules ? 'Schedule' : 'Publish'}
            </button>
          )}
          {item.status !== 'archived' && (
            <button
              type="button"
              class="button button--small"
              disabled={busy}
              aria-label={`Archive “${item.title}”`}
              onClick={() => onAct('archive')}
            >
              Archive
            </button>
          )}
        </div>
      </td>
    </tr>
  );
}
