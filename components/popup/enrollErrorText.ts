/**
 * A headline for each way enrolment can fail, shown above the background's own message, and the
 * field the person most likely needs to fix.
 */
import type { EnrollResult } from '../shared/messaging';

export type EnrollFailure = Extract<EnrollResult, { ok: false }>;
export type SetupFieldName = 'serverUrl' | 'code' | 'name';

export const ENROLL_ERROR_HEADLINE: Record<EnrollFailure['kind'], string> = {
  unreachable: 'Server not reachable',
  'bad-code': 'Invite code not recognised',
  expired: 'Invite expired',
  invalid: 'Check the form',
  server: 'Server problem',
};

/** Extra advice where the background's message may not say what to do next. */
export const ENROLL_ERROR_ADVICE: Partial<Record<EnrollFailure['kind'], string>> = {
  expired: 'Ask your admin or comms team for a new invite code.',
  server: 'If it keeps happening, tell your admin.',
};

export function fieldToFix(failure: EnrollFailure): SetupFieldName | null {
  if (failure.kind === 'unreachable') return 'serverUrl';
  if (failure.kind === 'bad-code' || failure.kind === 'expired') return 'code';
  return null;
}

/** The fields left empty, each with what to do (checked before asking the background). */
export function emptyFields(values: Record<SetupFieldName, string>): Partial<Record<SetupFieldName, string>> {
  const messages: Record<SetupFieldName, string> = {
    serverUrl: 'Enter the server address your admin gave you.',
    code: 'Enter your invite code.',
    name: 'Enter your name, as your comms team knows you.',
  };
  const empty: Partial<Record<SetupFieldName, string>> = {};
  for (const field of Object.keys(messages) as SetupFieldName[])
    if (!values[field].trim()) empty[field] = messages[field];
  return empty;
}
