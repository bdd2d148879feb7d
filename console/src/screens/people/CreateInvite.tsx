/**
 * Creating an invite: most uses and expiry (empty: in INVITE_DEFAULT_DAYS days; "Never expires"),
 * then the new code, shown this once (only its hash is kept), with buttons to copy it or a
 * ready-to-send invitation (server address and code), and whether the copy worked beside them.
 */
import { useState } from 'preact/hooks';
import type { z } from 'zod';
import { INVITE_DEFAULT_DAYS, inviteInputSchema } from '../../../../lib/schemas';
import { api } from '../../api';
import { InputField, NumberField } from '../../components/fields';
import { Checkbox, ErrorSummary, NoticeLine, type Notice } from '../../components/ui';
import { numberOrUndefined, useSchemaForm } from '../../forms';
import { localToIso } from '../../time';
import type { CreatedInvite } from '../../types';

type InviteInput = z.infer<typeof inviteInputSchema>;

const FORM = 'invite';

/** Where advocates point the extension: this console's own server. */
function serverAddress(): string {
  return location.origin;
}

/** How lists name an invite: its code's first group (the code itself is stored hashed). */
export function inviteLabel(invite: Pick<CreatedInvite, 'hint'>): string {
  return `${invite.hint}-…`;
}

/** The invitation an admin sends: what to type in the extension's setup screen, under its own labels. */
export function inviteText(code: string): string {
  return `Open the Relay browser extension and connect with:\nServer URL: ${serverAddress()}\nInvite code: ${code}`;
}

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard permission (or an insecure origin): the fallback the browser still allows.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'offscreen';
    document.body.append(area);
    area.select();
    let ok = false;
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    area.remove();
    return ok;
  }
}

interface Draft {
  maxUses: string;
  expiresAt: string;
  never: boolean;
}

const EMPTY: Draft = { maxUses: '', expiresAt: '', never: false };

/** The form as an InviteInput candidate: empty expiry is the server's default; "Never expires" is null. */
function candidate(draft: Draft): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const uses = numberOrUndefined(draft.maxUses);
  if (uses !== undefined) body.maxUses = uses;
  if (draft.never) body.expiresAt = null;
  else if (draft.expiresAt) body.expiresAt = localToIso(draft.expiresAt) ?? draft.expiresAt;
  return body;
}

const labelFor = (path: string) => (path === 'maxUses' ? 'Most uses' : path === 'expiresAt' ? 'Expires at' : 'Invite');

interface CreateProps {
  onCreated: (invite: CreatedInvite) => void;
  created: CreatedInvite | null;
}

export function CreateInvite({ onCreated, created }: CreateProps) {
  const form = useSchemaForm<Draft, InviteInput>({
    schema: inviteInputSchema,
    candidate,
    initial: EMPTY,
    keepNotice: true,
  });
  const draft = form.draft ?? EMPTY;
  const [copied, setCopied] = useState<Notice>(null);

  async function onCopy(text: string, what: string) {
    const ok = await copy(text);
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
      save: async (input) => {
        setCopied(null);
        onCreated(await api.post<CreatedInvite>('/v1/admin/invites', input));
        return { draft: EMPTY };
      },
      failure: (message) => `Couldn't create the invite: ${message}`,
    });
  }

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
        <div class="button-row">
          <button
            type="submit"
            class="button button--primary"
            disabled={form.busy !== null}
            aria-busy={form.busy !== null}
          >
            Create invite
          </button>
        </div>
        <div role="alert" class="notice-slot">
          {form.notice?.kind === 'error' && <p class="notice notice--error">{form.notice.text}</p>}
        </div>
      </form>
      <div role="status" class="notice-slot">
        {created && (
          <div class="new-invite">
            <p>
              <span class="new-invite__label">New invite code</span>
              <br />
              <code class="code code--large">{created.code}</code>
            </p>
            <p>
              <strong>Copy it now: this code will not be shown again.</strong> Relay does not keep it: the list below
              names this invite by its start, <code class="code">{inviteLabel(created)}</code>.
            </p>
            <p class="muted">Send advocates this invitation:</p>
            <p class="invite-text">{inviteText(created.code)}</p>
            <div class="button-row">
              <button type="button" class="button button--small" onClick={() => void onCopy(created.code, 'code')}>
                Copy code
              </button>
              <button
                type="button"
                class="button button--small"
                onClick={() => void onCopy(inviteText(created.code), 'invitation')}
              >
                Copy invitation
              </button>
            </div>
          </div>
        )}
      </div>
      {created && <NoticeLine notice={copied} onDismiss={() => setCopied(null)} />}
    </section>
  );
}
