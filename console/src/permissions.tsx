/**
 * What the signed-in admin's role allows, from the session answer (GET /v1/admin/session
 * `permissions`): the console hides what they can't do. The server decides; this only hides.
 */
import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import { ROLE_LABELS, ROLE_PERMISSIONS, roleOf, type Permission, type Role } from '../../lib/roles';
import { PageHeader } from './components/ui';

export interface Permissions {
  role: Role;
  can: (permission: Permission) => boolean;
}

/** From a session answer; one without permissions reads its role's table (unknown: the least privileged). */
export function permissionsOf(session: { admin: { role?: string }; permissions?: readonly string[] }): Permissions {
  const role = roleOf(session.admin.role);
  const granted = new Set<string>(session.permissions ?? ROLE_PERMISSIONS[role]);
  return { role, can: (permission) => granted.has(permission) };
}

const PermissionsContext = createContext<Permissions>(permissionsOf({ admin: { role: 'analyst' }, permissions: [] }));

export function PermissionsProvider({ value, children }: { value: Permissions; children: ComponentChildren }) {
  return <PermissionsContext.Provider value={value}>{children}</PermissionsContext.Provider>;
}

export function usePermissions(): Permissions {
  return useContext(PermissionsContext);
}

/** A screen the role can't open, reached by its address: said politely instead of failing calls. */
export function NotForRole({ title }: { title: string }) {
  const { role } = usePermissions();
  return (
    <PageHeader title={title}>
      <p class="not-for-role">
        Your role ({ROLE_LABELS[role]}) can't open this screen. An owner can change your role in Admins.{' '}
        <a href="#/">Go to Home</a>.
      </p>
    </PageHeader>
  );
}
