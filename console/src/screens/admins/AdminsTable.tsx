/** The admins as a table: name and email, role (a select), how they sign in, added; Remove. */
import { ROLE_LABELS, ROLES, roleOf, type Role } from '../../../../lib/roles';
import type { AdminAccount } from '../../../../lib/schemas/admins';
import { Table } from '../../components/Table';
import { formatDate } from '../../time';

const SIGN_IN: Record<AdminAccount['signsInWith'][number], string> = {
  password: 'Password',
  'work-account': 'Work account',
};

interface Props {
  admins: readonly AdminAccount[];
  busy: string | null;
  onRole: (admin: AdminAccount, role: Role) => void;
  onRemove: (admin: AdminAccount) => void;
}

export function AdminsTable({ admins, busy, onRole, onRemove }: Props) {
  return (
    <Table
      class="admins-table table--actions table--stack"
      caption="Admins, oldest first"
      columns={['Admin', 'Role', 'Signs in with', 'Added']}
      actions
    >
      {admins.map((admin) => {
        const who = admin.name ?? admin.email;
        return (
          <tr key={admin.id}>
            <td>
              <strong>{who}</strong>
              {admin.name && <div class="muted small">{admin.email}</div>}
            </td>
            <td data-label="Role">
              <select
                aria-label={`Role of ${who}`}
                value={admin.role}
                disabled={busy === admin.id}
                onChange={(event) => onRole(admin, roleOf(event.currentTarget.value))}
              >
                {ROLES.map((role) => (
                  <option key={role} value={role}>
                    {ROLE_LABELS[role]}
                  </option>
                ))}
              </select>
            </td>
            <td data-label="Signs in with">{admin.signsInWith.map((method) => SIGN_IN[method]).join(', ')}</td>
            <td data-label="Added">{formatDate(admin.createdAt)}</td>
            <td>
              <div class="row-actions">
                <button
                  type="button"
                  class="button button--small button--danger"
                  aria-label={`Remove ${who}`}
                  onClick={() => onRemove(admin)}
                >
                  Remove
                </button>
              </div>
            </td>
          </tr>
        );
      })}
    </Table>
  );
}
