/** Sign-in: email and password, validated with the shared schema; the server's answer shown clearly. */
import { useRef, useState } from 'preact/hooks';
import { adminSessionRequestSchema } from '../../../lib/schemas';
import { api, ApiError, describeError } from '../api';
import { InputField } from '../components/fields';
import { PageHeader } from '../components/ui';
import { zodErrors, type Errors } from '../forms';
import type { Session } from '../types';
import { ThemeSelect } from '../components/ThemeSelect';
import { Logo } from '../components/Logo';

interface Props {
  reason?: string;
  onSignedIn: (session: Session) => void;
}

export function SignIn({ reason, onSignedIn }: Props) {
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
    <div class="signin-page">
      <div class="signin-page__theme">
        <ThemeSelect />
      </div>
      <main id="main" class="signin" tabIndex={-1}>
        <div class="signin__brand">
          <Logo />
          <span>Relay admin</span>
        </div>
        <PageHeader title="Sign in">
          <p>Publish approved posts to your advocates, set guidelines and follow the results.</p>
        </PageHeader>
        {reason && (
          <p class="notice notice--info" role="status">
            {reason}
          </p>
        )}
        <form class="card signin__form" onSubmit={(event) => void submit(event)} noValidate>
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
          <button type="submit" class="button button--primary button--wide" disabled={busy} aria-busy={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
      </main>
    </div>
  );
}
