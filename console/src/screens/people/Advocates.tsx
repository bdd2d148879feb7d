/**
 * The advocates on the "Invites & advocates" screen: who joined (with their email, how they signed
 * in and on how many browsers, when the server says), when each last synced, how many shares each
 * made, whether their access still works, and "Remove access" (RemoveAccessDialog).
 */
import { useState } from 'preact/hooks';
import { sharedNames } from '../../advocate-names';
import { api, describeError } from '../../api';
import type { AdvocateAccess } from '../../../../lib/console-schemas';
import { RemoveAccessDialog, type Removal } from '../../components/RemoveAccessDialog';
import { Table, type Column } from '../../components/Table';
import { Loaded } from '../../components/Loaded';
import { NoticeLine, type Notice } from '../../components/ui';
import { formatDate, formatDateTime, formatRelative } from '../../time';
import type { AdvocateRow } from '../../types';
import { useFetched } from '../../use-fetched';

const ACTIVE_DAYS = 7;

const ACCESS_LABEL: Record<AdvocateAccess, string> = {
  active: 'Active',
  removed: 'Removed',
  'signed-out': 'Signed out',
  expired: 'Expired',
  deprovisioned: 'Deprovisioned',
};

const SIGNED_IN_WITH: Record<NonNullable<AdvocateRow['signedInWith']>, string> = {
  sso: 'Work account',
  invite: 'Invite code',
};

function When({ at, now }: { at: string; now: number }) {
  return (
    <time dateTime={at} title={formatDateTime(at)}>
      {formatRelative(at, now)}
    </time>
  );
}

