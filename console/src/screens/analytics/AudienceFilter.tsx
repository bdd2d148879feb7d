/** Analytics by audience: count only one audience (a group, region or language), and compare up to five side by side. */
import type { AudienceOptions } from '../../../../lib/audience-schemas';
import { Table } from '../../components/Table';
import type { Analytics } from '../../types';
import { useFetched } from '../../use-fetched';

export const MAX_COMPARED = 5;

/** Every entry the picker offers, with its label. */
function entriesOf(options: AudienceOptions | null): { entry: string; label: string }[] {
  if (!options) return [];
  return [
    ...options.groups.map((group) => ({ entry: group.id, label: `Group: ${group.name}` })),
    ...options.regions.map((region) => ({ entry: `region:${region.code}`, label: `Region: ${region.code}` })),
    ...options.languages.map((language) => ({ entry: `language:${language.tag}`, label: `Language: ${language.tag}` })),
  ];
}

export function AudienceFilter(props: {
  audience: string;
  compare: string[];
  onAudience: (entry: string) => void;
  onCompare: (entries: string[]) => void;
}) {
  const options = useFetched<AudienceOptions>('/v1/admin/audiences');
  const entries = entriesOf(options.data);
  if (entries.length === 0) return null;
  return (
    <section class="card form-section" aria-labelledby="analytics-audience">
      <h2 id="analytics-audience">Audience</h2>
      <div class="field">
        <label class="field__label" for="analytics-audience-select">
          Count only
        </label>
        <select
          id="analytics-audience-select"
          value={props.audience}
          onChange={(e) => props.onAudience(e.currentTarget.value)}
        >
          <option value="">Everyone</option>
          {entries.map(({ entry, label }) => (
            <option key={entry} value={entry}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <fieldset class="fieldset audience-group">
        <legend>Compare (up to {MAX_COMPARED})</legend>
        {entries.map(({ entry, label }) => (
          <label key={entry} class="audience-option">
            <input
              type="checkbox"
              checked={props.compare.includes(entry)}
              disabled={!props.compare.includes(entry) && props.compare.length >= MAX_COMPARED}
              onChange={(e) =>
                props.onCompare(
                  e.currentTarget.checked
                    ? [...props.compare, entry]
                    : props.compare.filter((other) => other !== entry),
                )
              }
            />
            {label}
          </label>
        ))}
      </fieldset>
    </section>
  );
}

/** The compared audiences' totals, side by side. */
export function CompareTable({ data }: { data: Analytics }) {
  const options = useFetched<AudienceOptions>('/v1/admin/audiences');
  const labels = new Map(entriesOf(options.data).map(({ entry, label }) => [entry, label]));
  if (!data.compare?.length) return null;
  return (
    <section class="card form-section" aria-labelledby="analytics-compare">
      <h2 id="analytics-compare">Audiences compared</h2>
      <Table
        class="table--stack"
        caption="Shares and clicks per audience"
        columns={[
          'Audience',
          { label: 'Advocates', numeric: true },
          { label: 'Shares', numeric: true },
          { label: 'Clicks', numeric: true },
        ]}
      >
        {data.compare.map((series) => (
          <tr key={series.audience}>
            <th scope="row">{labels.get(series.audience) ?? series.audience}</th>
            <td data-label="Advocates" class="numeric">
              {series.advocates}
            </td>
            <td data-label="Shares" class="numeric">
              {series.totals.shares}
            </td>
            <td data-label="Clicks" class="numeric">
              {series.totals.clicks}
            </td>
          </tr>
        ))}
      </Table>
    </section>
  );
}
