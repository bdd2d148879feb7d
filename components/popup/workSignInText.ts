/** A headline for each way a work-account sign-in can end without enrolling, shown above the background's words. */
import type { WorkSignInFailureKind } from '../shared/views';

export const WORK_SIGN_IN_HEADLINE: Record<WorkSignInFailureKind, string> = {
  cancelled: 'Sign-in not finished',
  'login-required': 'Sign in needed',
  'access-removed': 'No access to Relay',
  'access-denied': 'Sign-in not allowed',
  'sso-off': 'Work-account sign-in not available',
  unreachable: 'Server not reachable',
  'code-invalid': 'Sign-in expired',
  invalid: 'Check the server URL',
  server: 'Sign-in problem',
};

/** Failures of a silent try the popup does not show: nobody asked, and the button is there. */
export const QUIET_SILENT_FAILURES: ReadonlySet<WorkSignInFailureKind> = new Set([
  'login-required',
  'cancelled',
  'sso-off',
]);
