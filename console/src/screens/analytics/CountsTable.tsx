/** A table of shares and clicks per something (a network, an advocate, a post), with clicks per share if asked. */
import type { ComponentChildren } from 'preact';
import { rate } from './range';

export interface CountsRow {
  key: string;
  name: ComponentChildren;
  shares: number;
  clicks: number;
}

interface Props {
  /** The first column's heading: "Network", "Advocate", "Post", "Day". */
  head: string;
  rows: CountsRow[];
  withRate?: boolean;
  caption?: string;
}

/** The table, or "No shares in this range." when there are no rows. */
export function CountsTable({ head, rows, withRate = false, caption }: Props) {
  if (rows.length === 0) return <p class="muted">No shares in this range.</p>;
  return (
    <div class="table-scroll">
      <table class="table table--compact">
        {caption && <caption class="visually-hidden">{caption}</caption>}
        <thead>
          <tr>
            <th scope="col">{head}</th>
            <th scope="col" class="numeric">
              Shares
            </th>
            <th scope="col" class="numeric">
              Clicks
            </th>
            {withRate && (
              <th scope="col" class="numeric">
                Clicks per share
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.name}</th>
              <td class="numeric">{row.shares}</td>
              <td class="numeric">{row.clicks}</td>
              {withRate && <td class="numeric">{rate(row.clicks, row.shares)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
