/**
 * "Admins" (owners): who may use the console and their role (GET /v1/admin/admins), adding one
 * (AddAdmin), changing a role with a select (PATCH) and removing one after a confirm dialog naming
 * them (DELETE). The roles' descriptions come from lib/roles.ts.
 */
import { useState } from 'preact/hooks';
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES, type Role } from '../../../../lib/roles';
import type { AdminAccount } from '../../../../lib/schemas/admins';
import { api, describeError } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Loaded } from '../../components/Loaded';
import { NoticeLine, PageHeader, type Notice } from '../../components/ui';
import { useFetched } from '../../use-fetched';
import { AddAdmin } from './AddAdmin';
import { AdminsTable } from './AdminsTable';

export function AdminsScreen() {
  const loaded = useFetched<{ items: AdminAccount[] }>('/v1/admin/admins');
  const admins = loaded.data?.items ?? null;
  const setAdmins = (change: (current: AdminAccount[]) => AdminAccount[]) =>
    loaded.setData((body) => ({ items: change(body?.items ?? []) }));
  const [notice, setNotice] = useState<Notice>(null);
  const [removing, setRemoving] = useState<AdminAccount | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function changeRole(admin: AdminAccount, role: Role) {
    setNotice(null);
    setBusy(admin.id);
    try {
      const updated = await api.patch<AdminAccount>(`/v1/admin/admins/${encodeURIComponent(admin.id)}`, { role });
      setAdmins((current) => current.map((entry) => (entry.id === admin.id ? updated : entry)));
      setNotice({ kind: 'success', text: `${admin.email} is now ${ROLE_LABELS[role].toLowerCase()}.` });
    } catch (error) {
      setNotice({ kind: 'error', text: `Couldn't change ${admin.email}'s role: ${describeError(error)}` });
    } finally {
      setBusy(null);
    }
  }

  async function remove(admin: AdminAccount) {
    await api.delete<AdminAccount>(`/v1/admin/admins/${encodeURIComponent(admin.id)}`);
    setAdmins((current) => current.filter((entry) => entry.id !== admin.id));
    setRemoving(null);
    setNotice({ kind: 'success', text: `${admin.email} was removed and signed out.` });
  }

  return (
    <>
      <PageHeader title="Admins">
        <p class="muted">Who can use this console, and what their role lets them do. The server enforces it.</p>
      </PageHeader>
      <section class="card form-section" aria-labelledby="admins-roles">
        <h2 id="admins-roles">Roles</h2>
        <dl class="role-list">
          {ROLES.map((role) => (
            <div key={role}>
              <dt>{ROLE_LABELS[role]}</dt>
              <dd>{ROLE_DESCRIPTIONS[role]}</dd>
            </div>
          ))}
        </dl>
      </section>
      <AddAdmin
        onAdded={(admin) => {
          setAdmins((current) => [...current.filter((entry) => entry.id !== admin.id), admin]);
          setNotice({ kind: 'success', text: `${admin.email} added as ${ROLE_LABELS[admin.role].toLowerCase()}.` });
        }}
      />
      <NoticeLine notice={notice} onDismiss={() => setNotice(null)} />
      <Loaded failure="Couldn't load the admins" loading="Loading admins…" from={loaded} ready={admins !== null}>
        {() => (
          <AdminsTable
            admins={admins ?? []}
            busy={busy}
            onRole={(admin, role) => void changeRole(admin, role)}
            onRemove={(admin) => {
              setNotice(null);
              setRemoving(admin);
            }}
          />
        )}
      </Loaded>
      {removing && (
        <ConfirmDialog
          id={`remove-admin-${removing.id}`}
          title={`Remove ${removing.name ?? removing.email} as an admin?`}
          confirm="Remove admin"
          failure="Couldn’t remove the admin"
          onConfirm={() => remove(removing)}
          onClose={() => setRemoving(null)}
        >
          <p>
            {removing.email} ({ROLE_LABELS[removing.role]}) is signed out at once and can no longer use the console.
            What they did stays in the audit log.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
