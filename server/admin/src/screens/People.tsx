/**
 * Invites and advocates: create an invite (most uses, expiry), copy its code or a ready-to-send
 * invitation (server address and code), revoke it; and who has joined (Advocates.tsx: last sync,
 * shares, access, "Remove access").
 */
import { useEffect, useState } from 'preact/hooks';
import { inviteInputSchema } from '../../../../lib/schemas';
import { api, ApiError, describeError } from '../api';
import { ErrorSummary, Field, Loading, LoadError, NoticeLine, PageHeader, type Notice } from '../components/ui';
import { numberOrUndefined, serverErrors, zodErrors, type Errors } from '../forms';
import { formatDateTime, localToIso } from '../time';
import type { Invite } from '../types';
import { AdvocatesSection } from './Advocates';

const FORM = 'invite';

/** Where advocates point the extension: this console's own server. */
function serverAddress(): string {
  return location.origin;
}

export function inviteText(code: string): string {
  return `Server: ${serverAddress()}  Code: ${code}`;
}

function inviteState(invite: Invite, now: number): { label: string; active: boolean } {
  if (invite.revoked) return { label: 'Revoked', active: false };
  if (invite.expiresAt && Date.parse(invite.expiresAt) <= now) return { label: 'Expired', active: false };
  if (invite.maxUses !== null && invite.uses >= invite.maxUses) return { label: 'Used up', active: false };
  return { label: 'Active', active: true };
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

export function People() {
  const [invites, setInvites] = useState<Invite[] | null>(null);
  const [inviteError, setInviteError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [notice, setNotice] = useState<Notice>(null);
  const [created, setCreated] = useState<string | null>(null);

  useEffect(() => {
    setInviteError(null);
    api
      .get<{ items: Invite[] }>('/v1/admin/invites')
      .then((body) => setInvites(body.items))
      .catch((error: unknown) => setInviteError(describeError(error)));
  }, [attempt]);

  async function copyText(text: string, what: string) {
    const ok = await copy(text);
    setNotice(
      ok
        ? { kind: 'success', text: `Copied the ${what} to the clipboard.` }
        : { kind: 'error', text: `Couldn't copy. Select it and copy it yourself: ${text}` },
    );
  }

  async function revoke(invite: Invite) {
    setNotice(null);
    try {
      const updated = await api.delete<Invite>(`/v1/admin/invites/${encodeURIComponent(invite.code)}`);
      setInvites((current) =>
        (current ?? []).map((entry) => (entry.code === invite.code ? (updated ?? { ...entry, revoked: true }) : entry)),
      );
      setNotice({ kind: 'success', text: `Invite ${invite.code} revoked: it can no longer be used.` });
    } catch (error) {
      setNotice({ kind: 'error', text: `Couldn't revoke ${invite.code}: ${describeError(error)}` });
    }
  }

  const now = Date.now();
  return (
    <>
      <PageHeader title="Invites & advocates">
        <p>
          Advocates join with an invite code in the Relay browser extension. Send them the server address and a code.
        </p>
      </PageHeader>

      <CreateInvite
        onCreated={(invite) => {
          setInvites((current) => [invite, ...(current ?? [])]);
          setCreated(invite.code);
        }}
        created={created}
        onCopy={(text, what) => void copyText(text, what)}
      />

      <NoticeLine notice={notice} onDismiss={() => setNotice(null)} />

      <section class="card form-section" aria-labelledby="people-invites">
        <h2 id="people-invites">Invites</h2>
        {inviteError ? (
          <LoadError message={`Couldn't load the invites: ${inviteError}`} onRetry={() => setAttempt((n) => n + 1)} />
        ) : invites === null ? (
          <Loading label="Loading invites…" />
        ) : invites.length === 0 ? (
          <p class="muted">No invites yet. Create one above.</p>
        ) : (
          <div class="table-wrap">
            <table class="table">
              <caption class="visually-hidden">Invites, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Code</th>
                  <th scope="col">State</th>
                  <th scope="col">Uses</th>
                  <th scope="col">Expires</th>
                  <th scope="col">Created</th>
                  <th scope="col">
                    <span class="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {invites.map((invite) => {
                  const state = inviteState(invite, now);
                  return (
                    <tr key={invite.code} class={invite.code === created ? 'is-new' : undefined}>
                      <th scope="row">
                        <code class="code">{invite.code}</code>
                      </th>
                      <td>
                        <span class={`status ${state.active ? 'status--published' : 'status--archived'}`}>
                          {state.label}
                        </span>
                      </td>
                      <td>
                        {invite.uses}
                        {invite.maxUses !== null ? ` of ${invite.maxUses}` : ' (no limit)'}
                      </td>
                      <td class="small">{invite.expiresAt ? formatDateTime(invite.expiresAt) : 'Never'}</td>
                      <td class="small">{formatDateTime(invite.createdAt)}</td>
                      <td>
                        {state.active && (
                          <div class="row-actions">
                            <button
                              type="button"
                              class="button button--small"
                              aria-label={`Copy code ${invite.code}`}
                              onClick={() => void copyText(invite.code, 'code')}
                            >
                              Copy code
                            </button>
                            <button
                              type="button"
                              class="button button--small"
                              aria-label={`Copy invitation for ${invite.code}`}
                              onClick={() => void copyText(inviteText(invite.code), 'invitation')}
                            >
                              Copy invitation
                            </button>
                            <button
                              type="button"
                              class="button button--small button--danger"
                              aria-label={`Revoke ${invite.code}`}
                              onClick={() => void revoke(invite)}
                            >
                              Revoke
                            </button>
                          </div>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <AdvocatesSection onNotice={setNotice} />
    </>
  );
}

interface CreateProps {
  onCreated: (invite: Invite) => void;
  created: string | null;
  onCopy: (text: string, what: string) => void;
}

function CreateInvite({ onCreated, created, onCopy }: CreateProps) {
  const [maxUses, setMaxUses] = useState('');
  const [expiresAt, setExpiresAt] = useState('');
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
    if (expiresAt) body.expiresAt = localToIso(expiresAt) ?? expiresAt;
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
      const invite = await api.post<Pick<Invite, 'code' | 'expiresAt' | 'maxUses'> & Partial<Invite>>(
        '/v1/admin/invites',
        parsed.data,
      );
      onCreated({ uses: 0, revoked: false, createdAt: new Date().toISOString(), ...invite });
      setMaxUses('');
      setExpiresAt('');
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
          <Field form={FORM} path="expiresAt" label="Expires at" errors={errors} hint="Empty: never expires.">
            {(props) => (
              <input
                {...props}
                type="datetime-local"
                value={expiresAt}
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
              New invite: <code class="code code--large">{created}</code>
            </p>
            <p class="muted">Send advocates this invitation:</p>
            <p class="invite-text">
              <code>{inviteText(created)}</code>
            </p>
            <div class="button-row">
              <button type="button" class="button button--small" onClick={() => onCopy(created, 'code')}>
                Copy code
              </button>
              <button
                type="button"
                class="button button--small"
                onClick={() => onCopy(inviteText(created), 'invitation')}
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
