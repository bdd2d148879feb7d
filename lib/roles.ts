/** Admin roles and what each may do: one table the server enforces on every admin route and the console reads to hide what a role can't do. */
import { z } from 'zod';

export const ROLES = ['owner', 'editor', 'approver', 'analyst'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/**
 * What an admin route needs. `session` is any signed-in admin (their own session, the console's
 * shell). Every other permission is granted by the table below.
 */
export const PERMISSIONS = [
  'session',
  /** Read posts, drafts and their previews. */
  'content.read',
  /** Write drafts, upload images, fetch link previews, submit for approval. */
  'content.write',
  /** Publish, schedule and archive (with approvals on, only a reviewer publishes: services decide). */
  'content.publish',
  /** Approve (publish) or reject someone else's submitted post. */
  'content.review',
  /** Analytics, the home overview, exports of numbers. */
  'analytics.read',
  /** Groups and audiences, to target posts (names and sizes; members' names). */
  'groups.read',
  /** Advocates, invites, groups and browsers (tokens): people and their access. */
  'people.manage',
  /** Read the guidelines, scoring rules, organisation and the composer sites' status. */
  'settings.read',
  /** Change guidelines, scoring, organisation, selectors, approvals, provisioning, SCIM and SSO settings. */
  'settings.manage',
  /** Add admins, change their roles, remove them. */
  'admins.manage',
  /** Read and export the audit log. */
  'audit.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const EVERYTHING: readonly Permission[] = PERMISSIONS;

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  owner: EVERYTHING,
  editor: [
    'session',
    'content.read',
    'content.write',
    'content.publish',
    'analytics.read',
    'groups.read',
    'settings.read',
  ],
  approver: [
    'session',
    'content.read',
    'content.publish',
    'content.review',
    'analytics.read',
    'groups.read',
    'settings.read',
  ],
  analyst: ['session', 'analytics.read'],
};

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  owner: 'Owner',
  editor: 'Editor',
  approver: 'Approver',
  analyst: 'Analyst',
};

export const ROLE_DESCRIPTIONS: Readonly<Record<Role, string>> = {
  owner: 'Everything, including admins, roles, sign-in and provisioning settings',
  editor: 'Writes posts and submits them for approval (publishes directly while approvals are off)',
  approver: "Publishes or rejects others' submitted posts",
  analyst: 'Reads analytics only',
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** A stored role read tolerantly: anything unknown is the least privileged role. */
export function roleOf(value: unknown): Role {
  const parsed = roleSchema.safeParse(value);
  return parsed.success ? parsed.data : 'analyst';
}

/** The permission table as docs/api.md shows it (a test keeps the two the same): a row per permission, a column per role. */
export function permissionTableMarkdown(): string {
  const header = `| Permission | ${ROLES.map((role) => ROLE_LABELS[role]).join(' | ')} |`;
  const rule = `| --- | ${ROLES.map(() => ':-:').join(' | ')} |`;
  const rows = PERMISSIONS.map(
    (permission) => `| \`${permission}\` | ${ROLES.map((role) => (can(role, permission) ? 'yes' : '—')).join(' | ')} |`,
  );
  return [header, rule, ...rows].join('\n');
}
