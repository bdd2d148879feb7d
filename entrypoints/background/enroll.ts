/**
 * Enrolment from the popup's setup form (the enroll message, validated): the server URL normalised (or
 * the one the organisation locked used), the invite code redeemed, and each failure explained.
 * On success the enrolment replaces whatever this browser held (enrollment.ts).
 */
import { normalizeServerUrl } from '../../lib/server-url';
import { readEnrollResponseSchema } from '../../lib/schemas/read';
import type { RelayDexie } from './db';
import { storeEnrollment } from './enrollment';
import type { EnrollResult } from '../../components/shared/views';
import { ApiClient, ApiError, type Transport } from './api-client';
import type { EnrollRequest } from './messages/enroll';

/** Why enrolling failed, in words for the setup form. */
function enrollFailure(error: unknown, serverUrl: string): Exclude<EnrollResult, { ok: true }> {
  if (error instanceof ApiError) {
    if (error.kind === 'offline')
      return {
        ok: false,
        kind: 'unreachable',
        message: `Can't reach ${serverUrl}. Check the address and your connection.`,
      };
    if (error.status === 404)
      return { ok: false, kind: 'bad-code', message: 'That invite code is not recognised. Check it and try again.' };
    if (error.status === 410) {
      return {
        ok: false,
        kind: 'expired',
        message: `${error.message} `.trim() || 'That invite has expired. Ask your admin for a new one.',
      };
    }
    if (error.status === 422)
      return { ok: false, kind: 'invalid', message: error.problem?.errors?.[0]?.message ?? error.message };
    if (error.status === 429)
      return { ok: false, kind: 'server', message: 'Too many attempts. Wait a minute and try again.' };
    if (error.clientTooOld)
      return {
        ok: false,
        kind: 'server',
        message:
          'This version of Relay is too old for your server. Update Relay to keep receiving posts: your browser ' +
          'updates extensions by itself (restarting it helps), or ask your IT team.',
      };
  }
  return { ok: false, kind: 'server', message: `The server could not enrol you: ${(error as Error).message}` };
}

export async function enroll(
  db: RelayDexie,
  request: EnrollRequest,
  options: { lockedServerUrl: string | null } & Transport,
): Promise<EnrollResult> {
  const serverUrl = options.lockedServerUrl ?? normalizeServerUrl(request.serverUrl);
  if (!serverUrl)
    return { ok: false, kind: 'invalid', message: 'The server URL should look like https://relay.example.com.' };
  let body: unknown;
  try {
    body = await new ApiClient(serverUrl, undefined, {
      fetch: options.fetch,
      clientVersion: options.clientVersion,
    }).enroll(request.code, request.name);
  } catch (error) {
    return enrollFailure(error, serverUrl);
  }
  const enrolled = readEnrollResponseSchema.safeParse(body);
  if (!enrolled.success)
    return {
      ok: false,
      kind: 'server',
      message: 'The server answered in a way Relay does not understand. Is this a Relay server?',
    };
  await storeEnrollment(db, {
    serverUrl,
    token: enrolled.data.token,
    advocate: enrolled.data.advocate,
    via: 'invite',
  });
  return { ok: true };
}
