/**
 * The invites, newest first: each by the start of its code (a "Company code" badge when it has no
 * use limit), its state, how many joined with it, expiry, and "Revoke" while active.
 */
import { Table } from '../../components/Table';
import { formatDateTime } from '../../time';
import type { Invite } from '../../types';
import { isCompanyCode } from './invite-draft';
import { inviteLabel } from './NewInvite';

function inviteState(invite: Invite, now: number): { label: string; active: boolean } {
  if (invite.revoked) return { label: 'Revoked', active: false };
  if (invite.expiresAt && Date.parse(invite.expiresAt) <= now) return { label: 'Expired', active: false };
  if (invite.maxUses !== null && invite.uses >= invite.maxUses) return { label: 'Used up', active: false };
  return { label: 'Active', active: true };
}

interface Props {
  invites: Invite[];
  /** The invite just created, highlighted. */
  createdId: string | undefined;
  onRevoke: (invite: Invite) => void;
}

export function InvitesTable({ invites, createdId, onRevoke }: Props) {
  const now = Date.now();
  return (
    <Table
      class="table--actions table--stack"
      caption="Invites, newest first"
      columns={['Code starts', 'State', 'Uses', 'Expires', 'Created']}
      actions
    >
      {invites.map((invite) => {
        const state = inviteState(invite, now);
        return (
          <tr key={invite.id} class={invite.id === createdId ? 'is-new' : undefined}>
            <th scope="row">
              <code class="code">{inviteLabel(invite)}</code>
              {isCompanyCode(invite) && <span class="badge badge--company">Company code</span>}
            </th>
            <td data-label="State">
              <span class={`status ${state.active ? 'status--published' : 'status--archived'}`}>{state.label}</span>
            </td>
            <td data-label="Uses" class="nowrap">
              {invite.maxUses !== null
                ? `${invite.uses} of ${invite.maxUses}`
                : `${invite.uses} ${invite.uses === 1 ? 'person' : 'people'} so far (no limit)`}
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
                    onClick={() => onRevoke(invite)}
                  >
                    Revoke
                  </button>
                </div>
              )}
            </td>
          </tr>
        );
      })}
    </Table>
  );
}
