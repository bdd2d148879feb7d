/**
 * Creating an invite: most uses and expiry (empty: in INVITE_DEFAULT_DAYS days; "Never expires"),
 * then the new code, shown this once (only its hash is kept), with buttons to copy it or a
 * ready-to-send invitation (server address and code), and whether the copy worked beside them.
 */
import { useState } from 'preact/hooks';
import { INVITE_DEFAULT_DAYS, inviteInputSchema } from '../../../lib/schemas';
import { api, ApiError, describeError } from '../api';
import { Checkbox, ErrorSummary, Field, NoticeLine, type Notice } from '../components/ui';
import { numberOrUndefined, serverErrors, zodErrors, type Errors } from '../forms';
import { localToIso } from '../time';
import type { CreatedInvite } from '../types';

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

interface CreateProps {
  onCreated: (invite: CreatedInvite) => void;
  created: CreatedInvite | null;
}

export function CreateInvite({ onCreated, created }: CreateProps) {
  const [maxUses, setMaxUses] = useState('');
  const [expiresAt, setExpiresAt] = useState('');
  const [never, setNever] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState<Notice>(null);

  async function onCopy(text: string, what: string) {
    const ok = await copy(text);
    setCopied(
      ok
        ? { kind: 'success', text: `Copied the ${what} to the clipboard.` }
        : { kind: 'error', text: `Couldn't copy. Select it and copy it yourself: ${text}` },
    );
  }

  async function submit(event: Event) {
    event.preventDefault();
    setFailure(null);
    const body: Record<string, unknown> = {};
    const uses = numberOrUndefined(maxUses);
    if (uses !== undefined) body.maxUses = uses;
    // Empty: the server's default (INVITE_DEFAULT_DAYS days); "Never expires": null.
    if (never) body.expiresAt = null;
    else if (expiresAt) body.expiresAt = localToIso(expiresAt) ?? expiresAt;
    const parsed = inviteInputSchema.safeParse(body);
    if (!parsed.success) {
      setErrors(zodErrors(parsed.error));
      setAttempt((n) => n + 1);
      return;
    }
    if (parsed.data.expiresAt && Date.parse(parsed.data.expiresAt) <= Date.now()) {
      setErrors({ expiresAt: 'Pick a time in the future.' });
      setAttempt((n) => n + 1);
      return;
    }
    setErrors({});
    setCopied(null);
    setBusy(true);
    try {
      onCreated(await api.post<CreatedInvite>('/v1/admin/invites', parsed.data));
      setMaxUses('');
      setExpiresAt('');
      setNever(false);
    } catch (error) {
      if (error instanceof ApiError && error.errors.length) {
        setErrors(serverErrors(error.errors));
        setAttempt((n) => n + 1);
      } else setFailure(describeError(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card form-section" aria-labelledby="people-create">
      <h2 id="people-create">Create an invite</h2>
      <form class="invite-form" noValidate onSubmit={(event) => void submit(event)}>
        <ErrorSummary
          form={FORM}
          errors={errors}
          attempt={attempt}
          title="Fix this to create the invite"
          labelFor={(path) => (path === 'maxUses' ? 'Most uses' : path === 'expiresAt' ? 'Expires at' : 'Invite')}
        />
        <div class="invite-fields">
          <Field form={FORM} path="maxUses" label="Most uses" errors={errors} hint="Empty: any number of people.">
            {(props) => (
              <input
                {...props}
                type="number"
                inputMode="numeric"
                min={1}
                step={1}
                value={maxUses}
                onInput={(event) => setMaxUses(event.currentTarget.value)}
              />
            )}
          </Field>
          <Field
            form={FORM}
            path="expiresAt"
            label="Expires at"
            errors={errors}
            hint={never ? 'Never expires.' : `Empty: in ${INVITE_DEFAULT_DAYS} days.`}
            after={
              <Checkbox
                id={`${FORM}-never`}
                label="Never expires"
                checked={never}
                onChange={(checked) => {
                  setNever(checked);
                  // A time no longer asked for has nothing left to fix.
                  if (checked) setErrors(({ expiresAt: _ignored, ...rest }) => rest);
                }}
              />
            }
          >
            {(props) => (
              <input
                {...props}
                type="datetime-local"
                value={never ? '' : expiresAt}
                disabled={never}
                onInput={(event) => setExpiresAt(event.currentTarget.value)}
              />
            )}
          </Field>
        </div>
        <div class="button-row">
          <button type="submit" class="button button--primary" disabled={busy} aria-busy={busy}>
            Create invite
          </button>
        </div>
        <div role="alert" class="notice-slot">
          {failure && <p class="notice notice--error">Couldn't create the invite: {failure}</p>}
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
