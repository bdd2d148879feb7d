/**
 * A list of rows in a form (banned terms, levels): each row a fieldset with its fields and
 * "Remove", then "Add …". Adding focuses the new row's first field; removing, the row that took
 * its place (or "Add …" when none is left).
 */
import type { ComponentChildren } from 'preact';
import { fieldId, removeAt, rowAfterRemoval, type SchemaForm } from '../forms';

interface Props<D, R extends { key: number }> {
  form: SchemaForm<D>;
  /** The form id, and the list's path in the document ("levels"). */
  formId: string;
  path: string;
  rows: readonly R[];
  /** The list in a draft, and a draft with another list. */
  rowsOf: (draft: D) => R[];
  withRows: (draft: D, rows: R[]) => D;
  newRow: () => R;
  /** The field of a row that takes focus ("name"). */
  firstField: string;
  /** A row as people name it: "Level" → "Level 2", "Remove level 2", "Add level". */
  name: string;
  /** The class of the row's layout. */
  rowClass: string;
  addId: string;
  max: number;
  min?: number;
  /** Shown instead of the list when it is empty. */
  empty?: ComponentChildren;
  children: (row: R, index: number) => ComponentChildren;
}

export function RowList<D, R extends { key: number }>(props: Props<D, R>) {
  const { form, formId, path, rows, name, max, min = 0 } = props;
  const idOfRow = (index: number) => fieldId(formId, `${path}.${index}.${props.firstField}`);

  function add() {
    form.update(path, (current) => props.withRows(current, [...props.rowsOf(current), props.newRow()]));
    form.focusLater(idOfRow(rows.length));
  }

  function remove(index: number) {
    form.update(path, (current) => props.withRows(current, removeAt(props.rowsOf(current), index)));
    // Errors of later rows would point at the wrong row now.
    form.dropServerErrors();
    form.focusLater(rowAfterRemoval(rows.length - 1, index, idOfRow, props.addId));
  }

  const lower = name.toLowerCase();
  return (
    <>
      {rows.length === 0 && props.empty ? (
        props.empty
      ) : (
        <ol class="rows">
          {rows.map((row, index) => (
            <li key={row.key} class="row-item">
              <fieldset class="fieldset row-fieldset">
                <legend>
                  {name} {index + 1}
                </legend>
                <div class={props.rowClass}>
                  {props.children(row, index)}
                  <button
                    type="button"
                    class="button button--small button--quiet"
                    aria-label={`Remove ${lower} ${index + 1}`}
                    disabled={rows.length <= min || undefined}
                    onClick={() => remove(index)}
                  >
                    Remove
                  </button>
                </div>
              </fieldset>
            </li>
          ))}
        </ol>
      )}
      <button type="button" id={props.addId} class="button button--small" disabled={rows.length >= max} onClick={add}>
        Add {lower}
      </button>
    </>
  );
}
