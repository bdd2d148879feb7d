/** The console's main navigation, one entry per screen: adding a screen to the menu is one line here. */
import type { Permission } from '../../../lib/roles';
import type { Route } from '../router';

export interface NavEntry {
  label: string;
  path: string;
  /** What the admin's role needs to see the entry and open its screen (lib/roles.ts). */
  permission: Permission;
  /** Whether the entry is the current page on this route. */
  active: (route: Route) => boolean;
}

/** A matcher for the routes of the given names. */
const on =
  (...names: Route['name'][]) =>
  (route: Route) =>
    names.includes(route.name);

export const NAV: readonly NavEntry[] = [
  { label: 'Home', path: '/', permission: 'analytics.read', active: on('home') },
  { label: 'Content', path: '/content', permission: 'content.read', active: on('content', 'edit') },
  { label: 'New post', path: '/content/new', permission: 'content.write', active: on('new') },
  { label: 'Approvals', path: '/approvals', permission: 'content.read', active: on('approvals') },
  { label: 'Guidelines', path: '/guidelines', permission: 'settings.read', active: on('guidelines') },
  { label: 'Scoring', path: '/scoring', permission: 'settings.read', active: on('scoring') },
  { label: 'Invites & advocates', path: '/people', permission: 'people.manage', active: on('people') },
  { label: 'Groups', path: '/groups', permission: 'groups.read', active: on('groups') },
  { label: 'Analytics', path: '/analytics', permission: 'analytics.read', active: on('analytics') },
  { label: 'Sites', path: '/integration', permission: 'settings.read', active: on('integration') },
  { label: 'Sign-in & provisioning', path: '/provisioning', permission: 'settings.manage', active: on('provisioning') },
  { label: 'Organisation', path: '/organization', permission: 'settings.read', active: on('organization') },
  { label: 'Admins', path: '/admins', permission: 'admins.manage', active: on('admins') },
  { label: 'Audit log', path: '/audit', permission: 'audit.read', active: on('audit') },
];

/** The nav entry whose screen a route shows (editing a post is Content's), for its permission. */
export function entryOf(route: Route): NavEntry | undefined {
  return NAV.find((entry) => entry.active(route));
}
