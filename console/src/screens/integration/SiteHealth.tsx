/** One composer site's integration health: its status in plain words, and the last days' counts by extension version. */
import { siteStatus, dayWords } from '../../../../lib/integration-health';
import type { HealthDayRow, HealthSite } from '../../../../lib/schemas';
import { Table } from '../../components/Table';

const SITE_NAMES: Record<HealthSite, string> = { linkedin: 'LinkedIn', x: 'X' };

const COLUMNS = [
  'Day',
  'Version',
  { label: 'Composers found', numeric: true },
  { label: 'Not recognised', numeric: true },
  { label: 'Insertions ok', numeric: true },
  { label: 'Insertions failed', numeric: true },
  { label: 'Publishes confirmed', numeric: true },
  { label: 'Publishes unconfirmed', numeric: true },
  { label: 'Overrides refused', numeric: true },
] as const;

export function SiteHealth({ site, rows, days }: { site: HealthSite; rows: readonly HealthDayRow[]; days: number }) {
  const status = siteStatus(rows, site);
  const mine = rows
    .filter((row) => row.site === site)
    .sort((a, b) => b.day.localeCompare(a.day) || b.version.localeCompare(a.version, 'en', { numeric: true }));
  const heading = `integration-${site}`;
  return (
    <section class="card integration__site" aria-labelledby={heading} data-site={site}>
      <h2 id={heading}>{SITE_NAMES[site]}</h2>
      <p class={`integration__status integration__status--${status.state}`} data-testid={`health-status-${site}`}>
        {status.line}
      </p>
      {mine.length === 0 ? (
        <p class="muted">
          No counts from {SITE_NAMES[site]} in the last {days} days. Extensions report within minutes of using a
          composer there.
        </p>
      ) : (
        <Table class="integration__table" caption={`${SITE_NAMES[site]}, counts per day and version`} columns={COLUMNS}>
          {mine.map((row) => (
            <tr key={`${row.day} ${row.version}`}>
              <td>{dayWords(row.day)}</td>
              <td>{row.version}</td>
              <td class="numeric">{row.counts.composersSeen}</td>
              <td class="numeric">{row.counts.composersUnmatched}</td>
              <td class="numeric">{row.counts.insertionsConfirmed}</td>
              <td class="numeric">{row.counts.insertionsFailed}</td>
              <td class="numeric">{row.counts.publishesConfirmed}</td>
              <td class="numeric">{row.counts.publishesUnconfirmed}</td>
              <td class="numeric">{row.counts.overridesRefused}</td>
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}