export function AdvocatesSection() {
  const loaded = useFetched<{ items: AdvocateRow[] }>('/v1/admin/advocates');
  const advocates = loaded.data?.items ?? null;
  const setAdvocates = (change: (current: AdvocateRow[]) => AdvocateRow[]) =>
    loaded.setData((body) => ({ items: change(body?.items ?? []) }));
  const [removing, setRemoving] = useState<AdvocateRow | null>(null);
  const [notice, onNotice] = useState<Notice>(null);

  function removed(removal: Removal) {
    const name = removing?.name ?? 'The advocate';
    const hadAccess = removing?.access === 'active';
    setRemoving(null);
    if (removal.erased) {
      setAdvocates((current) => current.filter((entry) => entry.id !== removal.id));
      onNotice({
        kind: 'success',
        text: hadAccess
          ? `${name}’s access was removed and everything about them erased.`
          : `Everything about ${name} was erased.`,
      });
    } else {
      setAdvocates((current) => current.map((entry) => (entry.id === removal.row.id ? removal.row : entry)));
      onNotice({ kind: 'success', text: `${name}’s access was removed. Their shares and points are kept.` });
    }
  }

  async function restore(advocate: AdvocateRow) {
    onNotice(null);
    try {
      const row = await api.post<AdvocateRow>(`/v1/admin/advocates/${encodeURIComponent(advocate.id)}/restore`);
      setAdvocates((current) => current.map((entry) => (entry.id === row.id ? row : entry)));
      onNotice({
        kind: 'success',
        text: `${advocate.name}’s access is restored: their next sign-in with their work account reaches their points and links.`,
      });
    } catch (error) {
      onNotice({ kind: 'error', text: `Couldn’t restore ${advocate.name}’s access: ${describeError(error)}` });
    }
  }

  const now = Date.now();
  const namesakes = sharedNames(advocates ?? []);
  const withAccess = advocates?.filter((advocate) => advocate.access === 'active') ?? [];
  // Columns the server fills since per-browser tokens; an older server's list has neither.
  const showSignedInWith = advocates?.some((advocate) => advocate.signedInWith !== undefined) ?? false;
  const showBrowsers = advocates?.some((advocate) => typeof advocate.browsers === 'number') ?? false;
  const columns: Column[] = [
    'Name',
    ...(showSignedInWith ? ['Signed in with'] : []),
    'Access',
    'Last sync',
    ...(showBrowsers ? [{ label: 'Browsers', numeric: true } as const] : []),
    { label: 'Shares', numeric: true },
  ];
  return (
    <section class="card form-section" aria-labelledby="people-advocates">
      <h2 id="people-advocates">Advocates</h2>
      <NoticeLine notice={notice} onDismiss={() => onNotice(null)} />
      <Loaded
        failure="Couldn't load the advocates"
        loading="Loading advocates…"
        from={loaded}
        ready={advocates !== null}
      >
        {() =>
          advocates?.length === 0 ? (
            <p class="muted">Nobody has joined yet. Advocates appear here once they connect the extension.</p>
          ) : (
            <>
              <p class="muted">
                {withAccess.length} advocate{withAccess.length === 1 ? '' : 's'} with access,{' '}
                {
                  withAccess.filter((a) => a.lastSyncAt && now - Date.parse(a.lastSyncAt) <= ACTIVE_DAYS * 86_400_000)
                    .length
                }{' '}
                synced in the last {ACTIVE_DAYS} days
                {(advocates?.length ?? 0) > withAccess.length
                  ? `; ${(advocates?.length ?? 0) - withAccess.length} without access`
                  : ''}
                .
              </p>
              <Table class="table--actions table--stack" caption="Advocates" columns={columns} actions>
                {(advocates ?? []).map((advocate) => (
                  <tr key={advocate.id}>
                    <th scope="row">
                      {advocate.name}
                      {advocate.email && (
                        <span class="muted small advocate-email">
                          <span class="visually-hidden">, </span>
                          {advocate.email}
                        </span>
                      )}
                      {advocate.team && (
                        <span class="muted small advocate-team">
                          <span class="visually-hidden">, team </span>
                          {advocate.team}
                        </span>
                      )}
                      {!advocate.email && !advocate.team && namesakes.has(advocate.name) && (
                        // Nothing else tells two people of one name apart.
                        <span class="muted small advocate-team">
                          <span class="visually-hidden">, </span>
                          Joined {formatDate(advocate.createdAt)}
                        </span>
                      )}
                    </th>
                    {showSignedInWith && (
                      <td data-label="Signed in with">
                        {advocate.signedInWith ? (
                          SIGNED_IN_WITH[advocate.signedInWith]
                        ) : advocate.access === 'active' ? (
                          // Provisioned by the identity provider, no browser signed in yet.
                          <span class="muted">Not signed in yet</span>
                        ) : (
                          '—'
                        )}
                      </td>
                    )}
                    <td data-label="Access">
                      <span>
                        <span
                          class={`status ${advocate.access === 'active' ? 'status--published' : 'status--archived'}`}
                        >
                          {ACCESS_LABEL[advocate.access]}
                        </span>
                        {advocate.accessEndedAt && (
                          <>
                            {' '}
                            <span class="muted small access-when">
                              <When at={advocate.accessEndedAt} now={now} />
                            </span>
                          </>
                        )}
                      </span>
                    </td>
                    <td data-label="Last sync" class="nowrap">
                      {advocate.lastSyncAt ? <When at={advocate.lastSyncAt} now={now} /> : 'Never'}
                    </td>
                    {showBrowsers && (
                      <td data-label="Browsers" class="numeric">
                        {advocate.browsers ?? '—'}
                      </td>
                    )}
                    <td data-label="Shares" class="numeric">
                      {advocate.shareCount}
                    </td>
                    <td>
                      <div class="row-actions">
                        {advocate.access === 'removed' && advocate.workAccount && (
                          <button
                            type="button"
                            class="button button--small"
                            aria-label={`Restore access for ${advocate.name}`}
                            onClick={() => void restore(advocate)}
                          >
                            Restore access
                          </button>
                        )}
                        <button
                          type="button"
                          class="button button--small button--danger"
                          aria-label={`${advocate.access === 'active' ? 'Remove access for' : 'Erase data of'} ${advocate.name}`}
                          onClick={() => {
                            onNotice(null);
                            setRemoving(advocate);
                          }}
                        >
                          {advocate.access === 'active' ? 'Remove access' : 'Erase data'}
                        </button>
                      </div>
                    </td>
                  </tr>
                ))}
              </Table>
            </>
          )
        }
      </Loaded>
      {removing && <RemoveAccessDialog advocate={removing} onClose={() => setRemoving(null)} onRemoved={removed} />}
    </section>
  );
}
