/** A settings screen around a useDocumentForm: its header, loading, the error summary, its sections and the save bar. */
import type { ComponentChildren } from 'preact';
import type { DocumentForm as Form } from '../forms';
import { ROLE_LABELS } from '../../../lib/roles';
import { usePermissions } from '../permissions';
import { Loaded } from './Loaded';
import { SaveBar } from './SaveBar';
import { ErrorSummary } from './ui';

interface Props<D> {
  /** The form id: the prefix of every field id. */
  id: string;
  form: Form<D>;
  header: ComponentChildren;
  labelFor: (path: string) => string;
  saveLabel: string;
  children: (draft: D) => ComponentChildren;
}

export function DocumentForm<D>({ id, form, header, labelFor, saveLabel, children }: Props<D>) {
  const { draft } = form;
  const { can, role } = usePermissions();
  const manages = can('settings.manage');
  return (
    <Loaded
      header={header}
      failure={`Couldn't load ${form.what}`}
      loading={`Loading ${form.what}…`}
      from={{ error: form.loadError, retry: form.retryLoad }}
      ready={draft !== null}
    >
      {() =>
        draft !== null && (
          <form class="settings-form" noValidate onSubmit={form.save}>
            <ErrorSummary form={id} errors={form.errors} labelFor={labelFor} attempt={form.attempt} />
            {manages ? (
              children(draft)
            ) : (
              <>
                <p class="read-only-note" role="note">
                  Read only: your role ({ROLE_LABELS[role]}) can read these settings; an owner changes them.
                </p>
                <fieldset class="read-only" disabled>
                  {children(draft)}
                </fieldset>
              </>
            )}
            {manages && (
              <SaveBar
                label={saveLabel}
                notice={form.notice}
                onDismiss={() => form.setNotice(null)}
                busy={form.busy !== null}
              />
            )}
          </form>
        )
      }
    </Loaded>
  );
}
