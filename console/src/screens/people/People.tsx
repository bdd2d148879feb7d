/**
 * Invites and advocates: create an invite (CreateInvite.tsx: the new code is shown once, with copy
 * buttons); list invites by their hint and revoke them; and who has joined (Advocates.tsx: last
 * sync, shares, access, "Remove access"). Each part says what happened in its own card, next to
 * the button that did it. With invite codes off on the server (RELAY_INVITES=off), it says so
 * instead of the create form.
 */
import { useState } from 'preact/hooks';
import { api, describeError } from '../../api';
import { Loaded } from '../../components/Loaded';
import { NoticeLine, PageHeader, type Notice } from '../../components/ui';
import { useFetched } from '../../use-fetched';
import type { CreatedInvite, Invite, SignInOptions } from '../../types';
import { AdvocatesSection } from './Advocates';
import { CreateInvite } from './CreateInvite';
import { inviteLabel } from './NewInvite';
import { InvitesTable } from './InvitesTable';

/** Instead of the create form when the server takes no invite codes. */
function InvitesOff() {
  return (
    <section class="card form-section" aria-labelledby="people-create">
      <h2 id="people-create">Invite codes are off</h2>
      <p>
        This server takes no invite codes (RELAY_INVITES=off): advocates sign in from the Relay extension with their
        work account. Invites made before can no longer be used; you can still revoke them below.
      </p>
    </section>
  );
}

export function People() {
  const options = useFetched<SignInOptions>('/v1/sign-in-options');
  // Until the server says, neither the form nor the notice (a server that can't say takes codes).
  const invitesOn = options.data ? options.data.invites : options.error !== null ? true : null;
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

      {invitesOn === false && <InvitesOff />}
      {invitesOn === true && (
        <CreateInvite
          onCreated={(invite) => {
            setInvites((current) => [invite, ...current]);
            setCreated(invite);
          }}
          created={created}
        />
      )}

      <section class="card form-section" aria-labelledby="people-invites">
        <h2 id="people-invites">Invites</h2>
        <NoticeLine notice={notice} onDismiss={() => setNotice(null)} />
        <Loaded failure="Couldn't load the invites" loading="Loading invites…" from={loaded} ready={invites !== null}>
          {() =>
            invites?.length === 0 ? (
              <p class="muted">{invitesOn === false ? 'No invites.' : 'No invites yet. Create one above.'}</p>
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
