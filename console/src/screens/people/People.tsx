/**
 * Invites and advocates: create an invite (CreateInvite.tsx: the new code is shown once, with copy
 * buttons); list invites by their hint and revoke them; and who has joined (Advocates.tsx: last
 * sync, shares, access, "Remove access"). Each part says what happened in its own card, next to
 * the button that did it.
 */
import { useState } from 'preact/hooks';
import { api, describeError } from '../../api';
import { Loaded } from '../../components/Loaded';
import { NoticeLine, PageHeader, type Notice } from '../../components/ui';
import { useFetched } from '../../use-fetched';
import type { CreatedInvite, Invite } from '../../types';
import { AdvocatesSection } from './Advocates';
import { CreateInvite } from './CreateInvite';
import { inviteLabel } from './NewInvite';
import { InvitesTable } from './InvitesTable';

export function People() {
  const loaded = useFetched<{ items: Invite[] }>('/v1/admin/invites');
  const invites = loaded.data?.items ?? null;
  const setInvites = (change: (current: Invite[]) => Invite[]) =>
    loaded.setData((body) => ({ items: change(body?.items ?? []) }));
  const [notice, setNotice] = useState<Notice>(null);
  const [created, setCreated] = useState<CreatedInvite | null>(null);

  async function revoke(invite: Invite) {
    setNotice(null);
    try {
      const updated = await api.delete<Invite>(`/v1/admin/invites/${encodeURIComponent(invite.id)}`);
      setInvites((current) =>
        current.map((entry) => (entry.id === invite.id ? (updated ?? { ...entry, revoked: true }) : entry)),
      );
      if (created?.id === invite.id) setCreated(null);
      setNotice({ kind: 'success', text: `Invite ${inviteLabel(invite)} revoked: it can no longer be used.` });
    } catch (error) {
      setNotice({ kind: 'error', text: `Couldn't revoke ${inviteLabel(invite)}: ${describeError(error)}` });
    }
  }

  return (
    <>
      <PageHeader title="Invites & advocates">
        <p>
          Advocates join in the Relay browser extension with an invite code: one for each person, or one company code
          for everyone. Where work-account sign-in is on, they can sign in with that instead.
        </p>
      </PageHeader>

      <CreateInvite
        onCreated={(invite) => {
          setInvites((current) => [invite, ...current]);
          setCreated(invite);
        }}
        created={created}
      />

      <section class="card form-section" aria-labelledby="people-invites">
        <h2 id="people-invites">Invites</h2>
        <NoticeLine notice={notice} onDismiss={() => setNotice(null)} />
        <Loaded failure="Couldn't load the invites" loading="Loading invites…" from={loaded} ready={invites !== null}>
          {() =>
            invites?.length === 0 ? (
              <p class="muted">No invites yet. Create one above.</p>
            ) : (
              <InvitesTable
                invites={invites ?? []}
                createdId={created?.id}
                onRevoke={(invite) => void revoke(invite)}
              />
            )
          }
        </Loaded>
      </section>

      <AdvocatesSection />
    </>
  );
}
