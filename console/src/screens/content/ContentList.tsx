/**
 * Every post, any status: filters (draft, scheduled, live, archived), search, and quick actions
 * (publish or schedule, archive, edit). Filters live in the URL, so back/forward and bookmarks work.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ContentListItem } from '../../../../lib/console-schemas';
import type { ContentItem } from '../../../../lib/schemas';
import { api, describeError, query } from '../../api';
import { Table } from '../../components/Table';
import { Loaded } from '../../components/Loaded';
import { MustFixDialog } from '../../components/MustFixDialog';
import { mustFixOf, type MustFixFailure } from '../../must-fix';
import { NoticeLine, PageHeader, type Notice } from '../../components/ui';
import { matches, normalizeStatus, STATUS_FILTERS } from '../../content';
import { href, navigate } from '../../router';
import { formatDateTime } from '../../time';
import { useFetched } from '../../use-fetched';
import { Welcome } from '../Home';
import { ContentRow } from './ContentRow';
import { ContentToolbar } from './ContentToolbar';

interface Props {
  status: string;
  q: string;
}

function changedNotice(updated: ContentItem): Notice {
  const text =
    updated.status === 'published'
      ? `“${updated.title}” is live: connected extensions have it now.`
      : updated.status === 'scheduled'
        ? `“${updated.title}” is scheduled for ${formatDateTime(updated.publishAt)}.`
        : `“${updated.title}” is archived: advocates no longer see it.`;
  return { kind: 'success', text };
}

export function ContentList(props: Props) {
  const status = normalizeStatus(props.status);
  const [search, setSearch] = useState(props.q);
  const loaded = useFetched<{ items: ContentListItem[] }>(`/v1/admin/content${query({ status, q: props.q })}`, {
    keep: true,
  });
  // Filtered here too: the same rules as the server's, whichever applied them.
  const items = loaded.data?.items.filter((item) => matches(item, status, props.q)) ?? null;
  const [total, setTotal] = useState<number | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [mustFix, setMustFix] = useState<{ item: ContentListItem; failures: MustFixFailure[] } | null>(null);
  const debounce = useRef<number | undefined>(undefined);

  // The search box follows the URL (back/forward), the URL follows the box (debounced).
  useEffect(() => setSearch(props.q), [props.q]);

  useEffect(() => {
    if (loaded.data && !status && !props.q) setTotal(loaded.data.items.length);
  }, [loaded.data]);

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

  /** Publishes or archives; `overrideReason` publishes past must-fix rules (after the dialog). */
  async function change(item: ContentListItem, action: 'publish' | 'archive', overrideReason?: string) {
    const updated =
      action === 'publish'
        ? await api.post<ContentItem>(
            `/v1/admin/content/${encodeURIComponent(item.id)}/publish`,
            overrideReason ? { overrideReason } : {},
          )
        : await api.delete<ContentItem>(`/v1/admin/content/${encodeURIComponent(item.id)}`);
    loaded.setData((body) => ({
      items: (body?.items ?? []).map((entry) => (entry.id === updated.id ? { ...entry, ...updated } : entry)),
    }));
    return updated;
  }

  async function act(item: ContentListItem, action: 'publish' | 'archive') {
    setBusy(item.id);
    setNotice(null);
    try {
      setNotice(changedNotice(await change(item, action)));
    } catch (caught) {
      const failures = mustFixOf(caught);
      if (failures) setMustFix({ item, failures });
      else setNotice({ kind: 'error', text: `Couldn't ${action} “${item.title}”: ${describeError(caught)}` });
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

      <ContentToolbar
        status={status}
        search={search}
        onStatus={(value) => setFilter({ status: value })}
        onSearch={onSearch}
        onSubmit={() => {
          window.clearTimeout(debounce.current);
          setFilter({ q: search });
        }}
      />

      <NoticeLine notice={notice} onDismiss={() => setNotice(null)} />
      {mustFix && (
        <MustFixDialog
          failures={mustFix.failures}
          verb={
            mustFix.item.publishAt !== null && Date.parse(mustFix.item.publishAt) > Date.now() ? 'Schedule' : 'Publish'
          }
          onPublish={async (reason) => {
            const updated = await change(mustFix.item, 'publish', reason);
            setMustFix(null);
            setNotice(changedNotice(updated));
          }}
          onClose={() => setMustFix(null)}
        />
      )}

      <Loaded failure="Couldn't load the content" loading="Loading content…" from={loaded} ready={items !== null}>
        {() =>
          !items?.length ? (
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
            <Table
              class="content-table table--actions table--stack"
              caption={
                <>
                  {filterLabel} posts{props.q ? ` matching “${props.q}”` : ''}, most recently changed first
                </>
              }
              columns={[
                'Post',
                'Status',
                'Networks',
                { label: 'Shares', numeric: true },
                { label: 'Clicks', numeric: true },
                'Publish / expire',
                'Changed',
              ]}
              actions
            >
              {items.map((item) => (
                <ContentRow
                  key={item.id}
                  item={item}
                  busy={busy === item.id}
                  onAct={(action) => void act(item, action)}
                />
              ))}
            </Table>
          )
        }
      </Loaded>
    </>
  );
}
