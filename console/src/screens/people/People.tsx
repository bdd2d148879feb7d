/**
 * Invites and advocates: create an invite (CreateInvite.tsx: the new code is shown once, with copy
 * buttons); list invites by their hint and revoke them; and who has joined (Advocates.tsx: last
 * sync, shares, access, "Remove access"). Each part says what happened in its own card, next to
 * the button that did it.
 */
import { useEffect, useState } from 'preact/hooks';
import { api, describeError } from '../../api';
import { Loading, LoadError, NoticeLine, PageHeader, type Notice } from '../../components/ui';
import { formatDateTime } from '../../time';
import type { CreatedInvite, Invite } from '../../types';
import { AdvocatesSection } from './Advocates';
import { CreateInvite, inviteLabel } from './CreateInvite';

function inviteState(invite: Invite, now: number): { label: string; active: boolean } {
  if (invite.revoked) return { label: 'Revoked', active: false };
  if (invite.expiresAt && Date.parse(invite.expiresAt) <= now) return { label: 'Expired', active: false };
  if (invite.maxUses !== null && invite.uses >= invite.maxUses) return { label: 'Used up', active: false };
  return { label: 'Active', active: true };
}

export function People() {
  const [invites, setInvites] = useState<Invite[] | null>(null);
  const [inviteError, setInviteError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [notice, setNotice] = useState<Notice>(null);
  const [created, setCreated] = useState<CreatedInvite | null>(null);

  useEffect(() => {
    setInviteError(null);
    api
      .get<{ items: Invite[] }>('/v1/admin/invites')
      .then((body) => setInvites(body.items))
      .catch((error: unknown) => setInviteError(describeError(error)));
  }, [attempt]);

  async function revoke(invite: Invite) {
    setNotice(null);
    try {
      const updated = await api.delete<Invite>(`/v1/admin/invites/${encodeURIComponent(invite.id)}`);
      setInvites((current) =>
        (current ?? []).map((entry) => (entry.id === invite.id ? (updated ?? { ...entry, revoked: true }) : entry)),
      );
      if (created?.id === invite.id) setCreated(null);
      setNotice({ kind: 'success', text: `Invite ${inviteLabel(invite)} revoked: it can no longer be used.` });
    } catch (error) {
      setNotice({ kind: 'error', text: `Couldn't revoke ${inviteLabel(invite)}: ${describeError(error)}` });
    }
  }

  const now = Date.now();
  return (
    <>
      <PageHeader title="Invites & advocates">
        <p>
          Advocates join with an invite code in the Relay browser extension. Send them the server address and a code.
        </p>
      </PageHeader>

      <CreateInvite
        onCreated={(invite) => {
          setInvites((current) => [invite, ...(current ?? [])]);
          setCreated(invite);
        }}
        created={created}
      />

      <section class="card form-section" aria-labelledby="people-invites">
        <h2 id="people-invites">Invites</h2>
        <NoticeLine notice={notice} onDismiss={() => setNotice(null)} />
        {inviteError ? (
          <LoadError message={`Couldn't load the invites: ${inviteError}`} onRetry={() => setAttempt((n) => n + 1)} />
        ) : invites === null ? (
          <Loading label="Loading invites…" />
        ) : invites.length === 0 ? (
          <p class="muted">No invites yet. Create one above.</p>
        ) : (
          <div class="table-wrap">
            <table class="table table--actions table--stack">
              <caption class="visually-hidden">Invites, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Code starts</th>
                  <th scope="col">State</th>
                  <th scope="col">Uses</th>
                  <th scope="col">Expires</th>
                  <th scope="col">Created</th>
                  <th scope="col">
                    <span class="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {invites.map((invite) => {
                  const state = inviteState(invite, now);
                  return (
                    <tr key={invite.id} class={invite.id === created?.id ? 'is-new' : undefined}>
                      <th scope="row">
                        <code class="code">{inviteLabel(invite)}</code>
                      </th>
                      <td data-label="State">
                        <span class={`status ${state.active ? 'status--published' : 'status--archived'}`}>
                          {state.label}
                        </span>
                      </td>
                      <td data-label="Uses" class="nowrap">
                        {invite.uses}
                        {invite.maxUses !== null ? ` of ${invite.maxUses}` : ' (no limit)'}
                      </td>
                      <td data-label="Expires">{invite.expiresAt ? formatDateTime(invite.expiresAt) : 'Never'}</td>
                      <td data-label="Created">{formatDateTime(invite.createdAt)}</td>
                      <td>
                        {state.active && (
                          <div class="row-actions">
                            <button
                              type="button"
                              class="button button--small button--danger"
                              aria-label={`Revoke invite ${inviteLabel(invite)}`}
                              onClick={() => void revoke(invite)}
                            >
                              Revoke
                            </button>
                          </div>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <AdvocatesSection />
    </>
  );
}
