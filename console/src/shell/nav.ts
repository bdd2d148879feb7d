/** The console's main navigation, one entry per screen: adding a screen to the menu is one line here. */
import type { Route } from '../router';

export interface NavEntry {
  label: string;
  path: string;
  /** Whether the entry is the current page on this route. */
  active: (route: Route) => boolean;
}

/** A matcher for the routes of the given names. */
const on =
  (...names: Route['name'][]) =>
  (route: Route) =>
    names.includes(route.name);

export const NAV: readonly NavEntry[] = [
  { label: 'Home', path: '/', active: on('home') },
  { label: 'Content', path: '/content', active: on('content', 'edit') },
  { label: 'New post', path: '/content/new', active: on('new') },
  { label: 'Guidelines', path: '/guidelines', active: on('guidelines') },
  { label: 'Scoring', path: '/scoring', active: on('scoring') },
  { label: 'Invites & advocates', path: '/people', active: on('people') },
  { label: 'Groups', path: '/groups', active: on('groups') },
  { label: 'Analytics', path: '/analytics', active: on('analytics') },
  { label: 'Sites', path: '/integration', active: on('integration') },
  { label: 'Sign-in & provisioning', path: '/provisioning', active: on('provisioning') },
  { label: 'Organisation', path: '/organization', active: on('organization') },
];
