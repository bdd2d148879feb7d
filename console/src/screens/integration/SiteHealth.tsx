/** One composer site's integration health: its status in plain words, and the last days' counts by extension version. */
import { siteStatus, dayWords } from '../../../../lib/integration-health';
import type { HealthDayRow, HealthSite } from '../../../../lib/schemas';
import { Table } from '../../components/Table';

const SITE_NAMES: Record<HealthSite, string> = { linkedin: 'LinkedIn', x: 'X' };

const COLUMNS = [
  'Day and version',
  { label: 'Composers found / not recognised', numeric: true },
  { label: 'Insertions ok / failed', numeric: true },
  { label: 'Publishes confirmed / unconfirmed', numeric: true },
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
        <Table
          class="integration__table table--stack"
          caption={`${SITE_NAMES[site]}, counts per day and version`}
          columns={COLUMNS}
        >
          {mine.map((row) => (
            <tr key={`${row.day} ${row.version}`}>
              <th scope="row">
                {dayWords(row.day)} · {row.version}
              </th>
              <td class="numeric" data-label="Composers">
                {row.counts.composersSeen} / {row.counts.composersUnmatched}
              </td>
              <td class="numeric" data-label="Insertions">
                {row.counts.insertionsConfirmed} / {row.counts.insertionsFailed}
              </td>
              <td class="numeric" data-label="Publishes">
                {row.counts.publishesConfirmed} / {row.counts.publishesUnconfirmed}
              </td>
              <td class="numeric" data-label="Refused">
                {row.counts.overridesRefused}
              </td>
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}
