/** What a failed work-account sign-in came back with (`/admin/?sso-error=<type>`): read once, then taken out of the URL. */

export const SSO_ERROR_TEXT = {
  'not-admin': 'Your work account is not a Relay admin. Ask your IT team to add you to the admin group.',
  'access-removed':
    'Your work account’s access to Relay has been removed. Ask your IT team if you think this is a mistake.',
  'access-denied':
    'Your company’s sign-in did not let you in: it was cancelled, or your work account is not allowed to use ' +
    'Relay. Try again, or ask your IT team to assign Relay to you.',
  'login-required': 'Your work account needs you to sign in again. Choose “Sign in with your work account”.',
  failed:
    'Signing in with your work account didn’t work. Try again; if it keeps failing, ask your IT team to check ' +
    'Relay’s single sign-on settings.',
} as const;

export type SsoErrorType = keyof typeof SSO_ERROR_TEXT;

function isSsoError(value: string): value is SsoErrorType {
  return Object.hasOwn(SSO_ERROR_TEXT, value);
}

/**
 * The words for the `sso-error` in this page's query (an unknown type reads as `failed`), or null;
 * the query is removed from the address bar either way, so a reload or a bookmark doesn't show it again.
 */
export function takeSsoError(): string | null {
  const params = new URLSearchParams(location.search);
  const type = params.get('sso-error');
  if (type === null) return null;
  params.delete('sso-error');
  const rest = params.toString();
  history.replaceState(history.state, '', `${location.pathname}${rest ? `?${rest}` : ''}${location.hash}`);
  return SSO_ERROR_TEXT[isSsoError(type) ? type : 'failed'];
}
