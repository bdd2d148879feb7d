/**
 * Creating an invite: most uses and expiry (empty: in INVITE_DEFAULT_DAYS days; "Never expires"),
 * then the new code, shown this once (only its hash is kept), with buttons to copy it or a
 * ready-to-send invitation (server address and code).
 */
import { useState } from 'preact/hooks';
import { INVITE_DEFAULT_DAYS, inviteInputSchema } from '../../../../lib/schemas';
import { api, ApiError, describeError } from '../api';
import { Checkbox, ErrorSummary, Field } from '../components/ui';
import { numberOrUndefined, serverErrors, zodErrors, type Errors } from '../forms';
import { localToIso } from '../time';
import type { CreatedInvite } from '../types';

const FORM = 'invite';

/** Where advocates point the extension: this console's own server. */
function serverAddress(): string {
  return location.origin;
}

export function inviteText(code: string): string {
  return `Server: ${serverAddress()}  Code: ${code}`;
}

interface CreateProps {
  onCreated: (invite: CreatedInvite) => void;
  created: CreatedInvite | null;
  onCopy: (text: string, what: string) => void;
}

export function CreateInvite({ onCreated, created, onCopy }: CreateProps) {
  const [maxUses, setMaxUses] = useState('');
  const [expiresAt, setExpiresAt] = useState('');
  const [never, setNever] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

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
      <form noValidate onSubmit={(event) => void submit(event)}>
        <ErrorSummary
          form={FORM}
          errors={errors}
          attempt={attempt}
          title="Fix this to create the invite"
          labelFor={(path) => (path === 'maxUses' ? 'Most uses' : path === 'expiresAt' ? 'Expires at' : 'Invite')}
        />
        <div class="grid-3 align-end">
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
                onChange={(checked) => setNever(checked)}
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
          <div class="field">
            <button type="submit" class="button button--primary" disabled={busy} aria-busy={busy}>
              Create invite
            </button>
          </div>
        </div>
        <div role="alert" class="notice-slot">
          {failure && <p class="notice notice--error">Couldn't create the invite: {failure}</p>}
        </div>
      </form>
      <div role="status" class="notice-slot">
        {created && (
          <div class="new-invite">
            <p>
              New invite: <code class="code code--large">{created.code}</code>
            </p>
            <p>
              <strong>Copy it now: this code will not be shown again.</strong> Relay keeps only a hash of it; the list
              below shows its first group.
            </p>
            <p class="muted">Send advocates this invitation:</p>
            <p class="invite-text">
              <code>{inviteText(created.code)}</code>
            </p>
            <div class="button-row">
              <button type="button" class="button button--small" onClick={() => onCopy(created.code, 'code')}>
                Copy code
              </button>
              <button
                type="button"
                class="button button--small"
                onClick={() => onCopy(inviteText(created.code), 'invitation')}
              >
                Copy invitation
              </button>
            </div>
          </div>
        )}
      </div>
    </section>
  );
}
