/**
 * The signed-in frame: the header (shell/Header.tsx) and the current route's screen in <main>. On
 * every route change focus moves to the new screen's heading.
 */
import { useEffect, useRef } from 'preact/hooks';
import { PageHeader, requestHeadingFocus, SkipLink } from './components/ui';
import { href, routeKey, useRoute, type Route } from './router';
import { Header } from './shell/Header';
import { Analytics } from './screens/analytics/Analytics';
import { ComposeLoader } from './screens/compose/ComposeLoader';
import { ContentList } from './screens/content/ContentList';
import { GuidelinesEditor } from './screens/guidelines/GuidelinesEditor';
import { Home } from './screens/Home';
import { IntegrationScreen } from './screens/integration/IntegrationScreen';
import { OrganizationEditor } from './screens/organization/OrganizationEditor';
import { People } from './screens/people/People';
import { Provisioning } from './screens/provisioning/Provisioning';
import { Groups } from './screens/groups/Groups';
import { ScoringEditor } from './screens/scoring/ScoringEditor';
import type { Session } from './types';

interface Props {
  session: Session;
  onSignOut: () => void;
}

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
      <Header route={route} session={session} onSignOut={onSignOut} />
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
    case 'groups':
      return <Groups />;
    case 'organization':
      return <OrganizationEditor />;
    case 'integration':
      return <IntegrationScreen />;
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
