/**
 * The audit log: every admin action (and the identity provider's, and Relay's own), newest first,
 * filtered by date range, who and action, paged ("Show older entries"), exported as CSV or JSON
 * with the same filters.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { AuditEntry, AuditPage } from '../../../../lib/audit';
import { api, describeError, query } from '../../api';
import { Loaded } from '../../components/Loaded';
import { PageHeader } from '../../components/ui';
import { dayToIso } from '../../time';
import { useFetched } from '../../use-fetched';
import { AuditFilters, type AuditFilterValues } from './AuditFilters';
import { AuditTable } from './AuditTable';

const PAGE = 50;

export function AuditLog(values: AuditFilterValues) {
  const filters = useMemo(
    () => ({
      from: dayToIso(values.from),
      to: dayToIso(values.to, true),
      actor: values.actor,
      action: values.action,
    }),
    [values.from, values.to, values.actor, values.action],
  );
  const first = useFetched<AuditPage>(`/v1/admin/audit${query({ ...filters, limit: PAGE })}`);
  const [older, setOlder] = useState<AuditEntry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<string | null>(null);

  useEffect(() => {
    setOlder([]);
    setCursor(first.data?.nextCursor ?? null);
  }, [first.data]);

  async function showOlder() {
    if (!cursor) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await api.get<AuditPage>(`/v1/admin/audit${query({ ...filters, limit: PAGE, cursor })}`);
      setOlder((shown) => [...shown, ...page.entries]);
      setCursor(page.nextCursor);
    } catch (error) {
      setMoreError(describeError(error));
    } finally {
      setLoadingMore(false);
    }
  }

  const exportHref = (format: 'csv' | 'json') => `/v1/admin/audit/export${query({ ...filters, format })}`;
  const entries = [...(first.data?.entries ?? []), ...older];

  return (
    <>
      <PageHeader
        title="Audit log"
        actions={
          <>
            <a class="button" href={exportHref('csv')} download>
              Export CSV
            </a>
            <a class="button" href={exportHref('json')} download>
              Export JSON
            </a>
          </>
        }
      >
        <p>
          Who changed what, and when: content, guidelines and scoring, invites, people, provisioning and sign-in
          settings. Entries are never edited; erasing an advocate removes their name from the entries about them.
        </p>
      </PageHeader>
      <AuditFilters key={JSON.stringify(values)} values={values} />
      <Loaded
        failure="Couldn't load the audit log"
        loading="Loading the audit log…"
        from={first}
        ready={first.data !== null}
      >
        {() =>
          entries.length === 0 ? (
            <p class="empty">No entries match these filters.</p>
          ) : (
            <>
              <AuditTable entries={entries} />
              <div class="audit-more">
                <p class="muted small" aria-live="polite">
                  {entries.length} {entries.length === 1 ? 'entry' : 'entries'} shown{cursor ? '' : ', no older ones'}.
                </p>
                {cursor && (
                  <button type="button" class="button" disabled={loadingMore} onClick={() => void showOlder()}>
                    {loadingMore ? 'Loading…' : 'Show older entries'}
                  </button>
                )}
                {moreError && (
                  <p class="field__error" role="alert">
                    Couldn't load older entries: {moreError}
                  </p>
                )}
              </div>
            </>
          )
        }
      </Loaded>
    </>
  );
}
