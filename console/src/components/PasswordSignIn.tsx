/** Email and password sign-in, validated with the shared schema; the server's answer shown clearly. */
import { useRef, useState } from 'preact/hooks';
import { adminSessionRequestSchema } from '../../../lib/schemas';
import { api, ApiError, describeError } from '../api';
import { zodErrors, type Errors } from '../forms';
import type { Session } from '../types';
import { InputField } from './fields';

interface Props {
  /** Names the form when it is the second way in ("or sign in with email and password"). */
  heading?: string;
  /** The page's main action (no work-account sign-in above it). */
  primary: boolean;
  onSignedIn: (session: Session) => void;
}

export function PasswordSignIn({ heading, primary, onSignedIn }: Props) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const emailInput = useRef<HTMLInputElement>(null);
  const passwordInput = useRef<HTMLInputElement>(null);

  async function submit(event: Event) {
    event.preventDefault();
    setFailure(null);
    const parsed = adminSessionRequestSchema.safeParse({ email: email.trim(), password });
    if (!parsed.success) {
      const found = zodErrors(parsed.error);
      setErrors(found);
      (found.email ? emailInput : passwordInput).current?.focus();
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const session = await api.post<Session>('/v1/admin/session', parsed.data, { allowUnauthorized: true });
      onSignedIn(session);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        setFailure('That email and password do not match an admin. Check them and try again.');
        passwordInput.current?.select();
      } else {
        setFailure(describeError(error));
      }
      setBusy(false);
    }
  }

  return (
    // Not labelled by its heading: "Email" would then name the form as well as the field.
    <form class="signin__form" onSubmit={(event) => void submit(event)} noValidate>
      {heading && <h2 class="signin__or">{heading}</h2>}
      <div role="alert" class="notice-slot">
        {failure && <p class="notice notice--error">{failure}</p>}
      </div>
      <InputField
        form="signin"
        path="email"
        label="Email"
        errors={errors}
        inputRef={emailInput}
        type="email"
        name="email"
        autoComplete="username"
        required
        value={email}
        onValue={setEmail}
      />
      <InputField
        form="signin"
        path="password"
        label="Password"
        errors={errors}
        inputRef={passwordInput}
        type="password"
        name="password"
        autoComplete="current-password"
        required
        value={password}
        onValue={setPassword}
      />
      <button
        type="submit"
        class={`button button--wide${primary ? ' button--primary' : ''}`}
        disabled={busy}
        aria-busy={busy}
      >
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
