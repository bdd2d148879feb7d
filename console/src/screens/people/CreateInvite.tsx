/**
 * Creating an invite: for one person, the whole company (a company code), or with custom limits
 * (InviteAudience); then the new code, shown this once, with copy buttons (NewInvite).
 */
import { useState } from 'preact/hooks';
import type { z } from 'zod';
import { INVITE_DEFAULT_DAYS, inviteInputSchema } from '../../../../lib/schemas';
import { api } from '../../api';
import { copyText } from '../../clipboard';
import { InputField, NumberField } from '../../components/fields';
import { Checkbox, ErrorSummary, NoticeLine, type Notice } from '../../components/ui';
import { useSchemaForm } from '../../forms';
import type { CreatedInvite } from '../../types';
import { candidate, EMPTY, labelFor, nextDraft, type Draft } from './invite-draft';
import { InviteAudience } from './InviteAudience';
import { NewInvite } from './NewInvite';

type InviteInput = z.infer<typeof inviteInputSchema>;

const FORM = 'invite';

interface CreateProps {
  onCreated: (invite: CreatedInvite) => void;
  created: CreatedInvite | null;
}

export function CreateInvite({ onCreated, created }: CreateProps) {
  const form = useSchemaForm<Draft, InviteInput>({
    schema: inviteInputSchema,
    candidate: (draft) => candidate(draft),
    initial: EMPTY,
    keepNotice: true,
  });
  const draft = form.draft ?? EMPTY;
  const [copied, setCopied] = useState<Notice>(null);

  async function onCopy(text: string, what: string) {
    const ok = await copyText(text);
    setCopied(
      ok
        ? { kind: 'success', text: `Copied the ${what} to the clipboard.` }
        : { kind: 'error', text: `Couldn't copy. Select it and copy it yourself: ${text}` },
    );
  }

  function submit(event: Event) {
    event.preventDefault();
    void form.submit({
      check: (input) =>
        input.expiresAt && Date.parse(input.expiresAt) <= Date.now()
          ? { expiresAt: 'Pick a time in the future.' }
          : null,
      save: async (input, sent) => {
        setCopied(null);
        onCreated(await api.post<CreatedInvite>('/v1/admin/invites', input));
        return { draft: nextDraft(sent) };
      },
      failure: (message) => `Couldn't create the invite: ${message}`,
    });
  }

  const customFields = (
    <div class="invite-fields">
      <NumberField
        form={FORM}
        path="maxUses"
        label="Most uses"
        errors={form.errors}
        hint="Empty: any number of people."
        min={1}
        value={draft.maxUses}
        onValue={(maxUses) => form.update('maxUses', (current) => ({ ...current, maxUses }))}
      />
      <InputField
        form={FORM}
        path="expiresAt"
        label="Expires at"
        errors={form.errors}
        hint={draft.never ? 'Never expires.' : `Empty: in ${INVITE_DEFAULT_DAYS} days.`}
        after={
          <Checkbox
            id={`${FORM}-never`}
            label="Never expires"
            checked={draft.never}
            // A time no longer asked for has nothing left to fix.
            onChange={(never) => form.update('expiresAt', (current) => ({ ...current, never }))}
          />
        }
        type="datetime-local"
        value={draft.never ? '' : draft.expiresAt}
        disabled={draft.never}
        onValue={(expiresAt) => form.update('expiresAt', (current) => ({ ...current, expiresAt }))}
      />
    </div>
  );

  return (
    <section class="card form-section" aria-labelledby="people-create">
      <h2 id="people-create">Create an invite</h2>
      <form class="invite-form" noValidate onSubmit={submit}>
        <ErrorSummary
          form={FORM}
          errors={form.errors}
          attempt={form.attempt}
          title="Fix this to create the invite"
          labelFor={labelFor}
        />
        <InviteAudience
          form={FORM}
          audience={draft.audience}
          companyExpiry={draft.companyExpiry}
          // Limits no longer asked for have nothing left to fix.
          onAudience={(audience) => form.update('expiresAt', (current) => ({ ...current, audience }))}
          onCompanyExpiry={(companyExpiry) =>
            form.update('companyExpiry', (current) => ({ ...current, companyExpiry }))
          }
          custom={customFields}
        />
        <div class="button-row">
          <button
            type="submit"
            class="button button--primary"
            disabled={form.busy !== null}
            aria-busy={form.busy !== null}
          >
            {draft.audience === 'company' ? 'Create company code' : 'Create invite'}
          </button>
        </div>
        <div role="alert" class="notice-slot">
          {form.notice?.kind === 'error' && <p class="notice notice--error">{form.notice.text}</p>}
        </div>
      </form>
      <div role="status" class="notice-slot">
        {created && <NewInvite created={created} onCopy={(text, what) => void onCopy(text, what)} />}
      </div>
      {created && <NoticeLine notice={copied} onDismiss={() => setCopied(null)} />}
    </section>
  );
}
