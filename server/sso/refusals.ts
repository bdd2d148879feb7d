/** How a sign-in with the identity provider can end without one: the types the console and the extension show words for. */
import { AuthorizationResponseError } from 'openid-client';

/** `/admin/?sso-error=<type>`, and the extension redirect's `error=<type>`. */
export const SSO_ERRORS = ['not-admin', 'access-removed', 'access-denied', 'login-required', 'failed'] as const;
export type SsoErrorType = (typeof SSO_ERRORS)[number];

/** The words sent as the extension redirect's error_description (the console has its own). */
export const SSO_ERROR_WORDS: Record<SsoErrorType, string> = {
  'not-admin': 'Your work account is not in the group of Relay admins.',
  'access-removed': 'Your company has not given you access to Relay.',
  // The provider's access_denied: the person cancelled, or is not assigned to the app (Entra ID, Okta).
  'access-denied':
    'Your company sign-in did not let you in: it was cancelled, or your account is not allowed to use Relay.',
  'login-required': 'Sign in with your work account to continue.',
  failed: 'Signing in with your work account did not work. Try again.',
};

/** A sign-in refused: its type, and what the server logs about it (nothing secret). */
export class SsoRefusal extends Error {
  override name = 'SsoRefusal';
  constructor(
    readonly type: SsoErrorType,
    logged?: string,
  ) {
    super(logged ?? SSO_ERROR_WORDS[type]);
  }
}

/**
 * The type for an error the provider answered the authorization request with: it wants the person
 * to sign in (a silent sign-in without a session, or consent to give), or it did not let them in
 * (they cancelled, or are not assigned to the app: providers say access_denied for both); anything
 * else is a failure.
 */
export function providerErrorType(error: string): SsoErrorType {
  if (error === 'login_required' || error === 'interaction_required' || error === 'consent_required') {
    return 'login-required';
  }
  if (error === 'access_denied') return 'access-denied';
  return 'failed';
}

/** The type for whatever a callback threw; only failures (not a person's refusal) are worth a log line. */
export function refusalOf(error: unknown): { type: SsoErrorType; expected: boolean } {
  if (error instanceof SsoRefusal) return { type: error.type, expected: error.type !== 'failed' };
  if (error instanceof AuthorizationResponseError) {
    const type = providerErrorType(error.error);
    return { type, expected: type !== 'failed' };
  }
  return { type: 'failed', expected: false };
}
