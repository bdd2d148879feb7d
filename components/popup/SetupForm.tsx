/**
 * The enrolment form: server URL (locked when the organisation set it), invite code and name.
 * Validation is the background's: its answer is shown in an alert, with advice for each kind.
 */
import { useRef, useState } from 'preact/hooks';
import type { PopupState } from '../shared/messaging';
import { useClient } from './ClientContext';
import { describeError } from './describeError';
import { ENROLL_ERROR_ADVICE, ENROLL_ERROR_HEADLINE, fieldToFix, type EnrollFailure } from './enrollErrorText';
import { TextField } from './TextField';

interface Props {
  setup: PopupState['setup'];
  onEnrolled: () => Promise<void>;
}

export function SetupForm({ setup, onEnrolled }: Props) {
  const client = useClient();
  const [serverUrl, setServerUrl] = useState(setup.serverUrl);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<EnrollFailure | null>(null);
  const refs = { serverUrl: useRef<HTMLInputElement>(null), code: useRef<HTMLInputElement>(null) };
  const fix = failure ? fieldToFix(failure) : null;

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      const result = await client.enroll({ serverUrl: setup.locked ? setup.serverUrl : serverUrl, code, name });
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
    <form class="setup-form" onSubmit={submit} noValidate aria-busy={busy}>
      <TextField
        label="Server URL"
        value={setup.locked ? setup.serverUrl : serverUrl}
        onInput={setServerUrl}
        readOnly={setup.locked}
        hint={setup.locked ? 'Set by your organisation.' : 'The address your admin gave you, e.g. relay.example.com'}
        invalid={fix === 'serverUrl'}
        inputMode="url"
        autoComplete="url"
        inputRef={refs.serverUrl}
      />
      <TextField label="Invite code" value={code} onInput={setCode} invalid={fix === 'code'} inputRef={refs.code} />
      <TextField
        label="Your name"
        value={name}
        onInput={setName}
        autoComplete="name"
        hint="Shown to your comms team."
      />
      {failure && (
        <div class="banner banner--error" role="alert">
          <strong>{ENROLL_ERROR_HEADLINE[failure.kind]}</strong>
          <span>{failure.message}</span>
          {ENROLL_ERROR_ADVICE[failure.kind] && <span>{ENROLL_ERROR_ADVICE[failure.kind]}</span>}
        </div>
      )}
      <button type="submit" class="button button--primary button--block" disabled={busy} aria-busy={busy}>
        {busy ? 'Connecting…' : 'Connect'}
      </button>
    </form>
  );
}
