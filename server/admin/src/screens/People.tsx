/**
 * Invites and advocates: create an invite (most uses, expiry: 30 days unless another time or never
 * is chosen), copy its code or a ready-to-send invitation (server address and code) while it is
 * shown, once; list invites by their hint and revoke them; and who has joined, when each last
 * synced and how many shares each made.
 */
import { useEffect, useState } from 'preact/hooks';
import { INVITE_DEFAULT_DAYS, inviteInputSchema } from '../../../../lib/schemas';
import { api, ApiError, describeError } from '../api';
import {
  Checkbox,
  ErrorSummary,
  Field,
  Loading,
  LoadError,
  NoticeLine,
  PageHeader,
  type Notice,
} from '../components/ui';
import { numberOrUndefined, serverErrors, zodErrors, type Errors } from '../forms';
import { formatDateTime, formatRelative, localToIso } from '../time';
import type { AdvocateRow, CreatedInvite, Invite } from '../types';

const FORM = 'invite';
const ACTIVE_DAYS = 7;

/** Where advocates point the extension: this console's own server. */
function serverAddress(): string {
  return location.origin;
}

export function inviteText(code: string): string {
  return `Server: ${serverAddress()}  Code: ${code}`;
}

/** How lists name an invite: its code's first group (the code itself is stored hashed). */
export function inviteLabel(invite: Pick<Invite, 'hint'>): string {
  return `${invite.hint}-…`;
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
  const [advocates, setAdvocates] = useState<AdvocateRow[] | null>(null);
  const [inviteError, setInviteError] = useState<string | null>(null);
  const [advocateError, setAdvocateError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [notice, setNotice] = useState<Notice>(null);
  const [created, setCreated] = useState<CreatedInvite | null>(null);

  useEffect(() => {
    setInviteError(null);
    setAdvocateError(null);
    api
      .get<{ items: Invite[] }>('/v1/admin/invites')
      .then((body) => setInvites(body.items))
      .catch((error: unknown) => setInviteError(describeError(error)));
    api
      .get<{ items: AdvocateRow[] }>('/v1/admin/advocates')
      .then((body) => setAdvocates(body.items))
      .catch((error: unknown) => setAdvocateError(describeError(error)));
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
      const updated = await api.delete<Invite>(`/v1/admin/invites/${encodeURIComponent(invite.id)}`);
      setInvites((current) =>
        (current ?? []).map((entry) => (entry.id === invite.id ? (updated ?? { ...entry, revoked: true }) : entry)),
      );
      if (created?.id === invite.id) setCreated(null);
      setNotice({ kind: 'success', text: `Invite ${inviteLabel(invite)} revoked: it can no longer be used.` });
    } catch (error) {
      setNotice({ kind: 'error', text: `Couldn't revoke ${inviteLabel(invite)}: ${describeError(error)}` });
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
          setCreated(invite);
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
                  <th scope="col">Code starts</th>
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
                    <tr key={invite.id} class={invite.id === created?.id ? 'is-new' : undefined}>
                      <th scope="row">
                        <code class="code">{inviteLabel(invite)}</code>
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
                              class="button button--small button--danger"
                              aria-label={`Revoke invite ${inviteLabel(invite)}`}
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

      <section class="card form-section" aria-labelledby="people-advocates">
        <h2 id="people-advocates">Advocates</h2>
        {advocateError ? (
          <LoadError
            message={`Couldn't load the advocates: ${advocateError}`}
            onRetry={() => setAttempt((n) => n + 1)}
          />
        ) : advocates === null ? (
          <Loading label="Loading advocates…" />
        ) : advocates.length === 0 ? (
          <p class="muted">Nobody has joined yet. Advocates appear here once they connect the extension.</p>
        ) : (
          <>
            <p class="muted">
              {advocates.length} advocate{advocates.length === 1 ? '' : 's'},{' '}
              {
                advocates.filter((a) => a.lastSyncAt && now - Date.parse(a.lastSyncAt) <= ACTIVE_DAYS * 86_400_000)
                  .length
              }{' '}
              synced in the last {ACTIVE_DAYS} days.
            </p>
            <div class="table-wrap">
              <table class="table">
                <caption class="visually-hidden">Advocates</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Last sync</th>
                    <th scope="col" class="numeric">
                      Shares
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {advocates.map((advocate) => (
                    <tr key={advocate.id}>
                      <th scope="row">
                        {advocate.name}
                        {advocate.team && <span class="muted small"> · {advocate.team}</span>}
                      </th>
                      <td>
                        {advocate.lastSyncAt ? (
                          <time dateTime={advocate.lastSyncAt} title={formatDateTime(advocate.lastSyncAt)}>
                            {formatRelative(advocate.lastSyncAt, now)}
                          </time>
                        ) : (
                          'Never'
                        )}
                      </td>
                      <td class="numeric">{advocate.shareCount}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
    </>
  );
}

interface CreateProps {
  onCreated: (invite: CreatedInvite) => void;
  created: CreatedInvite | null;
  onCopy: (text: string, what: string) => void;
}

function CreateInvite({ onCreated, created, onCopy }: CreateProps) {
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
