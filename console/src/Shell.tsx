/**
 * The signed-in frame: the header (shell/Header.tsx) and the current route's screen in <main>. On
 * every route change focus moves to the new screen's heading.
 */
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { PageHeader, requestHeadingFocus, SkipLink } from './components/ui';
import { href, routeKey, useRoute, type Route } from './router';
import { NotForRole, PermissionsProvider, permissionsOf } from './permissions';
import { Header } from './shell/Header';
import { entryOf } from './shell/nav';
import { AdminsScreen } from './screens/admins/AdminsScreen';
import { Analytics } from './screens/analytics/Analytics';
import { AuditLog } from './screens/audit/AuditLog';
import { Approvals } from './screens/approvals/Approvals';
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

  const permissions = useMemo(() => permissionsOf(session), [session]);
  const entry = entryOf(route);
  return (
    <PermissionsProvider value={permissions}>
      <div class="shell">
        <SkipLink />
        <Header route={route} session={session} onSignOut={onSignOut} />
        <main id="main" class="main" tabIndex={-1}>
          {entry && !permissions.can(entry.permission) ? (
            <NotForRole key={key} title={entry.label} />
          ) : (
            <Screen key={key} route={route} session={session} />
          )}
        </main>
      </div>
    </PermissionsProvider>
  );
}

function Screen({ route, session }: { route: Route; session: Session }) {
  switch (route.name) {
    case 'admins':
      return <AdminsScreen />;
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
    case 'audit':
      return <AuditLog from={route.from} to={route.to} actor={route.actor} action={route.action} />;
    case 'approvals':
      return <Approvals canManage={permissionsOf(session).can('settings.manage')} />;
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
