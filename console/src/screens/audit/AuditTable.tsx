/** The audit entries as a table: time (with its zone), who, the action in words, the target, and the change summarised with its JSON in a disclosure. */
import { auditActionWords, type AuditEntry } from '../../../../lib/audit';
import { Table } from '../../components/Table';
import { actorName, summariseChange, targetName } from './summary';

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const zoneFormat = new Intl.DateTimeFormat(undefined, { timeZoneName: 'short' });

function when(iso: string): string {
  const date = new Date(iso);
  const zone = zoneFormat.formatToParts(date).find((part) => part.type === 'timeZoneName')?.value ?? '';
  return `${timeFormat.format(date)} ${zone}`.trim();
}

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  return (
    <Table
      class="table--stack audit-table"
      caption="Audit log, newest first"
      columns={['Time', 'Who', 'Action', 'Target', 'Change']}
    >
      {entries.map((entry) => {
        const actor = actorName(entry.actor);
        const summary = summariseChange(entry.change);
        return (
          <tr key={entry.id}>
            <td data-label="Time">
              <time dateTime={entry.at}>{when(entry.at)}</time>
            </td>
            <td data-label="Who">
              <div>
                {actor.name}
                {actor.detail && <span class="muted small"> ({actor.detail})</span>}
              </div>
            </td>
            <th scope="row" data-label="Action">
              {auditActionWords(entry.action)}
              <code class="code audit-table__action">{entry.action}</code>
            </th>
            <td data-label="Target">{targetName(entry.target)}</td>
            <td data-label="Change" class="audit-table__change">
              <div>
                {summary && <p class="audit-table__summary">{summary}</p>}
                <details class="details">
                  <summary>Details</summary>
                  <pre class="audit-table__json">{JSON.stringify(entry.change, null, 2)}</pre>
                </details>
              </div>
            </td>
          </tr>
        );
      })}
    </Table>
  );
}
