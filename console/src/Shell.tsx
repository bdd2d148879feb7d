/**
 * The signed-in frame: a header with the navigation and the account, and the current route's
 * screen in <main>. On every route change focus moves to the new screen's heading.
 */
import { useEffect, useRef } from 'preact/hooks';
import { Logo } from './components/Logo';
import { ThemeSelect } from './components/ThemeSelect';
import { PageHeader, requestHeadingFocus, SkipLink } from './components/ui';
import { href, routeKey, useRoute, type Route } from './router';
import { Analytics } from './screens/analytics/Analytics';
import { ComposeLoader } from './screens/compose/ComposeLoader';
import { ContentList } from './screens/content/ContentList';
import { GuidelinesEditor } from './screens/guidelines/GuidelinesEditor';
import { Home } from './screens/Home';
import { OrganizationEditor } from './screens/organization/OrganizationEditor';
import { People } from './screens/people/People';
import { Provisioning } from './screens/provisioning/Provisioning';
import { ScoringEditor } from './screens/scoring/ScoringEditor';
import type { Session } from './types';

interface Props {
  session: Session;
  onSignOut: () => void;
}

const NAV: { label: string; path: string; active: (route: Route) => boolean }[] = [
  { label: 'Home', path: '/', active: (r) => r.name === 'home' },
  { label: 'Content', path: '/content', active: (r) => r.name === 'content' || r.name === 'edit' },
  { label: 'New post', path: '/content/new', active: (r) => r.name === 'new' },
  { label: 'Guidelines', path: '/guidelines', active: (r) => r.name === 'guidelines' },
  { label: 'Scoring', path: '/scoring', active: (r) => r.name === 'scoring' },
  { label: 'Invites & advocates', path: '/people', active: (r) => r.name === 'people' },
  { label: 'Analytics', path: '/analytics', active: (r) => r.name === 'analytics' },
  { label: 'Sign-in & provisioning', path: '/provisioning', active: (r) => r.name === 'provisioning' },
  { label: 'Organisation', path: '/organization', active: (r) => r.name === 'organization' },
];

export function Shell({ session, onSignOut }: Props) {
  const route = useRoute();
  const key = routeKey(route);
  const previous = useRef(key);
  if (previous.current !== key) {
    // Before the new screen mounts, so its heading takes focus as it appears.
    previous.current = key;
    requestHeadingFocus();
  }
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [key]);

  return (
    <div class="shell">
      <SkipLink />
      <header class="topbar">
        <a class="brand" href={href('/')}>
          <Logo />
          <span>Relay admin</span>
        </a>
        <nav class="nav" aria-label="Main">
          <ul>
            {NAV.map((item) => (
              <li key={item.path}>
                <a href={href(item.path)} aria-current={item.active(route) ? 'page' : undefined}>
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div class="account">
          <ThemeSelect />
          <span class="account__email" title="Signed in as">
            {session.admin.email}
          </span>
          <button type="button" class="button button--small" onClick={onSignOut}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" class="main" tabIndex={-1}>
        <Screen key={key} route={route} />
      </main>
    </div>
  );
}

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'home':
      return <Home />;
    case 'content':
      return <ContentList status={route.status} q={route.q} />;
    case 'new':
      return <ComposeLoader id={null} />;
    case 'edit':
      return <ComposeLoader id={route.id} />;
    case 'guidelines':
      return <GuidelinesEditor />;
    case 'scoring':
      return <ScoringEditor />;
    case 'people':
      return <People />;
    case 'provisioning':
      return <Provisioning />;
    case 'organization':
      return <OrganizationEditor />;
    case 'analytics':
      return <Analytics from={route.from} to={route.to} />;
    case 'not-found':
      return (
        <PageHeader title="Page not found">
          <p>
            There is no screen at {route.path}. <a href={href('/content')}>Go to the content list</a>.
          </p>
        </PageHeader>
      );
  }
}
