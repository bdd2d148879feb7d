/** A headline for each way a work-account sign-in can end without enrolling, shown above the background's words. */
import type { WorkSignInFailureKind } from '../shared/views';
import { t, type MessageKey } from '../shared/i18n';

const HEADLINE_KEYS = {
  cancelled: 'work_cancelled',
  'login-required': 'work_login_required',
  'access-removed': 'work_access_removed',
  'access-denied': 'work_access_denied',
  'sso-off': 'work_sso_off',
  unreachable: 'enroll_unreachable',
  'code-invalid': 'work_code_invalid',
  invalid: 'work_invalid',
  server: 'work_server',
} as const satisfies Record<WorkSignInFailureKind, MessageKey>;

export function workSignInHeadline(kind: WorkSignInFailureKind): string {
  return t(HEADLINE_KEYS[kind]);
}

/** Failures of a silent try the popup does not show: nobody asked, and the button is there. */
export const QUIET_SILENT_FAILURES: ReadonlySet<WorkSignInFailureKind> = new Set([
  'login-required',
  'cancelled',
  'sso-off',
]);
