/**
 * Sign-in: "Sign in with your work account" when the server offers it (a plain link to
 * /v1/sso/start, which needs no script state), email and password when those are allowed (checked
 * with the shared schema), and what a failed work-account sign-in came back with.
 */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { Logo } from '../components/Logo';
import { PasswordSignIn } from '../components/PasswordSignIn';
import { ThemeSelect } from '../components/ThemeSelect';
import { Loading, PageHeader } from '../components/ui';
import { FALLBACK_NAME } from '../shell/organization-name';
import type { Session, SignInOptions } from '../types';

interface Props {
  reason?: string;
  /** Words for a failed work-account sign-in, or null. */
  ssoError?: string | null;
  onSignedIn: (session: Session) => void;
}

/** What a server from before work accounts offers: passwords only. */
const PASSWORD_ONLY: SignInOptions = {
  sso: false,
  password: true,
  invites: true,
  organization: { name: '', logoUrl: null },
};

export const SSO_START = '/v1/sso/start?for=console';

export function SignIn({ reason, ssoError, onSignedIn }: Props) {
  const [options, setOptions] = useState<SignInOptions | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    api
      .get<SignInOptions>('/v1/sign-in-options', { allowUnauthorized: true, signal: controller.signal })
      .then(setOptions)
      .catch((error: unknown) => {
        if ((error as Error).name !== 'AbortError') setOptions(PASSWORD_ONLY);
      });
    return () => controller.abort();
  }, []);

  return (
    <div class="signin-page">
      <main id="main" class="signin" tabIndex={-1}>
        <div class="signin__brand">
          <Logo />
          <span class="brand__name">{options?.organization?.name.trim() || FALLBACK_NAME}</span>
          <span class="brand__product">Relay admin</span>
        </div>
        <PageHeader title="Sign in">
          <p>Publish approved posts to your advocates, set guidelines and follow the results.</p>
        </PageHeader>
        {reason && (
          <p class="notice notice--info" role="status">
            {reason}
          </p>
        )}
        <div role="alert" class="notice-slot">
          {/* Inserted once the page is up, so screen readers announce it (an alert there from the start may go unread). */}
          {ssoError && options && <p class="notice notice--error">{ssoError}</p>}
        </div>
        {options === null ? (
          <Loading label="Loading the ways to sign in…" />
        ) : (
          <div class="card signin__card">
            {options.sso && (
              <a class="button button--primary button--wide signin__sso" href={SSO_START}>
                Sign in with your work account
              </a>
            )}
            {options.password && (
              <PasswordSignIn
                heading={options.sso ? 'or sign in with email and password' : undefined}
                primary={!options.sso}
                onSignedIn={onSignedIn}
              />
            )}
            {!options.sso && !options.password && (
              <p>This server allows no way to sign in. Ask whoever runs it to set up single sign-on.</p>
            )}
          </div>
        )}
      </main>
      <footer class="signin-page__footer">
        <ThemeSelect />
      </footer>
    </div>
  );
}
