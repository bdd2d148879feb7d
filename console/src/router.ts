/**
 * Hash routes (#/content, #/content/<id>, …): the API serves one index.html at /admin, and a
 * reload or a bookmark lands on the same screen with no server-side routing.
 */
import { useEffect, useState } from 'preact/hooks';

export type Route =
  | { name: 'home' }
  | { name: 'content'; status: string; q: string }
  | { name: 'new' }
  | { name: 'edit'; id: string }
  | { name: 'guidelines' }
  | { name: 'scoring' }
  | { name: 'people' }
  | { name: 'provisioning' }
  | { name: 'groups' }
  | { name: 'organization' }
  | { name: 'integration' }
  | { name: 'approvals' }
  | { name: 'admins' }
  | { name: 'analytics'; from: string; to: string }
  | { name: 'audit'; from: string; to: string; actor: string; action: string }
  | { name: 'not-found'; path: string };

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/';
  const [pathPart = '/', search = ''] = raw.split('?');
  const params = new URLSearchParams(search);
  const parts = pathPart
    .split('/')
    .filter(Boolean)
    .map((part) => {
      try {
        return decodeURIComponent(part);
      } catch {
        return part;
      }
    });
  const [first, second, third] = parts;
  if (!first) return { name: 'home' };
  if (first === 'content') {
    if (!second) return { name: 'content', status: params.get('status') ?? '', q: params.get('q') ?? '' };
    if (second === 'new' && !third) return { name: 'new' };
    if (!third) return { name: 'edit', id: second };
  }
  if (first === 'guidelines' && !second) return { name: 'guidelines' };
  if (first === 'scoring' && !second) return { name: 'scoring' };
  if (first === 'people' && !second) return { name: 'people' };
  if (first === 'provisioning' && !second) return { name: 'provisioning' };
  if (first === 'groups' && !second) return { name: 'groups' };
  if (first === 'organization' && !second) return { name: 'organization' };
  if (first === 'integration' && !second) return { name: 'integration' };
  if (first === 'approvals' && !second) return { name: 'approvals' };
  if (first === 'admins' && !second) return { name: 'admins' };
  if (first === 'analytics' && !second)
    return { name: 'analytics', from: params.get('from') ?? '', to: params.get('to') ?? '' };
  if (first === 'audit' && !second) {
    const param = (key: string) => params.get(key) ?? '';
    return { name: 'audit', from: param('from'), to: param('to'), actor: param('actor'), action: param('action') };
  }
  return { name: 'not-found', path: pathPart };
}

/** The href of a console path ("/content/abc" → "#/content/abc"). */
export function href(path: string, params: Record<string, string> = {}): string {
  const search = new URLSearchParams(Object.entries(params).filter(([, value]) => value !== '')).toString();
  return `#${path}${search ? `?${search}` : ''}`;
}

export function contentHref(id: string): string {
  return href(`/content/${encodeURIComponent(id)}`);
}

/** Goes to a console path; `replace` keeps the current history entry (filters, redirects). */
export function navigate(target: string, options: { replace?: boolean } = {}): void {
  const hash = target.startsWith('#') ? target : `#${target}`;
  if (location.hash === hash) return;
  if (options.replace) {
    history.replaceState(history.state, '', hash);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    location.hash = hash;
  }
}

/** A stable key for a route: a change of it is a "new screen" (focus moves to its heading). */
export function routeKey(route: Route): string {
  switch (route.name) {
    case 'edit':
      return `edit:${route.id}`;
    case 'not-found':
      return `not-found:${route.path}`;
    default:
      return route.name;
  }
}

export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => parseHash(location.hash));
  useEffect(() => {
    const update = () => setRoute(parseHash(location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
