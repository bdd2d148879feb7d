/** A table in its scrolling wrapper: a hidden caption, column headings (and a hidden "Actions" one), the rows. */
import type { ComponentChildren } from 'preact';

export type Column = string | { label: string; numeric: true };

interface Props {
  /** Classes besides "table": "table--actions table--stack", "content-table". */
  class: string;
  caption: ComponentChildren;
  columns: readonly Column[];
  /** The last column holds each row's buttons. */
  actions?: boolean;
  children: ComponentChildren;
}

export function Table({ class: classes, caption, columns, actions = false, children }: Props) {
  return (
    <div class="table-wrap">
      <table class={`table ${classes}`}>
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) =>
              typeof column === 'string' ? (
                <th key={column} scope="col">
                  {column}
                </th>
              ) : (
                <th key={column.label} scope="col" class="numeric">
                  {column.label}
                </th>
              ),
            )}
            {actions && (
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
