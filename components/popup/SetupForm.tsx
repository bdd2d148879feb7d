/** The ways in the organisation's sign-in mode and the server allow: the work-account button, then "or use an invite code" and the invite form. */
import { useRef, useState } from 'preact/hooks';
import type { PopupState, SignInOptionsView } from '../shared/messaging';
import { useClient } from './ClientContext';
import { describeError } from './describeError';
import {
  emptyFields,
  enrollErrorAdvice,
  enrollErrorHeadline,
  fieldToFix,
  type EnrollFailure,
  type SetupFieldName,
} from './enrollErrorText';
import { TextField } from './TextField';
import { noInvites, waysIn } from './waysIn';
import { WorkAccountButton } from './WorkAccountButton';
import { t } from '../shared/i18n';

interface Props {
  setup: PopupState['setup'];
  /** The server URL the person typed (the setup screen keeps it, to ask the server what it offers). */
  typedUrl: string;
  onTypedUrl: (value: string) => void;
  /** What that server offers. */
  options: SignInOptionsView;
  onEnrolled: () => Promise<void>;
}

/**
 * The server URL (locked when the organisation set it: then one line above the work-account
 * button), the button (sso; both when the server offers it), the invite form (invite, both, when
 * the server takes codes), or, when neither applies, why not.
 * Validation is the background's: its answer is shown in an alert, with advice for each kind.
 */
export function SetupForm({ setup, typedUrl, onTypedUrl, options, onEnrolled }: Props) {
  const client = useClient();
  const serverUrl = setup.locked ? setup.serverUrl : typedUrl;
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<EnrollFailure | null>(null);
  const [missing, setMissing] = useState<Partial<Record<SetupFieldName, string>>>({});
  const refs = {
    serverUrl: useRef<HTMLInputElement>(null),
    code: useRef<HTMLInputElement>(null),
    name: useRef<HTMLInputElement>(null),
  };
  const fix = failure ? fieldToFix(failure) : null;
  /** Typing in a field takes its "missing" mark away. */
  const typing = (field: SetupFieldName, set: (value: string) => void) => (value: string) => {
    set(value);
    setMissing(({ [field]: _gone, ...rest }) => rest);
  };
  /** The message under a field: what is missing, else the server's answer about it. */
  const errorOf = (field: SetupFieldName) =>
    missing[field] ?? (failure && fix === field ? enrollErrorHeadline(failure.kind) : null);
  const { workAccount, invites, none } = waysIn(setup.signIn, options);

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    setFailure(null);
    const empty = emptyFields({ serverUrl: setup.locked ? setup.serverUrl : serverUrl, code, name });
    setMissing(empty);
    const first = (['serverUrl', 'code', 'name'] as const).find((field) => empty[field]);
    if (first) {
      refs[first].current?.focus();
      return;
    }
    setBusy(true);
    try {
      const result = await client.enroll({ serverUrl, code, name });
      if (result.ok) {
        await onEnrolled();
        return;
      }
      setFailure(result);
      const field = fieldToFix(result);
      if (field === 'code' || (field === 'serverUrl' && !setup.locked)) refs[field].current?.focus();
    } catch (caught) {
      setFailure({ ok: false, kind: 'server', message: describeError(caught) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="setup-ways">
      {setup.locked ? (
        // Set by the organisation: text, not a field (nothing to change, so not a tab stop).
        <p class="fine-print">
          {t('setup_server_label')} <span class="setup-server">{setup.serverUrl}</span> {t('setup_set_by_org')}
        </p>
      ) : (
        <TextField
          label={t('setup_server_url')}
          value={serverUrl}
          onInput={typing('serverUrl', onTypedUrl)}
          hint={t('setup_server_hint')}
          error={errorOf('serverUrl')}
          inputMode="url"
          autoComplete="url"
          inputRef={refs.serverUrl}
        />
      )}
      {workAccount && (
        <WorkAccountButton serverUrl={serverUrl} trySilently={setup.silentSignIn} onEnrolled={onEnrolled} />
      )}
      {none && (
        <p class="banner banner--warn" role="status">
          {noInvites()}
        </p>
      )}
      {workAccount && invites && <p class="setup-or">{t('setup_or_invite')}</p>}
      {invites && (
        <form class="setup-form" onSubmit={submit} noValidate aria-busy={busy}>
          <TextField
            label={t('setup_invite_code')}
            value={code}
            onInput={typing('code', setCode)}
            error={errorOf('code')}
            inputRef={refs.code}
          />
          <TextField
            label={t('setup_your_name')}
            value={name}
            onInput={typing('name', setName)}
            autoComplete="name"
            hint={t('setup_name_hint')}
            error={errorOf('name')}
            inputRef={refs.name}
          />
          {failure && (
            <div class="banner banner--error" role="alert">
              <strong>{enrollErrorHeadline(failure.kind)}</strong>
              <span>{failure.message}</span>
              {enrollErrorAdvice(failure.kind) && <span>{enrollErrorAdvice(failure.kind)}</span>}
            </div>
          )}
          <button
            type="submit"
            class={`button button--block ${workAccount ? '' : 'button--primary'}`}
            disabled={busy}
            aria-busy={busy}
          >
            {busy ? t('setup_connecting') : t('setup_connect')}
          </button>
        </form>
      )}
    </div>
  );
}
