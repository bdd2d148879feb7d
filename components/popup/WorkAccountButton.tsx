/** "Sign in with your work account", after a silent try as the popup opens when zero-touch applies. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { WorkSignInResult } from '../shared/views';
import { useClient } from './ClientContext';
import { describeError } from './describeError';
import { QUIET_SILENT_FAILURES, workSignInHeadline } from './workSignInText';
import { t } from '../shared/i18n';

type Failure = Extract<WorkSignInResult, { ok: false }>;

interface Props {
  /** The server URL the person typed (the background uses the organisation's when it is locked). */
  serverUrl: string;
  trySilently: boolean;
  onEnrolled: () => Promise<void>;
}

/**
 * The background opens the company's sign-in page (identity.launchWebAuthFlow) and enrols this
 * browser. With `trySilently`, a silent try runs first: no window, and no word unless something is
 * really wrong.
 */
export function WorkAccountButton({ serverUrl, trySilently, onEnrolled }: Props) {
  const client = useClient();
  const [busy, setBusy] = useState<'silent' | 'interactive' | null>(trySilently ? 'silent' : null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const tried = useRef(false);

  async function attempt(silent: boolean) {
    setBusy(silent ? 'silent' : 'interactive');
    setFailure(null);
    try {
      const result = await client.signInWorkAccount(silent ? { silent } : { serverUrl });
      if (result?.ok) return void (await onEnrolled());
      if (result && !(silent && QUIET_SILENT_FAILURES.has(result.kind))) setFailure(result);
    } catch (caught) {
      setFailure({ ok: false, kind: 'server', message: describeError(caught) });
    } finally {
      setBusy(null);
    }
  }

  useEffect(() => {
    if (!trySilently || tried.current) return;
    tried.current = true;
    void attempt(true);
    // Once per opening.
  }, [trySilently]);

  const label =
    busy === 'silent' ? t('work_signing_in') : busy === 'interactive' ? t('work_finish_window') : t('work_sign_in');
  return (
    <div class="work-sign-in">
      <button
        type="button"
        class="button button--primary button--block"
        disabled={busy !== null}
        aria-busy={busy !== null}
        onClick={() => void attempt(false)}
      >
        {label}
      </button>
      {failure && (
        <div class="banner banner--error" role="alert">
          <strong>{workSignInHeadline(failure.kind)}</strong>
          <span>{failure.message}</span>
        </div>
      )}
    </div>
  );
}
