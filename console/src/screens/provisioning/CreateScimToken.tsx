/** Creating a SCIM token: an optional label, then the token, shown this once (only its hash is kept), with a copy button. */
import { scimTokenCreateSchema, type ScimTokenCreate } from '../../../../lib/console-schemas';
import { api } from '../../api';
import { CopyValue } from '../../components/CopyValue';
import { InputField } from '../../components/fields';
import { useSchemaForm } from '../../forms';
import type { CreatedScimToken } from '../../types';
import { tokenName } from './ScimTokensTable';

const FORM = 'scim-token';

interface Draft {
  label: string;
}

const EMPTY: Draft = { label: '' };

interface Props {
  created: CreatedScimToken | null;
  onCreated: (token: CreatedScimToken) => void;
}

export function CreateScimToken({ created, onCreated }: Props) {
  const form = useSchemaForm<Draft, ScimTokenCreate>({
    schema: scimTokenCreateSchema,
    candidate: (draft) => (draft.label.trim() ? { label: draft.label.trim() } : {}),
    initial: EMPTY,
  });
  const draft = form.draft ?? EMPTY;

  function submit(event: Event) {
    event.preventDefault();
    void form.submit({
      save: async (input) => {
        onCreated(await api.post<CreatedScimToken>('/v1/admin/scim-tokens', input));
        return { draft: EMPTY };
      },
      failure: (message) => `Couldn't create the token: ${message}`,
    });
  }

  return (
    <>
      <form class="scim-token-form" noValidate onSubmit={submit}>
        <InputField
          form={FORM}
          path="label"
          label="Label (optional)"
          errors={form.errors}
          hint="Which identity provider uses it, e.g. “Entra ID production”."
          maxLength={80}
          value={draft.label}
          onValue={(label) => form.update('label', () => ({ label }))}
        />
        <button
          type="submit"
          class="button button--primary"
          disabled={form.busy !== null}
          aria-busy={form.busy !== null}
        >
          Create token
        </button>
      </form>
      <div role="alert" class="notice-slot">
        {form.notice?.kind === 'error' && <p class="notice notice--error">{form.notice.text}</p>}
      </div>
      <div role="status" class="notice-slot">
        {created && (
          <div class="new-secret">
            <p>
              <strong>New SCIM token {created.label ? `“${created.label}”` : ''}</strong>
            </p>
            <CopyValue label="SCIM token" value={created.token} large />
            <p>
              <strong>Copy it now: this token will not be shown again.</strong> Paste it as the secret token in your
              identity provider’s provisioning settings. The list below names it by its end,{' '}
              <code class="code">{tokenName(created)}</code>.
            </p>
          </div>
        )}
      </div>
    </>
  );
}
