/**
 * Site integration: whether the extension still finds LinkedIn's and X's composers, inserts and
 * sees posts published, from the counts extensions report (GET /v1/admin/integration-health), and
 * the selector overrides that patch a site's changed markup until a new release.
 */
import { HEALTH_SITES, type AdminHealthResponse } from '../../../../lib/schemas';
import { Loaded } from '../../components/Loaded';
import { PageHeader } from '../../components/ui';
import { useFetched } from '../../use-fetched';
import { SelectorOverrides } from './SelectorOverrides';
import { usePermissions } from '../../permissions';
import { SiteHealth } from './SiteHealth';

export function IntegrationScreen() {
  const health = useFetched<AdminHealthResponse>('/v1/admin/integration-health');
  const { can } = usePermissions();
  const header = (
    <PageHeader title="Site integration">
      <p>
        Whether Relay still works inside LinkedIn’s and X’s post composers, from the counts extensions report. Days are
        UTC days.
      </p>
    </PageHeader>
  );
  return (
    <div class="integration">
      <Loaded
        header={header}
        failure="Couldn't load the integration counts"
        loading="Loading the integration counts…"
        from={health}
        ready={health.data !== null}
      >
        {() =>
          health.data &&
          HEALTH_SITES.map((site) => (
            <SiteHealth key={site} site={site} rows={health.data!.rows} days={health.data!.days} />
          ))
        }
      </Loaded>
      {/* Changing selectors is an owner's (settings.manage). */}
      {can('settings.manage') && <SelectorOverrides />}
    </div>
  );
}
