/**
 * A headline for each way enrolment can fail, shown above the background's own message, and the
 * field the person most likely needs to fix.
 */
import type { EnrollResult } from '../shared/messaging';
import { t, type MessageKey } from '../shared/i18n';

export type EnrollFailure = Extract<EnrollResult, { ok: false }>;
export type SetupFieldName = 'serverUrl' | 'code' | 'name';

const HEADLINE_KEYS = {
  unreachable: 'enroll_unreachable',
  'bad-code': 'enroll_bad_code',
  expired: 'enroll_expired',
  invalid: 'enroll_invalid',
  server: 'enroll_server',
} as const satisfies Record<EnrollFailure['kind'], MessageKey>;

export function enrollErrorHeadline(kind: EnrollFailure['kind']): string {
  return t(HEADLINE_KEYS[kind]);
}

/** Extra advice where the background's message may not say what to do next. */
export function enrollErrorAdvice(kind: EnrollFailure['kind']): string | null {
  if (kind === 'expired') return t('enroll_advice_expired');
  if (kind === 'server') return t('enroll_advice_server');
  return null;
}

export function fieldToFix(failure: EnrollFailure): SetupFieldName | null {
  if (failure.kind === 'unreachable') return 'serverUrl';
  if (failure.kind === 'bad-code' || failure.kind === 'expired') return 'code';
  return null;
}

/** The fields left empty, each with what to do (checked before asking the background). */
export function emptyFields(values: Record<SetupFieldName, string>): Partial<Record<SetupFieldName, string>> {
  const messages: Record<SetupFieldName, string> = {
    serverUrl: t('enroll_empty_server'),
    code: t('enroll_empty_code'),
    name: t('enroll_empty_name'),
  };
  const empty: Partial<Record<SetupFieldName, string>> = {};
  for (const field of Object.keys(messages) as SetupFieldName[])
    if (!values[field].trim()) empty[field] = messages[field];
  return empty;
}
